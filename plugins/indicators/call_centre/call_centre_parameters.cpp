#include "call_centre_parameters.hpp"

#include <cmath>
#include <stdexcept>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/options.hpp"

namespace vigie::call_centre {

namespace {

// Money is kept as int64 scaled by 10^4, like the Decimal columns and like
// self_care reads the same table, so that both indicators print the same
// cost for the same calls. The engine has checked that it is a number >= 0.
int64_t scaled_cost(const std::string& key, const std::string& text) {
  const double value = sdk::Config::parse_number(key, text);
  const double scaled = value * static_cast<double>(kDecimalScale);
  // llround of a value past int64 is unspecified: refuse it by name.
  if (!std::isfinite(value) || scaled >= 0x1p63)
    throw std::runtime_error("option '" + key + "' must be a cost >= 0 below " +
                             "922,337,203,685,477, got '" + text + "'");
  return std::llround(scaled);
}

}  // namespace

void bind_repeat_days(CallCentreParameters& p, const sdk::Config& config,
                      const vigie_option& option) {
  const double days =
      sdk::number_value(option, sdk::option_text(config, option).value());
  // At most about 290,000 years in microseconds; a window of years is
  // already meaningless, so refuse well before.
  if (!std::isfinite(days) || days > 3660)
    throw std::runtime_error(
        "option 'repeat_window_days' must be > 0 and "
        "at most 3660");
  p.repeat_window_us = std::llround(days * static_cast<double>(kMicrosPerDay));
}

void bind_action_costs(CallCentreParameters& p, const sdk::Config& config,
                       const vigie_option& option) {
  // Config::map returns the entries in key order: the actions come sorted.
  for (const auto& [code, cost] : config.map(option.key))
    p.online_actions.push_back(
        {code, scaled_cost(std::string(option.key) + "." + code, cost)});
}

}  // namespace vigie::call_centre
