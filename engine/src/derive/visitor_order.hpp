// The web events of each visitor in time order, the one sort that both
// sessions and stitching walk: rows grouped by visitor code with a
// counting sort (CSR offsets over the visitor dictionary), then each
// visitor's rows ordered by (ts, row).
#pragma once

#include <cstdint>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::derive {

// What the walks read of each event travels with it through the sort, so
// that they read the order sequentially instead of web_events' columns at
// random rows: an entry packs the row (bits 0-31), the customer code + 1
// (bits 32-62; 0 when the event has no customer_id) and whether it is a
// page view (bit 63).
class VisitorOrder {
 public:
  // Visitor v's events are positions [offsets[v], offsets[v + 1]); one
  // entry a code of the visitor dictionary, plus one.
  std::vector<int64_t> offsets;
  std::vector<int64_t> ts;      // by visitor, then ts, then row
  std::vector<int64_t> events;  // packed, in the same order

  int32_t visitors() const { return static_cast<int32_t>(offsets.size()) - 1; }
  int64_t row(int64_t i) const {
    return static_cast<int64_t>(bits(i) & kRowMask);
  }
  // The customer code of the event, or -1.
  int32_t customer(int64_t i) const {
    return static_cast<int32_t>((bits(i) >> 32) & kCustomerMask) - 1;
  }
  bool is_page_view(int64_t i) const { return (bits(i) >> 63) != 0; }

  static constexpr uint64_t kRowMask = 0xFFFFFFFFu;
  static constexpr uint64_t kCustomerMask = 0x7FFFFFFFu;

 private:
  uint64_t bits(int64_t i) const {
    return static_cast<uint64_t>(events[static_cast<size_t>(i)]);
  }
};

// Sorts web_events (its visitor_id and ts, both required: a null in either
// throws std::invalid_argument, as does a table of 2^32 rows or more;
// customer_id and event_type when present).
VisitorOrder order_by_visitor(const Table& web_events);

// The web_events rows of the order, unpacked in place in its storage.
std::vector<int64_t> take_rows(VisitorOrder&& order);

}  // namespace vigie::derive
