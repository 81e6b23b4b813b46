// The blocks that show value KPIs as the report formats them, shared by
// the spec's sections (report_document.cpp) and the executive summary.
#pragma once

#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "render/document.hpp"

namespace vigie::pipeline {

render::Tile tile_of(const compute::KpiResult& k, const render::Locale& locale,
                     bool sparkline);

// One row a KPI: its value (set off by its status), the previous period's,
// the change and the target.
render::TableBlock scorecard_of(
    const std::vector<const compute::KpiResult*>& kpis,
    const std::string& title, const render::Locale& locale);

}  // namespace vigie::pipeline
