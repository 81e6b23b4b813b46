// A chart legend on the right of the chart's title line.
#pragma once

#include <string>
#include <vector>

#include "render/flow.hpp"

namespace vigie::render {

struct LegendEntry {
  std::string label;
  Color color;
  double dash = 0;     // dashed sample line when > 0
  bool point = false;  // a dot on the sample line
};

// Entries right-aligned so that the last one ends at `right`; `middle`
// is the y of the sample lines.
void draw_legend(Page& page, const std::vector<LegendEntry>& entries,
                 double right, double middle, const RenderContext& ctx);

}  // namespace vigie::render
