// The spec's parameters of the call-centre indicator (KPI-CATALOG.md
// section 6): the service-level threshold, the repeat window of first
// contact resolution, how many reasons a top shows, and the self-care cost
// table, taken under the same name and form as self_care's `action_costs`
// so that one report-wide `parameters:` block feeds both indicators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vigie/sdk/config.hpp"

namespace vigie::call_centre {

struct OnlineAction {
  std::string code;          // the call `reason` and the web `action` code
  int64_t offline_cost = 0;  // a call's unit cost, scaled by 10^4
};

struct CallCentreParameters {
  int64_t service_level_seconds = 20;
  int64_t repeat_window_us = 0;
  int64_t top_reasons = 5;
  std::vector<OnlineAction> online_actions;  // by action code, byte order
};

// Binders of the options declared in call_centre_plugin.cpp; they throw
// std::runtime_error naming the option.
void bind_repeat_days(CallCentreParameters& p, const sdk::Config& config,
                      const vigie_option& option);
void bind_action_costs(CallCentreParameters& p, const sdk::Config& config,
                       const vigie_option& option);

}  // namespace vigie::call_centre
