// The spec's parameters of the web-analytics indicator (docs/kpi-choices.md,
// "Web analytics (section 3)"): declared once in web_analytics_plugin.cpp,
// bound to these fields by the SDK; the page maps by the binders below.
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

  // A path is packed in 64 bits, each group a field wide enough for the
  // group count plus "none": path_length fields must fit.
  void check() const;
};

// The binders of the map options (life_moments before life_moment_actions,
// which names its moments); they throw std::runtime_error naming the option.
void bind_page_groups(WebParameters& p, const sdk::Config& config,
                      const vigie_option& option);
void bind_life_moments(WebParameters& p, const sdk::Config& config,
                       const vigie_option& option);
void bind_moment_actions(WebParameters& p, const sdk::Config& config,
                         const vigie_option& option);

}  // namespace vigie::web_analytics
