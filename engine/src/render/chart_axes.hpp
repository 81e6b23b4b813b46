// What the line and column charts share: the plot rectangle, the value
// axis (grid lines and tick labels) and the category labels under it.
#pragma once

#include <string>
#include <vector>

#include "render/flow.hpp"
#include "render/scale.hpp"

namespace vigie::render {

struct PlotArea {
  double left, top, width, height;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
  // Centre of the i-th of n equal slots along the x axis.
  double slot_center(size_t i, size_t n) const {
    return left +
           (static_cast<double>(i) + 0.5) * width / static_cast<double>(n);
  }
  double y_of(const Scale& scale, double v) const {
    return scale.map(v, bottom(), top);
  }
};

inline constexpr Font kAxisFont{7, false};
inline constexpr double kAxisLabelGap = 6;

// Width of the widest tick label: the plot starts that far (plus the gap)
// right of the chart's left edge.
double value_axis_width(const Scale& scale, const std::string& unit,
                        const RenderContext& ctx);

// Light grid lines at each tick, right-aligned labels left of the plot.
void draw_value_axis(Page& page, const Scale& scale, const PlotArea& plot,
                     const std::string& unit, const RenderContext& ctx);

// Room under a plot for its category labels: two lines of kAxisFont.
inline constexpr double kCategoryLabelsHeight = 24;

// What to give up first when category labels do not fit: the labels of a
// time axis are thinned, each shown whole (a date cut short says
// nothing); those of bars are kept one a bar, cut if they must (a bar
// without a name says nothing).
enum class CrowdedLabels { Thin, Cut };

// One label a slot, their tops at `top` (under the plot), each centred on
// its slot and wrapped on up to two lines, within [min_x, max_x] (the
// chart's width: a long first or last label may go past the plot's ends).
// When they would collide, every k-th only, counted back from the last
// (the latest period stays labelled), the smallest such k that `crowded`
// allows; labels never overlap.
void draw_category_labels(Page& page, const std::vector<std::string>& labels,
                          const PlotArea& plot, double top,
                          const RenderContext& ctx, double min_x, double max_x,
                          CrowdedLabels crowded);

// When `count` labels `label_width` wide share `width`: k such that every
// k-th label, counted back from the last, is shown (1: all of them).
size_t label_stride(size_t count, double label_width, double width);

}  // namespace vigie::render
