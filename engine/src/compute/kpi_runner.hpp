// Runs the indicators a spec asks for and gathers their KPIs.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/periods.hpp"
#include "plugin_host/registry.hpp"
#include "spec/spec.hpp"

namespace vigie::compute {

using Datasets = std::map<std::string, std::shared_ptr<const Table>>;

struct PeriodPlan {
  std::vector<Period> periods;  // oldest first
  size_t current = 0;           // P
  size_t previous = 0;          // P'
  size_t series = 12;           // periods shown in trends
};

// Plans the periods of a report ending with month P.
PeriodPlan plan_periods(const spec::Spec& spec, Month report);

// The derived datasets (derive/catalog.hpp) that the indicators of the
// spec's KPIs list among their inputs, in the catalog's order: the only
// ones a run builds.
std::vector<std::string> derived_inputs(const spec::Spec& spec,
                                        const plugin_host::Registry& plugins);

// One indicator instance per (indicator, parameters); KPIs in spec order.
// Throws plugin_host::PluginError naming the plugin when one fails.
std::vector<KpiResult> compute_kpis(const spec::Spec& spec,
                                    const plugin_host::Registry& plugins,
                                    const Datasets& datasets,
                                    const PeriodPlan& plan);

}  // namespace vigie::compute
