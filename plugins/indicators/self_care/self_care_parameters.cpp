#include "self_care_parameters.hpp"

#include <cmath>
#include <stdexcept>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/options.hpp"

namespace vigie::self_care {

namespace {

SelfCareAction* find_action(SelfCareParameters& parameters,
                            const std::string& option,
                            const std::string& code) {
  for (auto& action : parameters.actions)
    if (action.code == code) return &action;
  throw std::runtime_error("option '" + option + "' names the action '" + code +
                           "', which is not in action_costs");
}

}  // namespace

void bind_action_costs(SelfCareParameters& p, const sdk::Config& config,
                       const vigie_option& option) {
  // Config::map returns the entries in key order: the actions come sorted.
  for (const auto& [code, cost] : config.map(option.key)) {
    SelfCareAction action;
    action.code = code;
    action.offline_cost =
        sdk::money_value(std::string(option.key) + "." + code, cost);
    p.actions.push_back(std::move(action));
  }
}

void bind_online_costs(SelfCareParameters& p, const sdk::Config& config,
                       const vigie_option& option) {
  for (const auto& [code, cost] : config.map(option.key))
    find_action(p, option.key, code)->online_cost =
        sdk::money_value(std::string(option.key) + "." + code, cost);
}

void bind_topic_pages(SelfCareParameters& p, const sdk::Config& config,
                      const vigie_option& option) {
  for (const auto& [code, pattern] : config.map(option.key))
    find_action(p, option.key, code)->topic_pages.emplace(pattern);
}

void bind_rebound_hours(SelfCareParameters& p, const sdk::Config& config,
                        const vigie_option& option) {
  const double hours =
      sdk::number_value(option, sdk::option_text(config, option).value());
  if (!std::isfinite(hours))
    throw std::runtime_error("option 'rebound_hours' must be > 0");
  p.rebound_window_us =
      std::llround(hours * 3600.0 * static_cast<double>(kMicrosPerSecond));
}

}  // namespace vigie::self_care
