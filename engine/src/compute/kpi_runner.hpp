// Runs the indicator runs of a report plan and gathers their KPIs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/periods.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"
#include "spec/spec.hpp"

namespace vigie::compute {

using Datasets = std::map<std::string, std::shared_ptr<const Table>>;

struct PeriodPlan {
  // Oldest first: the trend's `series` periods, consecutive and ending
  // with P, preceded by P' when the trend does not reach it (a year
  // before).
  std::vector<Period> periods;
  size_t current = 0;   // P
  size_t previous = 0;  // P'
  size_t series = 12;   // periods shown in trends
};

// Plans the periods of a report ending with its period P.
PeriodPlan plan_periods(const spec::Report& report, CalendarPeriod period);

// One indicator instance per run of the plan (an indicator and its
// resolved parameters), then the metrics written in the spec
// (compute/metrics.hpp); results in the order of `kpis`. Throws
// plugin_host::PluginError naming the plugin when one fails.
std::vector<KpiResult> compute_kpis(const std::vector<plan::IndicatorRun>& runs,
                                    const std::vector<spec::Kpi>& kpis,
                                    const spec::Report& report,
                                    const plugin_host::Registry& plugins,
                                    const Datasets& datasets,
                                    const PeriodPlan& periods);

}  // namespace vigie::compute
