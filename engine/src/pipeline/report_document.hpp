// Turns computed KPIs and the plan's layout (the spec's sections) into the
// Document the renderer draws: formatted values, tiles, charts, tables.
#pragma once

#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/kpi_runner.hpp"
#include "render/document.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

// Whether a block of the layout draws the comparison period's lines: the
// period plan then holds the comparison period of every period of the
// trend (compute::plan_periods).
bool draws_comparison_lines(const std::vector<spec::Section>& layout);

// `lists_exported`: whether the lists go to CSV files too (the note under
// a shortened list says where the rest is).
render::Document build_document(const spec::Report& report,
                                const std::vector<spec::Section>& layout,
                                bool lists_exported,
                                const compute::PeriodPlan& plan,
                                const std::vector<compute::KpiResult>& kpis,
                                const std::string& generated_at,
                                const std::vector<std::string>& notes);

}  // namespace vigie::pipeline
