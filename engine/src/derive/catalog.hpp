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
  std::string_view from;  // the canonical dataset it is computed from
  // The columns of `from` it is built from: the visitor order reads the
  // visitor, the time, the customer and the event type of every event
  // (visitor_order.cpp), sessions also the first event's device and source.
  std::span<const std::string_view> reads;
};

// visitor_links, sessions, session_events: the order in which they are
// built and listed.
std::span<const DerivedDataset> derived_datasets();
const DerivedDataset* find_derived(std::string_view name);

}  // namespace vigie::derive
