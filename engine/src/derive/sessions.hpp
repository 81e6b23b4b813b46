// Sessions (KPI catalog section 3): per visitor, events in time order; a
// session starts at the first event and after any gap longer than the
// limit (a gap of exactly the limit does not split). A session's device
// and source are its first event's.
#pragma once

#include <cstdint>

#include "derive/visitor_order.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::derive {

// One row a session, by visitor code then started_at: visitor_id
// (dictionary: web_events' visitor pool), started_at, ended_at (first and
// last event), events, page_views, device and source (dictionaries sharing
// web_events' pools; null when the first event has none or web_events has
// no such column), first_event (the session's first row in
// session_events).
Table build_sessions(const Table& web_events, const VisitorOrder& order,
                     int64_t gap_us);

// One row a web event: `event`, its web_events row, sorted by session,
// then ts, then row, which is the visitor order itself: session s's events
// are rows [first_event(s), first_event(s) + events(s)). Takes the order's
// rows without copying them.
Table build_session_events(VisitorOrder&& order);

}  // namespace vigie::derive
