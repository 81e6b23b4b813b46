// A KPI over its last periods: the line with its points, broken where a
// value is missing, the target as a dashed line, nice value ticks and the
// period labels (thinned when crowded).
#include <algorithm>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/chart_legend.hpp"

namespace vigie::render {

namespace {

constexpr double kLegendTop = 2;  // below the title line's top
constexpr double kXLabelsHeight = 18;
constexpr double kPointRadius = 2.6;

Scale value_scale(const LineChart& chart) {
  std::vector<double> seen;
  for (const auto& v : chart.values) {
    if (v) seen.push_back(*v);
  }
  if (chart.target) seen.push_back(*chart.target);
  if (seen.empty()) return nice_scale(0, 1);
  double lo = *std::min_element(seen.begin(), seen.end());
  const double hi = *std::max_element(seen.begin(), seen.end());
  // Positive values far from zero read better on an axis cut above it;
  // closer than half their height, the zero baseline is kept.
  if (lo >= 0 && lo < hi / 2) lo = 0;
  return nice_scale(lo, hi);
}

void draw_series(Page& page, const LineChart& chart, const Scale& scale,
                 const PlotArea& plot) {
  const size_t n = chart.values.size();
  bool drawing = false;
  for (size_t i = 0; i < n; ++i) {
    const auto& v = chart.values[i];
    if (!v) {
      if (drawing) page.stroke(theme::kPrimary, 1.6);
      drawing = false;
      continue;
    }
    const double x = plot.slot_center(i, n);
    const double y = plot.y_of(scale, *v);
    if (drawing) {
      page.line_to(x, y);
    } else {
      page.move_to(x, y);
      drawing = true;
    }
  }
  if (drawing) page.stroke(theme::kPrimary, 1.6);
  for (size_t i = 0; i < n; ++i) {
    if (!chart.values[i]) continue;
    page.circle(plot.slot_center(i, n), plot.y_of(scale, *chart.values[i]),
                kPointRadius);
    page.fill(theme::kPrimary);
  }
}

}  // namespace

double line_chart_height(const LineChart&) {
  return theme::kBlockTitleHeight + theme::kLineChartHeight;
}

void place_line_chart(const LineChart& chart, Flow& flow,
                      const RenderContext& ctx) {
  const double height = line_chart_height(chart);
  flow.ensure(height);
  Page& page = flow.page();
  const double top = flow.y();
  draw_block_title(page, ctx, chart.title, flow.left(), top);

  std::vector<LegendEntry> legend{{ctx.words.actual, theme::kPrimary, 0, true}};
  if (chart.target) {
    legend.push_back(
        {std::string(ctx.words.target) + ctx.words.colon +
             locale::format_value(chart.target, chart.unit, ctx.locale),
         theme::kTarget, 4, false});
  }
  draw_legend(page, legend, flow.left() + flow.width(), top + kLegendTop + 5,
              ctx);

  const Scale scale = value_scale(chart);
  const double axis = value_axis_width(scale, chart.unit, ctx);
  const PlotArea plot{flow.left() + axis + kAxisLabelGap,
                      top + theme::kBlockTitleHeight + 6,
                      flow.width() - axis - kAxisLabelGap,
                      height - theme::kBlockTitleHeight - 6 - kXLabelsHeight};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  if (chart.target) {
    const double y = plot.y_of(scale, *chart.target);
    page.line(plot.left, y, plot.right(), y, theme::kTarget, 1, 4);
  }
  draw_series(page, chart, scale, plot);
  // Labels and values are paired by position; extra labels have no point.
  std::vector<std::string> labels = chart.labels;
  labels.resize(chart.values.size());
  draw_category_labels(page, labels, plot, plot.bottom() + 5, ctx);
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
