// The spec's parameters of the web-analytics indicator (docs/kpi-choices.md,
// "Web analytics (section 3)"), parsed once into typed fields.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pattern_map.hpp"
#include "vigie/sdk/config.hpp"

namespace vigie::web_analytics {

struct WebParameters {
  pages::PatternMap page_groups;   // a page in one group at most
  pages::PatternMap life_moments;  // a page in any number of moments
  // The suggested action of each moment (index of life_moments), if any.
  std::vector<std::optional<std::string>> moment_actions;
  int64_t life_moment_days = 14;  // the operational list's window
  int64_t top_paths = 10;         // rows of the top_paths table
  int64_t path_length = 4;        // groups a path keeps
};

// Throws std::runtime_error naming the faulty option.
WebParameters parse_parameters(const sdk::Config& config);

}  // namespace vigie::web_analytics
