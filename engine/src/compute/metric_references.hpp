// Metrics computed from other value KPIs a period (KPI catalog section 9:
// ratio, derived, cumulative). A KPI's values are one a period of the
// plan, oldest first; a missing entry is no value.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compute/periods.hpp"

namespace vigie::compute {

using PeriodValues = std::vector<std::optional<double>>;

// numerator / denominator a period; no value when either has none or the
// denominator is 0.
PeriodValues ratio_values(const PeriodValues& numerator,
                          const PeriodValues& denominator, std::size_t periods);

// The muparser expression a period, its variables the KPIs' values; no
// value when a variable it uses has none, or when the result is not
// finite. Throws std::invalid_argument with muparser's message when the
// expression does not parse (the reader refused it already).
PeriodValues expression_values(
    const std::string& expression,
    const std::map<std::string, const PeriodValues*>& variables,
    std::size_t periods);

// The running total of `values` over the consecutive periods ending with
// P (`current`), oldest first: a period without value adds nothing; no
// value before the first period with one, nor for a period outside that
// run (P' a year before, standing alone ahead of the trend), nor before
// `from` (the trend's first period: the periods planned for the
// comparison lines of charts lie before it).
PeriodValues cumulative_values(const PeriodValues& values,
                               std::span<const Period> periods,
                               std::size_t current, std::size_t from = 0);

}  // namespace vigie::compute
