#include "web_parameters.hpp"

#include <bit>
#include <stdexcept>

namespace vigie::web_analytics {

void WebParameters::check() const {
  const auto bits = static_cast<int64_t>(
      std::bit_width(static_cast<uint64_t>(page_groups.size()) + 1));
  if (path_length > 64 / bits)
    throw std::runtime_error(
        "option 'path_length' must be a whole number from 1 to " +
        std::to_string(64 / bits) + ", got " + std::to_string(path_length));
}

void bind_page_groups(WebParameters& p, const sdk::Config& config,
                      const vigie_option& option) {
  p.page_groups = pages::PatternMap(option.key, config.map(option.key));
}

void bind_life_moments(WebParameters& p, const sdk::Config& config,
                       const vigie_option& option) {
  p.life_moments = pages::PatternMap(option.key, config.map(option.key));
  p.moment_actions.resize(static_cast<size_t>(p.life_moments.size()));
}

void bind_moment_actions(WebParameters& p, const sdk::Config& config,
                         const vigie_option& option) {
  for (auto& [moment, action] : config.map(option.key)) {
    const int32_t index = p.life_moments.find(moment);
    if (index < 0)
      throw std::runtime_error("option '" + std::string(option.key) +
                               "' names the moment '" + moment +
                               "', which is not in life_moments");
    p.moment_actions[static_cast<size_t>(index)] = std::move(action);
  }
}

}  // namespace vigie::web_analytics
