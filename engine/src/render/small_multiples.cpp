// Small line charts side by side, kSmallMultiplesPerRow a row, all on one
// value scale so that their levels compare: each with its name, its
// scale's ticks, its line (and comparison line, dashed), its last value
// written at the line's end and the first and last category under it.
// The heading goes with the first row; each row is kept whole on a page.
#include <algorithm>
#include <cmath>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"
#include "render/series_line.hpp"

namespace vigie::render {

namespace {

constexpr Font kNameFont{8, true};
constexpr double kPanelGap = 14;
constexpr double kNameHeight = 13;
constexpr double kLabelsHeight = 12;
constexpr double kRowGap = 8;
constexpr double kEndRoom = 44;  // the last value right of the line
constexpr double kNoDataHeight = 60;

size_t point_count(const SmallMultiples& chart) {
  size_t n = chart.labels.size();
  for (const LineSeries& s : chart.panels) n = std::max(n, s.values.size());
  return n;
}

bool has_panels(const SmallMultiples& chart) {
  return std::any_of(chart.panels.begin(), chart.panels.end(),
                     [](const LineSeries& s) { return has_values(s.values); });
}

Scale shared_scale(const SmallMultiples& chart) {
  double lo = 0;
  double hi = 0;
  bool first = true;
  for (const LineSeries& s : chart.panels) {
    for (const auto* values : {&s.values, &s.comparison}) {
      for (const auto& v : *values) {
        if (!v || !std::isfinite(*v)) continue;
        lo = first ? *v : std::min(lo, *v);
        hi = first ? *v : std::max(hi, *v);
        first = false;
      }
    }
  }
  if (lo >= 0 && lo < hi / 2) lo = 0;
  return nice_scale(lo, hi, 3);
}

size_t columns_of(const SmallMultiples& chart) {
  return std::clamp<size_t>(chart.panels.size(), 1,
                            static_cast<size_t>(theme::kSmallMultiplesPerRow));
}

void place_panel(const SmallMultiples& chart, const LineSeries& panel, size_t n,
                 const Scale& scale, Page& page, const RenderContext& ctx,
                 double left, double top, double width, double height) {
  draw_text(page, ctx.text, ctx.text.fit(panel.name, kNameFont, width),
            kNameFont, ctx.theme.colours.ink, left, top, width);
  const double axis = value_axis_width(scale, chart.unit, ctx);
  const PlotArea plot{left + axis + kAxisLabelGap, top + kNameHeight + 4,
                      width - axis - kAxisLabelGap - kEndRoom,
                      height - kNameHeight - 4 - kLabelsHeight};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  std::vector<std::optional<double>> values = panel.values;
  values.resize(n);
  if (!has_values(values)) {
    const Font font{theme::kSmallSize, false};
    const std::string text = ctx.text.fit(ctx.words.no_data, font, plot.width);
    const double line = ctx.text.measure(text, font).height;
    draw_text(page, ctx.text, text, font, ctx.theme.colours.muted, plot.left,
              plot.top + (plot.height - line) / 2, plot.width, Align::Center);
  }
  if (has_values(panel.comparison)) {
    std::vector<std::optional<double>> comparison = panel.comparison;
    comparison.resize(n);
    draw_series_line(page, comparison, scale, plot,
                     {lighten(ctx.theme.colours.primary, 0.35), 1, 3, 0, true});
  }
  draw_series_line(page, values, scale, plot,
                   {ctx.theme.colours.primary, 1.4, 0, 0, true});
  for (size_t i = n; i-- > 0;) {
    if (!values[i] || !std::isfinite(*values[i])) continue;
    const std::string text =
        data_label(*values[i], chart.unit, kDataLabelFont, kEndRoom - 4, ctx);
    if (!text.empty()) {
      const double line = ctx.text.measure(text, kDataLabelFont).height;
      const double middle =
          std::clamp(plot.y_of(scale, *values[i]), plot.top + line / 2,
                     plot.bottom() - line / 2);
      draw_text(page, ctx.text, text, kDataLabelFont, ctx.theme.colours.primary,
                plot.right() + 4, middle - line / 2, kEndRoom - 4);
    }
    break;
  }
  // The first and the last category: the span every panel shares.
  if (n == 0 || chart.labels.empty()) return;
  const double half = plot.width / 2 - 2;
  const std::string first = ctx.text.fit(chart.labels.front(), kAxisFont, half);
  draw_text(page, ctx.text, first, kAxisFont, ctx.theme.colours.muted,
            plot.left, plot.bottom() + 3, half);
  if (n > 1 && chart.labels.size() >= n) {
    const std::string last = ctx.text.fit(chart.labels[n - 1], kAxisFont, half);
    draw_text(page, ctx.text, last, kAxisFont, ctx.theme.colours.muted,
              plot.right() - half, plot.bottom() + 3, half, Align::Right);
  }
}

// The dashed comparison lines, when a panel has one.
std::vector<LegendEntry> legend_of(const SmallMultiples& chart,
                                   const RenderContext& ctx) {
  const bool dashed =
      std::any_of(chart.panels.begin(), chart.panels.end(),
                  [](const LineSeries& s) { return has_values(s.comparison); });
  if (!dashed || chart.comparison_name.empty()) return {};
  return {{chart.comparison_name, lighten(ctx.theme.colours.primary, 0.35), 3,
           false, false}};
}

}  // namespace

double small_multiples_min_height(const SmallMultiples& chart,
                                  const RenderContext& ctx) {
  const double heading =
      chart_heading_height(ctx, chart.title, legend_of(chart, ctx),
                           ctx.theme.page.content_width()) +
      (chart.axes.value.empty() ? 0 : kAxisTitleHeight);
  if (!has_panels(chart)) return heading + kNoDataHeight;
  return heading + theme::kSmallMultipleHeight;
}

void place_small_multiples(const SmallMultiples& chart, Flow& flow,
                           const RenderContext& ctx) {
  flow.ensure(small_multiples_min_height(chart, ctx));
  flow.advance(draw_chart_heading(flow.page(), ctx, chart.title,
                                  legend_of(chart, ctx), flow.left(), flow.y(),
                                  flow.width()));
  if (!has_panels(chart)) {
    draw_no_data(flow.page(), ctx, flow.left(), flow.y(), flow.width(),
                 kNoDataHeight);
    flow.advance(kNoDataHeight + theme::kBlockGap);
    return;
  }
  draw_y_title(flow.page(), ctx, chart.axes.value, flow.left(), flow.y(),
               flow.width());
  if (!chart.axes.value.empty()) flow.advance(kAxisTitleHeight);
  const size_t columns = columns_of(chart);
  const double panel_width =
      (flow.width() - kPanelGap * static_cast<double>(columns - 1)) /
      static_cast<double>(columns);
  const Scale scale = shared_scale(chart);
  const size_t n = point_count(chart);
  const double panel_height = theme::kSmallMultipleHeight - kRowGap;
  for (size_t first = 0; first < chart.panels.size(); first += columns) {
    flow.ensure(theme::kSmallMultipleHeight);
    const size_t last = std::min(first + columns, chart.panels.size());
    for (size_t i = first; i < last; ++i) {
      const double x = flow.left() + static_cast<double>(i - first) *
                                         (panel_width + kPanelGap);
      place_panel(chart, chart.panels[i], n, scale, flow.page(), ctx, x,
                  flow.y(), panel_width, panel_height);
    }
    flow.advance(theme::kSmallMultipleHeight);
  }
  if (!chart.axes.category.empty()) {
    flow.ensure(kAxisTitleHeight);
    draw_x_title(flow.page(), ctx, chart.axes.category, flow.left(), flow.y(),
                 flow.width());
    flow.advance(kAxisTitleHeight);
  }
  flow.advance(theme::kBlockGap);
}

}  // namespace vigie::render
