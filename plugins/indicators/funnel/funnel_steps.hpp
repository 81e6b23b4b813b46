// The steps of a funnel (KPI-CATALOG.md section 4), from the spec's
// parameters: `steps`, an ordered list of predicates, each
//   event:TYPE     a web event of that event_type (page_view, conversion...)
//   page:PATTERN   a page_view of a page the pattern covers (`*` wildcards,
//                  `|` alternatives, the page patterns of every indicator)
//   action:CODE    an `action` event of that action code
//   purchase       a purchase (an order whose total is > 0)
// and `step_names`, their names in the report (default: the predicate).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "page_pattern.hpp"
#include "vigie/sdk/config.hpp"

namespace vigie::funnel {

// A step's event set must fit the bits of one StepMask.
inline constexpr size_t kMaxSteps = 32;
using StepMask = uint32_t;

enum class StepKind { EventType, Page, Action, Purchase };

struct Step {
  StepKind kind = StepKind::EventType;
  std::string value;                       // the type, pattern or action code
  std::optional<pages::PagePattern> page;  // of a Page step
  std::string name;
};

struct FunnelParameters {
  std::vector<Step> steps;  // in the funnel's order

  bool has_purchase_step() const;
  // Rules between the options: 2 to kMaxSteps steps, a name each.
  void check() const;
};

// The predicate `text` of option entry `key` ("steps.2"); throws
// std::runtime_error naming the entry and the accepted forms.
Step parse_step(const std::string& key, const std::string& text);

void bind_steps(FunnelParameters& p, const sdk::Config& config,
                const vigie_option& option);
void bind_step_names(FunnelParameters& p, const sdk::Config& config,
                     const vigie_option& option);

}  // namespace vigie::funnel
