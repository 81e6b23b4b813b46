#include "experience_parameters.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vigie::experience {

int64_t ExperienceParameters::irritant_basis_points() const {
  return std::llround(irritant_csat_below * 10000.0);
}

void ExperienceParameters::check() const {
  for (size_t i = 0; i < journey_steps.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (journey_steps[i] == journey_steps[j])
        throw std::runtime_error("option 'journey_steps' names the step '" +
                                 journey_steps[i] + "' twice");
  const std::pair<const char*, const pages::PatternMap*> maps[] = {
      {"step_pages", &step_pages},
      {"step_actions", &step_actions},
      {"step_call_reasons", &step_call_reasons},
      {"step_order_channels", &step_order_channels}};
  for (const auto& [key, map] : maps)
    for (int32_t s = 0; s < map->size(); ++s)
      if (std::find(journey_steps.begin(), journey_steps.end(), map->name(s)) ==
          journey_steps.end())
        throw std::runtime_error("option '" + std::string(key) +
                                 "' names the step '" + map->name(s) +
                                 "', which is not in journey_steps");
}

void bind_step_pages(ExperienceParameters& p, const sdk::Config& config,
                     const vigie_option& option) {
  p.step_pages = pages::PatternMap(option.key, config.map(option.key));
}

void bind_step_actions(ExperienceParameters& p, const sdk::Config& config,
                       const vigie_option& option) {
  p.step_actions = pages::PatternMap(option.key, config.map(option.key));
}

void bind_step_call_reasons(ExperienceParameters& p, const sdk::Config& config,
                            const vigie_option& option) {
  p.step_call_reasons = pages::PatternMap(option.key, config.map(option.key));
}

void bind_step_order_channels(ExperienceParameters& p,
                              const sdk::Config& config,
                              const vigie_option& option) {
  p.step_order_channels = pages::PatternMap(option.key, config.map(option.key));
}

}  // namespace vigie::experience
