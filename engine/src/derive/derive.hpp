// Builds the derived datasets a run needs (catalog.hpp), once, from the
// canonical web_events: the visitor order is sorted once and shared by
// stitching and sessions.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "derive/customer_profiles.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::derive {

struct DeriveOptions {
  int session_gap_minutes = 30;  // report.session_gap_minutes
  ProfileOptions profiles = {};  // as_of and the RFM parameters
};

using DerivedTables = std::map<std::string, std::shared_ptr<const Table>>;

// The tables of `wanted` (names of derived_datasets(); others throw
// std::invalid_argument) among visitor_links, sessions and session_events,
// computed from `web_events`. Their dictionary columns share web_events'
// pools, so codes match across datasets.
DerivedTables derive_datasets(const std::vector<std::string>& wanted,
                              const Table& web_events,
                              const DeriveOptions& options);

// Every table of `wanted`, from the canonical datasets a run read: those
// of web_events when it is there, customer_profiles when orders is (with
// the sessions and links, when `wanted` names them, for its preferred
// channel).
DerivedTables derive_datasets(const std::vector<std::string>& wanted,
                              const DerivedTables& canonical,
                              const DeriveOptions& options);

}  // namespace vigie::derive
