// Runs the indicator runs of a report plan and gathers their KPIs.
#pragma once

#include <map>
#include <memory>
#include <optional>
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
  // before), and by the comparison periods of the trend's periods when
  // they were asked for.
  std::vector<Period> periods;
  size_t current = 0;   // P
  size_t previous = 0;  // P'
  size_t series = 12;   // periods shown in trends
  // For each of the trend's last `series` periods, oldest first, the index
  // of its comparison period (the one before, or a year before), when
  // the plan has it.
  std::vector<std::optional<size_t>> compared;
};

// Plans the periods of a report ending with its period P. With
// `comparison_trend` (a chart draws the comparison period's line), the
// comparison period of every period of the trend is planned too.
PeriodPlan plan_periods(const spec::Report& report, CalendarPeriod period,
                        bool comparison_trend = false);

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
