#include "web_parameters.hpp"

#include <bit>
#include <stdexcept>

namespace vigie::web_analytics {

namespace {

int64_t positive(const sdk::Config& config, const char* key, int64_t fallback,
                 int64_t most) {
  int64_t value = config.integer(key, fallback);
  if (value < 1 || value > most)
    throw std::runtime_error(
        "option '" + std::string(key) + "' must be a whole number from 1 to " +
        std::to_string(most) + ", got " + std::to_string(value));
  return value;
}

}  // namespace

WebParameters parse_parameters(const sdk::Config& config) {
  WebParameters p;
  p.page_groups = pages::PatternMap("page_groups", config.map("page_groups"));
  p.life_moments =
      pages::PatternMap("life_moments", config.map("life_moments"));
  p.moment_actions.resize(static_cast<size_t>(p.life_moments.size()));
  for (auto& [moment, action] : config.map("life_moment_actions")) {
    int32_t index = p.life_moments.find(moment);
    if (index < 0)
      throw std::runtime_error(
          "option 'life_moment_actions' names the moment '" + moment +
          "', which is not in life_moments");
    p.moment_actions[static_cast<size_t>(index)] = std::move(action);
  }
  p.life_moment_days = positive(config, "life_moment_days", 14, 3660);
  p.top_paths = positive(config, "top_paths", 10, 1000);
  // A path is packed in 64 bits, each group a field wide enough for the
  // group count plus "none".
  const auto bits = static_cast<int64_t>(
      std::bit_width(static_cast<uint64_t>(p.page_groups.size()) + 1));
  p.path_length = positive(config, "path_length", 4, 64 / bits);
  return p;
}

}  // namespace vigie::web_analytics
