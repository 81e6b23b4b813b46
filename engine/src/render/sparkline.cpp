#include "render/sparkline.hpp"

#include <algorithm>
#include <cmath>

#include "render/series_line.hpp"

namespace vigie::render {

void draw_sparkline(Page& page,
                    const std::vector<std::optional<double>>& values,
                    double left, double top, double width, double height,
                    Color color) {
  std::optional<double> lo;
  std::optional<double> hi;
  std::optional<size_t> last;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i] || !std::isfinite(*values[i])) continue;
    lo = std::min(lo.value_or(*values[i]), *values[i]);
    hi = std::max(hi.value_or(*values[i]), *values[i]);
    last = i;
  }
  if (!last) return;
  // A flat line sits in the middle.
  Scale scale;
  scale.min = *lo;
  scale.max = *hi;
  if (scale.max == scale.min) {
    const double half = std::max(std::fabs(scale.min), 1.0);
    scale.min -= half;
    scale.max += half;
  }
  // The dot's radius inside the box, so that nothing is drawn outside.
  constexpr double kDot = 1.8;
  const PlotArea plot{left, top + kDot, width, height - 2 * kDot};
  draw_series_line(page, values, scale, plot, {color, 1.1, 0, 0, false});
  page.circle(plot.slot_center(*last, values.size()),
              plot.y_of(scale, *values[*last]), kDot);
  page.fill(color);
}

}  // namespace vigie::render
