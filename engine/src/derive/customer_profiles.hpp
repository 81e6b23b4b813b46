// The derived dataset `customer_profiles` (KPI-CATALOG.md section 8b): one
// row a customer of the run's customer dictionary, its attributes at as_of,
// joined to every operational list row and usable as a breakdown. Built
// with the SDK's kernels, the RFM ranking included, so that a customer's
// value segment is the one customer_base's tables count it in.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::derive {

struct ProfileOptions {
  int64_t as_of_us = 0;  // the end of the report period P
  // customer_base's parameters of the same names, so that both agree.
  int64_t rfm_window_days = 365;
  std::vector<std::string> segment_names = {"Très bons clients", "Bons clients",
                                            "Clients occasionnels",
                                            "Clients très occasionnels"};
};

// From `orders` (required) and, when present, `surveys`, `calls`,
// `web_events` with `sessions` and `visitor_links`. Columns: customer_id
// (the run's customer dictionary) then profile_columns() (catalog.hpp), all
// text.
Table build_customer_profiles(
    const std::map<std::string, std::shared_ptr<const Table>>& datasets,
    const ProfileOptions& options);

}  // namespace vigie::derive
