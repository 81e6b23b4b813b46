// The derived datasets: tables the engine computes once a run from the
// canonical ones, for the indicators that list them among their inputs
// (docs/data-model.md, "Derived datasets"). Their names are known to the
// spec checker, which accepts them as inputs like canonical datasets, and
// to the report plan, which reads the columns they are built from.
#pragma once

#include <span>
#include <string_view>

namespace vigie::derive {

struct DerivedDataset {
  std::string_view name;
  std::string_view from;  // the canonical dataset it cannot be built without
  // The columns it is built from, as "dataset.column": the visitor order
  // reads the visitor, the time, the customer and the event type of every
  // event (visitor_order.cpp), sessions also the first event's device and
  // source; customer profiles read orders, surveys, calls and web events.
  std::span<const std::string_view> reads;
};

// visitor_links, sessions, session_events, customer_profiles: the order
// in which they are built and listed.
std::span<const DerivedDataset> derived_datasets();

// The columns of customer_profiles after customer_id, in the order they
// are joined to an operational list's rows (KPI-CATALOG.md section 8b).
std::span<const std::string_view> profile_columns();
const DerivedDataset* find_derived(std::string_view name);

}  // namespace vigie::derive
