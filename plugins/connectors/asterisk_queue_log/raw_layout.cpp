// The raw queue_log Asterisk writes: `epoch|callid|queue|agent|event`, then
// the event's data fields, no header and no quoting (the reader is told
// `|` and no quotes: a caller name with `"` in it stays as written).
#include <string>

#include "event_layout.hpp"
#include "event_rules.hpp"
#include "field_text.hpp"

namespace vigie::queue_log {
namespace {

constexpr size_t kFixedFields = 5;
constexpr std::string_view kDataNames[] = {"",      "data1", "data2",
                                           "data3", "data4", "data5"};

class RawLayout final : public EventLayout {
 public:
  bool read(const std::vector<std::string_view>& fields, int64_t line,
            QueueEvent& event, std::string& problem) const override {
    if (fields.size() < kFixedFields) {
      problem =
          "expected at least 5 fields separated by '|' "
          "(epoch|callid|queue|agent|event|data...), found " +
          std::to_string(fields.size());
      return false;
    }
    auto epoch = whole_number(fields[0], kMaxEpoch);
    if (!epoch) {
      problem =
          "expected the time as seconds since 1970 (epoch) in field 1, got " +
          quoted(fields[0]);
      return false;
    }
    if (fields[4].empty()) {
      problem = "expected an event name in field 5, got nothing";
      return false;
    }
    event = QueueEvent{};
    event.line = line;
    event.epoch = *epoch;
    event.callid = fields[1];
    event.queue = fields[2];
    event.agent = fields[3];
    event.name = fields[4];
    const EventRule rule = rule_of(event.name);
    event.role = rule.role;
    auto data = [&](int position) -> Figure {
      size_t at = kFixedFields - 1 + static_cast<size_t>(position);
      if (position == 0 || at >= fields.size()) return {};
      return {fields[at], kDataNames[position]};
    };
    event.caller = data(rule.caller).text;
    event.hold = data(rule.hold);
    event.talk = data(rule.talk);
    event.wait = data(rule.wait);
    return true;
  }
};

}  // namespace

std::unique_ptr<EventLayout> raw_layout() {
  return std::make_unique<RawLayout>();
}

}  // namespace vigie::queue_log
