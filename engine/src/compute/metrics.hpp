// The KPIs written in the spec (`metric:`), computed by the engine after
// the indicators, each after the KPIs it refers to.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/periods.hpp"
#include "spec/spec.hpp"

namespace vigie::compute {

using Datasets = std::map<std::string, std::shared_ptr<const Table>>;
struct PeriodPlan;

// Fills results[i] for every KPI i that is a metric; the others (the
// indicators' KPIs, already computed) give the values metrics refer to.
// Throws plugin_host::PluginError naming the metric when its dataset is
// missing or lacks a column.
void compute_metrics(const std::vector<spec::Kpi>& kpis,
                     const spec::Report& report, const Datasets& datasets,
                     const PeriodPlan& plan, std::vector<KpiResult>& results);

}  // namespace vigie::compute
