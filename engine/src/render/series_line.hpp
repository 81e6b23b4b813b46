// A series drawn as a line across the slots of a plot: what line charts,
// small multiples and tile sparklines share.
#pragma once

#include <optional>
#include <vector>

#include "render/chart_axes.hpp"

namespace vigie::render {

struct LineStyle {
  Color color;
  double width = 1.6;
  double dash = 0;            // dashed when > 0
  double point_radius = 0;    // a dot on every value when > 0
  bool single_points = true;  // a dot on a value with no neighbour anyway
};

// The line through the values at the slots' centres, broken where a value
// is missing. A value with no neighbour gets a dot, or it would not show.
void draw_series_line(Page& page,
                      const std::vector<std::optional<double>>& values,
                      const Scale& scale, const PlotArea& plot,
                      const LineStyle& style);

// The area between `upper` and `lower` (both at the slots' centres), over
// each run of slots where `upper` has a value; `lower` empty: down to
// `baseline`.
void fill_series_area(Page& page,
                      const std::vector<std::optional<double>>& upper,
                      const std::vector<double>& lower, double baseline,
                      const Scale& scale, const PlotArea& plot, Color color);

// The scale's value nearest to zero: where bars and areas start.
double baseline_of(const Scale& scale);

}  // namespace vigie::render
