// The parameters of the customer_base indicator. Their keys, defaults and
// accepted values are declared once, in customer_base_plugin.cpp, and bound
// to these fields by the SDK when the plugin is bound to a report spec.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace customer_base {

struct Parameters {
  // Activity window A in days; empty means `auto` (see activity_window.hpp).
  std::optional<int64_t> activity_window_days;
  int64_t alert_1m_days = 0;
  int64_t alert_2m_days = 0;
  int64_t rfm_window_days = 0;
  int64_t recent_days = 0;
  // One name a value segment, best first; their number is the number of
  // segments. The catalog's four names unless the spec gives its own.
  std::vector<std::string> segment_names = {"Très bons clients", "Bons clients",
                                            "Clients occasionnels",
                                            "Clients très occasionnels"};
  double discount_rate = 0;

  // The rule between two options, run once they are bound.
  void check() const {
    if (alert_2m_days <= alert_1m_days)
      throw std::runtime_error(
          "parameter 'alert_2m_days' must be greater than 'alert_1m_days'");
  }
};

}  // namespace customer_base
