// The volumes of every period of the request, each from one pass over the
// calls (KPI-CATALOG.md section 6): offered, answered and abandoned calls,
// answered calls within the service-level threshold, and the mean wait and
// handling time of answered calls. Each pass reads only the columns of the
// KPIs that need it. `inbound_period` is the period of each inbound call
// (Calls::inbound_periods).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "call_centre_calls.hpp"

namespace vigie::call_centre {

struct OutcomeCounts {
  std::vector<int64_t> answered, abandoned;  // by period
};

std::vector<int64_t> count_offered(std::span<const int32_t> inbound_period,
                                   int32_t period_count);
OutcomeCounts count_outcomes(const Calls& calls,
                             std::span<const int32_t> inbound_period,
                             int32_t period_count);
// Answered calls with wait_s <= threshold (a call without wait_s is not
// known to be within it).
std::vector<int64_t> count_answered_within(
    const Calls& calls, std::span<const int32_t> inbound_period,
    int32_t period_count, int64_t threshold_seconds);
// The mean of `seconds` (wait_s or handle_s) over the answered calls that
// have a value; no value for a period without any.
std::vector<std::optional<double>> mean_of_answered(
    const Calls& calls, const ColumnView* seconds,
    std::span<const int32_t> inbound_period, int32_t period_count);

}  // namespace vigie::call_centre
