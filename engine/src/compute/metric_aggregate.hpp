// Aggregates of a dataset's column (KPI catalog section 9, "simple"):
// one value a period of the plan, a table by a column's values over P and
// P', or a table by day, week or month inside P.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "compute/periods.hpp"
#include "spec/spec.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::compute {

using PeriodValues = std::vector<std::optional<double>>;

// The metric a period (one entry a period, oldest first).
PeriodValues aggregate_by_period(const Table& table, const spec::Metric& metric,
                                 std::span<const Period> periods,
                                 const std::string& time_zone);

// One row a value of `metric.by` met in P or P': the column by its name,
// value (P), previous (P'), change; by value descending (no value last),
// then by the column's value. With `metric.by_profile`, the value is the
// row customer's in `profiles` (the derived customer_profiles), "(none)"
// when it has none.
Table aggregate_by_column(const Table& table, const spec::Metric& metric,
                          const Period& current, const Period& previous,
                          const std::string& time_zone,
                          const Table* profiles = nullptr);

// One row a period of `metric.series` that starts inside P: period (its
// id), value (over the whole period).
Table aggregate_series(const Table& table, const spec::Metric& metric,
                       const CalendarPeriod& current,
                       const std::string& time_zone);

}  // namespace vigie::compute
