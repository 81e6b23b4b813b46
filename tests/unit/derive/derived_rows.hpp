// The rows of the derived tables as plain structs, for comparisons.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::derive::testing {

inline std::string text_or_empty(const Column& c, int64_t row) {
  return c.is_valid(row) ? std::string(c.string_at(row)) : std::string();
}

struct SessionRow {
  std::string visitor;
  int64_t started_at;
  int64_t ended_at;
  int64_t events;
  int64_t page_views;
  std::string device;  // "" = null
  std::string source;  // "" = null
  int64_t first_event;
  bool operator==(const SessionRow&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const SessionRow& s) {
  return out << "{" << s.visitor << ", " << s.started_at << ".." << s.ended_at
             << ", events " << s.events << ", views " << s.page_views << ", '"
             << s.device << "', '" << s.source << "', first " << s.first_event
             << "}";
}

inline std::vector<SessionRow> session_rows(const Table& sessions) {
  const auto col = [&](const char* name) -> const Column& {
    return *sessions.find(name);
  };
  std::vector<SessionRow> rows;
  for (int64_t r = 0; r < sessions.rows(); ++r) {
    const auto i = static_cast<size_t>(r);
    rows.push_back(
        {std::string(col("visitor_id").string_at(r)), col("started_at").ints[i],
         col("ended_at").ints[i], col("events").ints[i],
         col("page_views").ints[i], text_or_empty(col("device"), r),
         text_or_empty(col("source"), r), col("first_event").ints[i]});
  }
  return rows;
}

struct LinkRow {
  std::string visitor;
  std::string customer;
  int64_t since;
  bool operator==(const LinkRow&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const LinkRow& l) {
  return out << "{" << l.visitor << " -> " << l.customer << " since " << l.since
             << "}";
}

inline std::vector<LinkRow> link_rows(const Table& links) {
  std::vector<LinkRow> rows;
  for (int64_t r = 0; r < links.rows(); ++r)
    rows.push_back({std::string(links.find("visitor_id")->string_at(r)),
                    std::string(links.find("customer_id")->string_at(r)),
                    links.find("since")->ints[static_cast<size_t>(r)]});
  return rows;
}

// The person of `visitor` at `as_of` by the rule of the change list: the
// customer of its last row with since < as_of, else the visitor itself.
inline std::string person(const Table& links, const std::string& visitor,
                          int64_t as_of) {
  std::string found = visitor;
  for (const auto& row : link_rows(links))
    if (row.visitor == visitor && row.since < as_of) found = row.customer;
  return found;
}

inline std::vector<int64_t> event_rows(const Table& session_events) {
  return session_events.find("event")->ints;
}

}  // namespace vigie::derive::testing
