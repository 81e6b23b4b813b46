#include "call_centre_parameters.hpp"

#include <cmath>
#include <stdexcept>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/options.hpp"

namespace vigie::call_centre {

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
        {code, sdk::money_value(std::string(option.key) + "." + code, cost)});
}

}  // namespace vigie::call_centre
