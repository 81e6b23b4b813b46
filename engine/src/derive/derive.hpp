// Builds the derived datasets a run needs (catalog.hpp), once, from the
// canonical web_events: the visitor order is sorted once and shared by
// stitching and sessions.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::derive {

struct DeriveOptions {
  int session_gap_minutes = 30;  // report.session_gap_minutes
};

using DerivedTables = std::map<std::string, std::shared_ptr<const Table>>;

// The tables of `wanted` (names of derived_datasets(); others throw
// std::invalid_argument), computed from `web_events`. Their dictionary
// columns share web_events' pools, so codes match across datasets.
DerivedTables derive_datasets(const std::vector<std::string>& wanted,
                              const Table& web_events,
                              const DeriveOptions& options);

}  // namespace vigie::derive
