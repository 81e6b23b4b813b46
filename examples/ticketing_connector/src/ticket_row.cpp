#include "ticket_row.hpp"

#include <string_view>

namespace ticketing {

namespace {

using nlohmann::json;

// The value at a dotted path ("metrics.handle_seconds"), or nullptr when a
// part is missing or null: an absent field and a null say the same.
const json* find(const json& object, std::string_view path) {
  const json* at = &object;
  for (;;) {
    const size_t dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!at->is_object()) return nullptr;
    const auto it = at->find(key);
    if (it == at->end() || it->is_null()) return nullptr;
    at = &*it;
    if (dot == std::string_view::npos) return at;
    path.remove_prefix(dot + 1);
  }
}

// A text field; an integer id is written in decimal.
std::optional<std::string> text(const json& ticket, std::string_view path,
                                std::optional<std::string>& out) {
  const json* value = find(ticket, path);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    if (!value->get_ref<const std::string&>().empty())
      out = value->get<std::string>();
  } else if (value->is_number_integer()) {
    out = value->dump();
  } else {
    return std::string(path) + " is " + value->type_name() +
           ": expected text or an integer";
  }
  return std::nullopt;
}

// A whole number of at least `low` and at most `high`.
std::optional<std::string> whole(const json& ticket, std::string_view path,
                                 int64_t low, int64_t high,
                                 std::optional<int64_t>& out) {
  const json* value = find(ticket, path);
  if (value == nullptr) return std::nullopt;
  // An unsigned value is past int64 only when it is past `high` too.
  if (value->is_number_unsigned() &&
      value->get<uint64_t>() <= static_cast<uint64_t>(high)) {
    out = static_cast<int64_t>(value->get<uint64_t>());
    if (*out >= low) return std::nullopt;
  } else if (value->is_number_integer() && !value->is_number_unsigned()) {
    const auto v = value->get<int64_t>();
    if (v >= low && v <= high) {
      out = v;
      return std::nullopt;
    }
  }
  out.reset();
  return std::string(path) + " is " + value->dump() + ": expected a whole " +
         "number from " + std::to_string(low) + " to " + std::to_string(high);
}

}  // namespace

std::optional<std::string> read_ticket(const json& ticket, TicketRow& row) {
  row = TicketRow{};
  if (!ticket.is_object()) return "not a JSON object";
  std::optional<std::string> id, created, status;
  if (auto problem = text(ticket, "id", id)) return problem;
  if (!id) return "no id";
  if (auto problem = text(ticket, "created_at", created)) return problem;
  if (!created) return "no created_at";
  if (auto problem = text(ticket, "status", status)) return problem;
  if (!status) return "no status";
  if (*status == "solved")
    row.outcome = "answered";
  else if (*status == "abandoned")
    row.outcome = "abandoned";
  else
    return "status '" + *status +
           "' is neither solved nor abandoned: the ticket is not closed "
           "(export closed tickets only)";
  row.call_id = *id;
  row.started_at = *created;
  // No first response nor handling takes a month: a larger figure is a
  // unit mistake (milliseconds), refused rather than counted.
  constexpr int64_t kMaxSeconds = 31 * 86400;
  for (auto problem :
       {text(ticket, "requester.id", row.customer_id),
        text(ticket, "requester.email", row.customer_email),
        text(ticket, "channel", row.channel),
        whole(ticket, "metrics.first_response_seconds", 0, kMaxSeconds,
              row.wait_s),
        whole(ticket, "metrics.handle_seconds", 0, kMaxSeconds, row.handle_s),
        whole(ticket, "satisfaction", 1, 5, row.csat)})
    if (problem) return problem;
  return std::nullopt;
}

}  // namespace ticketing
