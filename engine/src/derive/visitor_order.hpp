// The web events of each visitor in time order, the one sort that both
// sessions and stitching walk: rows grouped by visitor code with a
// counting sort (CSR offsets over the visitor dictionary), then each
// visitor's rows ordered by (ts, row).
#pragma once

#include <cstdint>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::derive {

struct VisitorOrder {
  // Visitor v's events are positions [offsets[v], offsets[v + 1]) of rows
  // and ts; one entry a code of the visitor dictionary, plus one.
  std::vector<int64_t> offsets;
  std::vector<int64_t> rows;  // web_events rows: by visitor, ts, then row
  std::vector<int64_t> ts;    // ts of rows[i], in the same order

  int32_t visitors() const { return static_cast<int32_t>(offsets.size()) - 1; }
};

// `visitor` is web_events' visitor_id (dictionary), `ts` its ts column.
// Both are required columns: a null in either throws std::invalid_argument
// (ingest never produces one).
VisitorOrder order_by_visitor(const Column& visitor, const Column& ts);

}  // namespace vigie::derive
