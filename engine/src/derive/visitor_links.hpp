// Identity stitching (KPI catalog section 3), for every as_of at once: a
// change list. Walking a visitor's identified events in time order, a row
// is written each time the most frequent customer_id changes (ties: the
// smallest customer_id in byte order of its text; events of equal ts are
// counted together). The person of visitor v at as_of t is then the
// customer of v's last row with since < t, found by a binary search, so P,
// P' and the twelve periods of a series share one computation.
#pragma once

#include "derive/visitor_order.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::derive {

// Columns: visitor_id (dictionary: web_events' visitor pool), customer_id
// (dictionary: web_events' customer pool), since (timestamp). Rows by
// visitor code, then since. Empty when web_events has no customer_id.
Table build_visitor_links(const Table& web_events, const VisitorOrder& order);

}  // namespace vigie::derive
