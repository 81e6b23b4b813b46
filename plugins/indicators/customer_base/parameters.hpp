// The parameters of the customer_base indicator, read and checked once when
// the plugin is bound to a report spec.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigie/sdk.hpp"

namespace customer_base {

struct Parameters {
  // Activity window A in days; empty means `auto` (see activity_window.hpp).
  std::optional<int64_t> activity_window_days = 90;
  int64_t alert_1m_days = 30;
  int64_t alert_2m_days = 60;
  int64_t rfm_window_days = 365;
  int64_t recent_days = 180;
  // One name a value segment, best first; their number is the number of
  // segments.
  std::vector<std::string> segment_names;
  double discount_rate = 0.10;

  static Parameters from(const vigie::sdk::Config& config);
};

// The catalog's four segment names, used when the spec gives none.
std::vector<std::string> default_segment_names();

}  // namespace customer_base
