// A chart's heading: its title, and its legend on the title's line when
// both fit there, else on lines of their own under it.
#pragma once

#include <string>
#include <vector>

#include "render/flow.hpp"

namespace vigie::render {

struct LegendEntry {
  std::string label;
  Color color;
  double dash = 0;      // dashed sample line when > 0
  bool point = false;   // a dot on the sample line
  bool swatch = false;  // a filled square instead of a line (bars, areas)
};

// The height of the heading: kBlockTitleHeight, plus the legend's lines
// when it does not fit beside the title.
double chart_heading_height(const RenderContext& ctx, const std::string& title,
                            const std::vector<LegendEntry>& entries,
                            double width);

// Draws the title at (left, top) and the legend: right-aligned on the
// title's line when both fit, else left-aligned on as many lines as its
// entries need, each entry whole on one line (cut with an ellipsis when
// longer than the width). Returns chart_heading_height.
double draw_chart_heading(Page& page, const RenderContext& ctx,
                          const std::string& title,
                          const std::vector<LegendEntry>& entries, double left,
                          double top, double width);

}  // namespace vigie::render
