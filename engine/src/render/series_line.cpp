#include "render/series_line.hpp"

#include <algorithm>
#include <cmath>

namespace vigie::render {

namespace {

bool present(const std::vector<std::optional<double>>& values, size_t i) {
  return i < values.size() && values[i] && std::isfinite(*values[i]);
}

}  // namespace

void draw_series_line(Page& page,
                      const std::vector<std::optional<double>>& values,
                      const Scale& scale, const PlotArea& plot,
                      const LineStyle& style) {
  const size_t n = values.size();
  bool drawing = false;
  for (size_t i = 0; i < n; ++i) {
    if (!present(values, i)) {
      if (drawing) page.stroke(style.color, style.width, style.dash);
      drawing = false;
      continue;
    }
    const double x = plot.slot_center(i, n);
    const double y = plot.y_of(scale, *values[i]);
    if (drawing) {
      page.line_to(x, y);
    } else {
      page.move_to(x, y);
      drawing = true;
    }
  }
  if (drawing) page.stroke(style.color, style.width, style.dash);
  for (size_t i = 0; i < n; ++i) {
    if (!present(values, i)) continue;
    const bool alone = !present(values, i - 1) && !present(values, i + 1);
    double radius = style.point_radius;
    if (radius <= 0 && alone && style.single_points) radius = style.width;
    if (radius <= 0) continue;
    page.circle(plot.slot_center(i, n), plot.y_of(scale, *values[i]), radius);
    page.fill(style.color);
  }
}

void fill_series_area(Page& page,
                      const std::vector<std::optional<double>>& upper,
                      const std::vector<double>& lower, double baseline,
                      const Scale& scale, const PlotArea& plot, Color color) {
  const size_t n = upper.size();
  const auto low = [&](size_t i) {
    return i < lower.size() ? lower[i] : baseline;
  };
  size_t i = 0;
  while (i < n) {
    if (!present(upper, i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && present(upper, end)) ++end;
    // One value alone has no width: nothing to fill.
    if (end - i >= 2) {
      page.move_to(plot.slot_center(i, n), plot.y_of(scale, *upper[i]));
      for (size_t k = i + 1; k < end; ++k) {
        page.line_to(plot.slot_center(k, n), plot.y_of(scale, *upper[k]));
      }
      for (size_t k = end; k-- > i;) {
        page.line_to(plot.slot_center(k, n), plot.y_of(scale, low(k)));
      }
      page.fill(color);
    }
    i = end;
  }
}

double baseline_of(const Scale& scale) {
  return std::clamp(0.0, scale.min, scale.max);
}

}  // namespace vigie::render
