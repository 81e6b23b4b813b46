// The sessions of each person at one as_of (KPI-CATALOG.md sections 3 and
// 5): every session of the engine's derived `sessions` dataset whose
// visitor is linked, at as_of, to a customer (sdk::kernels::Stitching over
// `visitor_links`), in one timeline by customer. A person's sessions are
// those of all its visitors, by start; sessions that start at the same
// instant keep the row order of `sessions` (by visitor code, i.e. the
// visitor seen first in the web data first), so first, last and
// position-based credit always go to the same session.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "vigie/sdk.hpp"

namespace attribution {

class PersonSessions {
 public:
  // Only the sessions starting in [from, to) are kept (those a conversion
  // of P can reach); `customer_count` is the size of the customer code
  // space.
  PersonSessions(const vigie::TableView& sessions,
                 const vigie::TableView& visitor_links, int64_t customer_count,
                 int64_t as_of, int64_t from, int64_t to);

  // Customer c's sessions starting in [from, to), oldest first; each
  // Event's row is a row of `sessions`.
  std::span<const vigie::sdk::kernels::Event> starting_in(int32_t customer,
                                                          int64_t from,
                                                          int64_t to) const;
  // The source code of a session (web_events' source dictionary), or
  // kNone when it has none.
  int32_t source(int64_t row) const {
    return source_.is_valid(row) ? source_.codes()[row]
                                 : vigie::sdk::kernels::kNone;
  }
  const vigie::ColumnView& sources() const { return source_; }

 private:
  const vigie::ColumnView& source_;
  vigie::sdk::kernels::Timeline timeline_;
};

}  // namespace attribution
