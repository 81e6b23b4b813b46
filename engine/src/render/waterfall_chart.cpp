// Steps that add up to a total, as floating columns: each starts where the
// one before ended, green when it adds, red when it takes away, joined by
// a dotted line; the last column, from zero, is the total. Each step's
// signed value is written above it. Past kMostSteps steps, the smallest
// are summed into one "others" step (the total is unchanged).
#include <algorithm>
#include <cmath>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr double kNoDataHeight = 60;
// Columns side by side get narrow fast: past this many steps, the
// smallest are summed into "others", so that each column keeps a label.
constexpr size_t kMostSteps = 10;
constexpr double kValueRoom = 14;

struct Steps {
  std::vector<std::string> labels;  // the steps, then the total
  std::vector<double> from, to;     // each column's ends
  std::vector<double> values;       // each step's value, then the total
};

Steps steps_of(const WaterfallChart& chart, const RenderContext& ctx) {
  const Categories categories =
      top_categories(chart.labels, chart.values, kMostSteps, ctx);
  Steps steps;
  double sum = 0;
  for (size_t c = 0; c < categories.size(); ++c) {
    const double v = category_value(categories, c, chart.values);
    steps.labels.push_back(categories.labels[c]);
    steps.from.push_back(sum);
    sum += v;
    steps.to.push_back(sum);
    steps.values.push_back(v);
  }
  steps.labels.push_back(ctx.words.total);
  steps.from.push_back(0);
  steps.to.push_back(sum);
  steps.values.push_back(sum);
  return steps;
}

// Swatches of the colours the chart uses: rises, falls, the total.
std::vector<LegendEntry> legend_of(const WaterfallChart& chart,
                                   const RenderContext& ctx) {
  const auto any = [&](bool rise) {
    return std::any_of(chart.values.begin(), chart.values.end(),
                       [&](double v) { return rise ? v > 0 : v < 0; });
  };
  std::vector<LegendEntry> legend;
  if (any(true))
    legend.push_back(
        {ctx.words.increase, ctx.theme.colours.good, 0, false, true});
  if (any(false))
    legend.push_back(
        {ctx.words.decrease, ctx.theme.colours.bad, 0, false, true});
  legend.push_back(
      {ctx.words.total, ctx.theme.colours.primary, 0, false, true});
  return legend;
}

}  // namespace

double waterfall_chart_height(const WaterfallChart& chart,
                              const RenderContext& ctx) {
  if (!has_values(chart.values)) {
    return chart_heading_height(ctx, chart.title, {},
                                ctx.theme.page.content_width()) +
           kNoDataHeight;
  }
  const double heading = chart_heading_height(
      ctx, chart.title, legend_of(chart, ctx), ctx.theme.page.content_width());
  return heading + theme::kWaterfallChartHeight;
}

void place_waterfall_chart(const WaterfallChart& chart, Flow& flow,
                           const RenderContext& ctx) {
  const double height = waterfall_chart_height(chart, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double left = flow.left();
  const double width = flow.width();
  const double bottom = flow.y() + height;
  const std::vector<LegendEntry> legend = has_values(chart.values)
                                              ? legend_of(chart, ctx)
                                              : std::vector<LegendEntry>{};
  double top = flow.y() + draw_chart_heading(page, ctx, chart.title, legend,
                                             left, flow.y(), width);
  if (!has_values(chart.values)) {
    draw_no_data(page, ctx, left, top, width, bottom - top);
    flow.advance(height + theme::kBlockGap);
    return;
  }
  draw_y_title(page, ctx, chart.axes.value, left, top, width);
  if (!chart.axes.value.empty()) top += kAxisTitleHeight;
  const Steps steps = steps_of(chart, ctx);
  double lo = 0;
  double hi = 0;
  for (size_t i = 0; i < steps.to.size(); ++i) {
    lo = std::min({lo, steps.from[i], steps.to[i]});
    hi = std::max({hi, steps.from[i], steps.to[i]});
  }
  const Scale scale = nice_scale(lo, hi == lo ? lo + 1 : hi);
  const double axis = value_axis_width(scale, chart.unit, ctx);
  const double x_title = chart.axes.category.empty() ? 0 : kAxisTitleHeight;
  const PlotArea plot{
      left + axis + kAxisLabelGap, top + kValueRoom,
      width - axis - kAxisLabelGap,
      bottom - x_title - kCategoryLabelsHeight - top - kValueRoom};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  const size_t n = steps.values.size();
  const double slot = plot.width / static_cast<double>(n);
  const double bar = std::min(slot * 0.7, 48.0);
  for (size_t i = 0; i < n; ++i) {
    const bool total = i + 1 == n;
    const double center = plot.slot_center(i, n);
    const double y1 = plot.y_of(scale, steps.from[i]);
    const double y2 = plot.y_of(scale, steps.to[i]);
    const double v = steps.values[i];
    const Color color =
        total ? ctx.theme.colours.primary
              : (v >= 0 ? ctx.theme.colours.good : ctx.theme.colours.bad);
    // A step of nothing still shows where it stands.
    page.fill_rect(center - bar / 2, std::min(y1, y2), bar,
                   std::max(std::fabs(y2 - y1), 0.8), color);
    if (!total) {
      // To the next column's start.
      const double next = plot.slot_center(i + 1, n) - bar / 2;
      page.line(center + bar / 2, y2, next, y2, ctx.theme.colours.muted, 0.6,
                1.5);
    }
    std::string text = data_label(v, chart.unit, kDataLabelFont, slot - 2, ctx);
    if (!total && v > 0 && !text.empty()) {
      const std::string plus = "+" + text;
      if (ctx.text.width(plus, kDataLabelFont) <= slot - 2) text = plus;
    }
    if (text.empty()) continue;
    const TextExtent extent = ctx.text.measure(text, kDataLabelFont);
    // Above the column, in its own slot: never on another label.
    const double text_top = std::min(y1, y2) - 2 - extent.height;
    draw_text(page, ctx.text, text, kDataLabelFont, ctx.theme.colours.ink,
              center - slot / 2, text_top, slot, Align::Center);
  }
  draw_category_labels(page, steps.labels, plot, plot.bottom() + 5, ctx, left,
                       left + width, CrowdedLabels::Cut);
  draw_x_title(page, ctx, chart.axes.category, plot.left,
               bottom - kAxisTitleHeight + 1, plot.width);
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
