// The spec's parameters of the experience indicator (KPI-CATALOG.md
// section 7, choices in docs/kpi-choices.md "Experience (section 7)"):
// the journey steps in their order, what of the web, the calls and the
// orders belongs to each step, and the irritant thresholds. Declared once
// in experience_plugin.cpp, bound to these fields by the SDK.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pattern_map.hpp"
#include "vigie/sdk/config.hpp"

namespace vigie::experience {

struct ExperienceParameters {
  std::vector<std::string> journey_steps;  // the spec's order
  // By step name, patterns (the page-pattern syntax: * and |) matched
  // against a web page, a web action code, a call reason, an order channel;
  // a value belongs to the step of its most specific matching alternative.
  pages::PatternMap step_pages;
  pages::PatternMap step_actions;
  pages::PatternMap step_call_reasons;
  pages::PatternMap step_order_channels;
  double irritant_csat_below = 0.70;  // a share of satisfied answers
  int64_t irritant_min_answers = 30;  // csat answers of the cell

  // The irritant threshold in basis points, so that "below 70 %" is an
  // exact comparison of integers (7 of 10 is not below 0.7).
  int64_t irritant_basis_points() const;
  // Every step the maps name is one of journey_steps, given once.
  void check() const;
};

// Binders of the four step maps; they throw std::runtime_error naming the
// option.
void bind_step_pages(ExperienceParameters& p, const sdk::Config& config,
                     const vigie_option& option);
void bind_step_actions(ExperienceParameters& p, const sdk::Config& config,
                       const vigie_option& option);
void bind_step_call_reasons(ExperienceParameters& p, const sdk::Config& config,
                            const vigie_option& option);
void bind_step_order_channels(ExperienceParameters& p,
                              const sdk::Config& config,
                              const vigie_option& option);

}  // namespace vigie::experience
