#include "self_care_parameters.hpp"

#include <cmath>
#include <stdexcept>

#include "vigie/sdk/column.hpp"

namespace vigie::self_care {

namespace {

// Money is kept as int64 scaled by 10^4, like the Decimal columns, so that
// sums of products are exact; a cost with more than 4 decimals is rounded.
int64_t parse_cost(const std::string& key, const std::string& text) {
  double value = sdk::Config::parse_number(key, text);
  if (!std::isfinite(value) || value < 0)
    throw std::runtime_error("option '" + key + "' must be a cost >= 0, got '" +
                             text + "'");
  const double scaled = value * static_cast<double>(kDecimalScale);
  // llround of a value past int64 is unspecified: refuse it by name.
  if (scaled >= 0x1p63)
    throw std::runtime_error("option '" + key + "' is too large: '" + text +
                             "' (a cost must be below 922,337,203,685,477)");
  return std::llround(scaled);
}

SelfCareAction* find_action(SelfCareParameters& parameters,
                            const std::string& option,
                            const std::string& code) {
  for (auto& action : parameters.actions)
    if (action.code == code) return &action;
  throw std::runtime_error("option '" + option + "' names the action '" + code +
                           "', which is not in action_costs");
}

}  // namespace

SelfCareParameters parse_parameters(const sdk::Config& config) {
  SelfCareParameters parameters;
  // Config::map returns the entries in key order: the actions come sorted.
  for (const auto& [code, cost] : config.map("action_costs")) {
    SelfCareAction action;
    action.code = code;
    action.offline_cost = parse_cost("action_costs." + code, cost);
    parameters.actions.push_back(std::move(action));
  }
  if (parameters.actions.empty())
    throw std::runtime_error(
        "option 'action_costs' must give the offline cost of at least one "
        "action");
  for (const auto& [code, cost] : config.map("online_costs"))
    find_action(parameters, "online_costs", code)->online_cost =
        parse_cost("online_costs." + code, cost);
  for (const auto& [code, pattern] : config.map("topic_pages"))
    find_action(parameters, "topic_pages", code)->topic_pages.emplace(pattern);

  double hours = config.number("rebound_hours", 48);
  if (!std::isfinite(hours) || hours <= 0)
    throw std::runtime_error("option 'rebound_hours' must be > 0");
  parameters.rebound_window_us =
      std::llround(hours * 3600.0 * static_cast<double>(kMicrosPerSecond));
  return parameters;
}

}  // namespace vigie::self_care
