// One compute of the funnel indicator (KPI-CATALOG.md section 4): the
// persons reaching each step, for every period of the request, from one
// pass over web_events (and orders, when a step is a purchase). Its KPIs
// are declared in funnel_plugin.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "funnel_steps.hpp"
#include "vigie/sdk.hpp"

namespace vigie::funnel {

// persons[p][k]: the persons of period p who reached step k (0-based).
struct StepCounts {
  std::vector<std::vector<int64_t>> persons;
};

struct Run : sdk::Compute<FunnelParameters> {
  using Compute::Compute;

  const StepCounts& counts() {
    return counts_.get([&] { return count_steps(); });
  }
  // P' for the table: the period just before P in the request, or -1.
  int32_t previous() const { return static_cast<int32_t>(request.current) - 1; }

 private:
  StepCounts count_steps() const;
  sdk::Lazy<StepCounts> counts_;
};

// The value KPIs, for the request's period `period`.
std::optional<double> conversion(Run& run, uint32_t period);
std::optional<double> completions(Run& run, uint32_t period);
// The steps of P with P' persons.
Table steps_table(Run& run);

}  // namespace vigie::funnel
