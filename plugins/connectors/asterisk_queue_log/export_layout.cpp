// PBXware's queue_log table exported as CSV: a header line, then one event
// a row. Its columns differ from the raw file's data fields: the caller id
// is param1 on every call event, and the durations have columns of their
// own, `htime` (seconds waited: holdtime on CONNECT, COMPLETE* and
// transfers, waittime on ABANDON and EXIT*) and `ttime` (calltime). On the
// real export every CONNECT has an empty param1 and its holdtime in htime
// (call 1543602660.197: ENTERQUEUE at epoch 1543602677, CONNECT at
// 1543602753 with htime 76) and every COMPLETE* its talk time in ttime
// (COMPLETECALLER at 1543603600: ttime 847, the seconds since CONNECT).
#include <algorithm>
#include <array>
#include <string>

#include "event_layout.hpp"
#include "event_rules.hpp"
#include "field_text.hpp"

namespace vigie::queue_log {
namespace {

enum Column : size_t {
  kDateTime,
  kCallid,
  kQueue,
  kAgent,
  kEvent,
  kParam1,
  kHoldOrWait,
  kTalk,
  kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "date_time", "callid", "queue_name", "type",
    "event",     "param1", "htime",      "ttime"};

class ExportLayout final : public EventLayout {
 public:
  ExportLayout(const std::vector<std::string>& header,
               const std::string& origin)
      : width_(header.size()) {
    for (size_t c = 0; c < kColumnCount; ++c) {
      auto it = std::find(header.begin(), header.end(), kNames[c]);
      if (it == header.end())
        throw std::runtime_error(
            origin + ":1: the header of the queue_log export has no column '" +
            std::string(kNames[c]) +
            "' (expected uid,date_time,callid,queue_name,type,event,param1,"
            "param2,param3,entpos,expos,htime,ttime,time)");
      at_[c] = static_cast<size_t>(it - header.begin());
    }
  }

  bool read(const std::vector<std::string_view>& fields, int64_t line,
            QueueEvent& event, std::string& problem) const override {
    if (fields.size() != width_) {
      problem = "expected " + std::to_string(width_) +
                " fields as in the header, found " +
                std::to_string(fields.size());
      return false;
    }
    auto field = [&](Column c) { return fields[at_[c]]; };
    auto epoch = whole_number(field(kDateTime), kMaxEpoch);
    if (!epoch) {
      problem =
          "expected the time as seconds since 1970 (epoch) in date_time, got " +
          quoted(field(kDateTime));
      return false;
    }
    if (field(kEvent).empty()) {
      problem = "expected an event name in column event, got nothing";
      return false;
    }
    event = QueueEvent{};
    event.line = line;
    event.epoch = *epoch;
    event.callid = field(kCallid);
    event.queue = field(kQueue);
    event.agent = field(kAgent);
    event.name = field(kEvent);
    // The raw positions say which figures the event has; the export keeps
    // them in its own columns.
    const EventRule rule = rule_of(event.name);
    event.role = rule.role;
    if (rule.caller) event.caller = field(kParam1);
    if (rule.hold) event.hold = {field(kHoldOrWait), kNames[kHoldOrWait]};
    if (rule.talk) event.talk = {field(kTalk), kNames[kTalk]};
    if (rule.wait) event.wait = {field(kHoldOrWait), kNames[kHoldOrWait]};
    return true;
  }

 private:
  size_t width_;
  std::array<size_t, kColumnCount> at_{};
};

}  // namespace

std::unique_ptr<EventLayout> export_layout(
    const std::vector<std::string>& header, const std::string& origin) {
  return std::make_unique<ExportLayout>(header, origin);
}

}  // namespace vigie::queue_log
