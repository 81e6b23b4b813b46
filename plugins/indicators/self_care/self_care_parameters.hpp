// The spec's parameters of the self-care indicator: the cost table of the
// self-care actions, the pages of each action's topic and the rebound
// window (KPI-CATALOG.md section 2). The options are declared once, in
// self_care_plugin.cpp; the binders below turn their values into these
// fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "page_pattern.hpp"
#include "vigie/sdk/config.hpp"

namespace vigie::self_care {

struct SelfCareAction {
  std::string code;          // the web `action` and the call `reason` code
  int64_t offline_cost = 0;  // a call's unit cost, scaled by 10^4
  int64_t online_cost = 0;   // the online act's unit cost, scaled by 10^4
  std::optional<pages::PagePattern> topic_pages;  // page_views on this topic
};

struct SelfCareParameters {
  std::vector<SelfCareAction> actions;  // by action code, byte order
  int64_t rebound_window_us = 0;
};

// Each binder fills its option's part (action_costs first: the others
// name its actions); they throw std::runtime_error naming the option.
void bind_action_costs(SelfCareParameters& p, const sdk::Config& config,
                       const vigie_option& option);
void bind_online_costs(SelfCareParameters& p, const sdk::Config& config,
                       const vigie_option& option);
void bind_topic_pages(SelfCareParameters& p, const sdk::Config& config,
                      const vigie_option& option);
void bind_rebound_hours(SelfCareParameters& p, const sdk::Config& config,
                        const vigie_option& option);

}  // namespace vigie::self_care
