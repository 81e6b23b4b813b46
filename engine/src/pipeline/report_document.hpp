// Turns computed KPIs and the spec's sections into the Document the
// renderer draws: formatted values, tiles, charts, tables.
#pragma once

#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/kpi_runner.hpp"
#include "render/document.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

render::Document build_document(const spec::Spec& spec,
                                const compute::PeriodPlan& plan,
                                const std::vector<compute::KpiResult>& kpis,
                                const std::string& generated_at,
                                const std::vector<std::string>& notes);

}  // namespace vigie::pipeline
