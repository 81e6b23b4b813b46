#include "person_sessions.hpp"

#include <algorithm>
#include <stdexcept>

namespace attribution {

using namespace vigie::sdk::kernels;

PersonSessions::PersonSessions(const vigie::TableView& sessions,
                               const vigie::TableView& visitor_links,
                               int64_t customer_count, int64_t as_of,
                               int64_t from, int64_t to)
    : source_(sessions.column("source")) {
  const vigie::ColumnView& visitor = sessions.column("visitor_id");
  const vigie::ColumnView& started_at = sessions.column("started_at");
  // Both columns hold codes of the run's one visitor dictionary.
  const int64_t visitors =
      std::max(visitor.dictionary_size(),
               visitor_links.column("visitor_id").dictionary_size());
  const Stitching stitching(visitor_links, visitors);
  // One lookup a visitor, not one a session.
  const std::vector<int32_t> person = stitching.persons_at(as_of);
  const CodeSource visitor_codes(visitor);
  std::vector<int32_t> session_person(static_cast<size_t>(sessions.rows()),
                                      kNone);
  for (int64_t row = 0; row < sessions.rows(); ++row) {
    const int32_t v = visitor_codes[row];
    if (v >= 0)
      session_person[static_cast<size_t>(row)] = person[static_cast<size_t>(v)];
  }
  const int64_t codes = std::max(customer_count, stitching.customer_count());
  const int64_t* starts = started_at.ints();
  timeline_ = Timeline(
      CodeSource(session_person, codes), started_at,
      [&](int64_t row) { return starts[row] >= from && starts[row] < to; });
}

std::span<const Event> PersonSessions::starting_in(int32_t customer,
                                                   int64_t from,
                                                   int64_t to) const {
  if (customer < 0 || customer >= timeline_.entity_count()) return {};
  return timeline_.events_in(customer, from, to);
}

}  // namespace attribution
