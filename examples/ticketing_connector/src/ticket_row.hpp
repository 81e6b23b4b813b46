// One ticket of the export, a JSON object, as the row of the canonical
// `calls` dataset it becomes (one contact of the customer service):
//
//   ticket field                          calls column
//   id                                    call_id
//   created_at                            started_at (as written: ISO 8601)
//   requester.id / requester.email        customer_id / customer_email
//   channel (phone, email, chat, ...)     channel (a spec maps it to queue)
//   status solved / abandoned             outcome answered / abandoned
//   metrics.first_response_seconds        wait_s
//   metrics.handle_seconds                handle_s
//   satisfaction (1..5)                   csat
//
// Every contact is inbound: a customer opened the ticket.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace ticketing {

struct TicketRow {
  std::string call_id;
  std::string started_at;
  std::optional<std::string> customer_id;
  std::optional<std::string> customer_email;
  std::optional<std::string> channel;
  std::string outcome;
  std::optional<int64_t> wait_s;
  std::optional<int64_t> handle_s;
  std::optional<int64_t> csat;
};

// Fills `row` from `ticket`; returns why the ticket cannot be a row (a
// field missing or of the wrong type, a status that is not an outcome),
// or nothing.
std::optional<std::string> read_ticket(const nlohmann::json& ticket,
                                       TicketRow& row);

}  // namespace ticketing
