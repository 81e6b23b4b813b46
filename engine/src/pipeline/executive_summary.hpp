// The executive summary a template may put first (theme.summary): the
// headline figures and what needs attention, on one page, for the reader
// who reads nothing else.
#pragma once

#include <vector>

#include "compute/kpi_result.hpp"
#include "render/document.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

// The headline tiles are the value KPIs of the layout's tile blocks, in
// their order (the first value KPIs of the report when it has none), two
// rows of the theme's grid at most. The points of attention are the KPIs
// in their alert zone, then those in their warning zone.
render::Section executive_summary(const std::vector<spec::Section>& layout,
                                  const std::vector<compute::KpiResult>& kpis,
                                  const render::Theme& theme,
                                  const render::Locale& locale);

}  // namespace vigie::pipeline
