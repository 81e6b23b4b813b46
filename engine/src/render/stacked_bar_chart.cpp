// Bars cut into their parts, one colour a value column: positive parts
// stacked from zero upwards (rightwards), negative ones downwards; each
// part's value written inside it when it fits, the bar's total at its end.
// A 100 % chart shows each part's share of its bar. Past `max_bars`, the
// smallest bars (by total) are summed into one "others" bar.
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

constexpr Font kLabelFont{8, false};
constexpr Font kPartFont{6.5, false};
constexpr size_t kMostVerticalBars = 8;
constexpr double kGap = 6;
constexpr double kMostTotalWidth = 110;
constexpr double kNoDataHeight = 60;

// The chart as drawn: the bars kept (and "others"), each part's value
// (its share for a 100 % chart).
struct Stacks {
  Categories categories;
  std::vector<std::vector<double>> parts;  // [series][bar]
  std::vector<double> totals;              // the sum of each bar's parts
  std::string unit;                        // "ratio" for a 100 % chart
};

double finite(double v) { return std::isfinite(v) ? v : 0; }

bool has_parts(const StackedBarChart& chart) {
  return std::any_of(chart.values.begin(), chart.values.end(),
                     [](const auto& s) { return has_values(s); });
}

Stacks stacks_of(const StackedBarChart& chart, const RenderContext& ctx) {
  Stacks out;
  const size_t labels = chart.labels.size();
  std::vector<double> sizes(labels, 0);
  for (const auto& series : chart.values) {
    for (size_t i = 0; i < labels && i < series.size(); ++i) {
      sizes[i] += std::fabs(finite(series[i]));
    }
  }
  out.categories = top_categories(chart.labels, sizes, chart.max_bars, ctx);
  const size_t n = out.categories.size();
  for (const auto& series : chart.values) {
    std::vector<double> parts;
    for (size_t c = 0; c < n; ++c) {
      parts.push_back(category_value(out.categories, c, series));
    }
    out.parts.push_back(std::move(parts));
  }
  out.totals.assign(n, 0);
  for (const auto& parts : out.parts) {
    for (size_t c = 0; c < n; ++c) out.totals[c] += parts[c];
  }
  out.unit = chart.unit;
  if (chart.percent) {
    // Each part over the bar's whole size: shares of a bar add up to 100 %.
    for (size_t c = 0; c < n; ++c) {
      double size = 0;
      for (const auto& parts : out.parts) size += std::fabs(parts[c]);
      for (auto& parts : out.parts) parts[c] = size > 0 ? parts[c] / size : 0;
    }
    out.unit = "ratio";
  }
  return out;
}

// The lowest and highest ends of the bars: negative parts stack down.
std::pair<double, double> extent_of(const Stacks& stacks) {
  double lo = 0;
  double hi = 0;
  for (size_t c = 0; c < stacks.categories.size(); ++c) {
    double up = 0;
    double down = 0;
    for (const auto& parts : stacks.parts) {
      (parts[c] >= 0 ? up : down) += parts[c];
    }
    lo = std::min(lo, down);
    hi = std::max(hi, up);
  }
  if (lo == hi) hi = 1;
  return {lo, hi};
}

bool is_horizontal(const StackedBarChart& chart, const Stacks& stacks,
                   const RenderContext& ctx) {
  if (chart.orientation != BarOrientation::Auto) {
    return chart.orientation == BarOrientation::Horizontal;
  }
  const size_t n = stacks.categories.size();
  if (n > kMostVerticalBars) return true;
  if (n == 0) return false;
  const double slot = ctx.theme.page.content_width() / static_cast<double>(n);
  double widest = 0;
  for (const std::string& label : stacks.categories.labels) {
    widest = std::max(widest, ctx.text.width(label, kAxisFont));
  }
  return widest > slot - kGap;
}

std::vector<LegendEntry> legend_of(const StackedBarChart& chart,
                                   const RenderContext& ctx) {
  std::vector<LegendEntry> legend;
  for (size_t s = 0; s < chart.series.size(); ++s) {
    legend.push_back(
        {chart.series[s], ctx.theme.colours.series_colour(s), 0, false, true});
  }
  return legend;
}

double titles_height(const AxisTitles& axes) {
  return (axes.category.empty() ? 0 : kAxisTitleHeight) +
         (axes.value.empty() ? 0 : kAxisTitleHeight);
}

// A part's value inside it, when it fits there.
void draw_part_label(Page& page, const RenderContext& ctx, double value,
                     const std::string& unit, Color color, double x, double y,
                     double w, double h) {
  const double line = ctx.text.measure("Ag", kPartFont).height;
  if (h < line || w < 8) return;
  const std::string text = data_label(value, unit, kPartFont, w - 4, ctx);
  if (text.empty()) return;
  draw_text(page, ctx.text, text, kPartFont, text_color_on(color, ctx), x,
            y + (h - line) / 2, w, Align::Center);
}

void place_horizontal(const StackedBarChart& chart, const Stacks& stacks,
                      Page& page, const RenderContext& ctx, double left,
                      double top, double width) {
  const size_t n = stacks.categories.size();
  double label_width = 0;
  for (const std::string& label : stacks.categories.labels) {
    label_width = std::max(label_width, ctx.text.width(label, kLabelFont));
  }
  label_width = std::min(label_width, width * 0.3);
  draw_y_title(page, ctx, chart.axes.category, left, top, label_width);
  if (!chart.axes.category.empty()) top += kAxisTitleHeight;
  // Totals at the bars' ends, except for shares (always 100 %).
  std::vector<std::string> totals(n);
  double total_width = 0;
  if (!chart.percent) {
    for (size_t c = 0; c < n; ++c) {
      totals[c] = data_label(stacks.totals[c], stacks.unit, kDataLabelFont,
                             kMostTotalWidth, ctx);
      total_width =
          std::max(total_width, ctx.text.width(totals[c], kDataLabelFont));
    }
  }
  const auto [lo, hi] = extent_of(stacks);
  const double bars_left = left + label_width + kGap;
  const double bars_right =
      left + width - (total_width > 0 ? total_width + kGap : 0);
  const auto x_of = [&](double v) {
    return bars_left + (v - lo) / (hi - lo) * (bars_right - bars_left);
  };
  for (size_t c = 0; c < n; ++c) {
    const double middle =
        top + (static_cast<double>(c) + 0.5) * theme::kBarLineHeight;
    draw_row_label(page, ctx, stacks.categories.labels[c], kLabelFont, left,
                   label_width, middle, 2);
    double up = 0;
    double down = 0;
    const double bar_top = middle - theme::kBarThickness / 2;
    for (size_t s = 0; s < stacks.parts.size(); ++s) {
      const double v = stacks.parts[s][c];
      if (v == 0) continue;
      double& from = v > 0 ? up : down;
      const double x1 = x_of(from);
      const double x2 = x_of(from + v);
      from += v;
      const Color color = ctx.theme.colours.series_colour(s);
      page.fill_rect(std::min(x1, x2), bar_top, std::fabs(x2 - x1),
                     theme::kBarThickness, color);
      draw_part_label(page, ctx, v, stacks.unit, color, std::min(x1, x2),
                      bar_top, std::fabs(x2 - x1), theme::kBarThickness);
    }
    if (!totals[c].empty()) {
      const TextExtent extent = ctx.text.measure(totals[c], kDataLabelFont);
      page.text(bars_right + kGap, middle - extent.height / 2 + extent.baseline,
                totals[c], kDataLabelFont, ctx.theme.colours.ink, extent.width);
    }
  }
  const double bottom = top + static_cast<double>(n) * theme::kBarLineHeight;
  page.line(x_of(0), top, x_of(0), bottom, ctx.theme.colours.muted, 0.8);
  draw_x_title(page, ctx, chart.axes.value, bars_left, bottom + 1,
               bars_right - bars_left);
}

void place_vertical(const StackedBarChart& chart, const Stacks& stacks,
                    Page& page, const RenderContext& ctx, double left,
                    double top, double width, double height) {
  const double bottom = top + height;
  draw_y_title(page, ctx, chart.axes.value, left, top, width);
  if (!chart.axes.value.empty()) top += kAxisTitleHeight;
  const auto [lo, hi] = extent_of(stacks);
  const Scale scale =
      chart.percent ? nice_scale(std::min(lo, 0.0), 1) : nice_scale(lo, hi);
  const double axis = value_axis_width(scale, stacks.unit, ctx);
  const double total_room = chart.percent ? 4 : 14;
  const double below = lo < 0 ? 4 : 0;
  const double labels_room = kCategoryLabelsHeight;
  const double x_title = chart.axes.category.empty() ? 0 : kAxisTitleHeight;
  const PlotArea plot{
      left + axis + kAxisLabelGap, top + total_room,
      width - axis - kAxisLabelGap,
      bottom - x_title - labels_room - below - top - total_room};
  draw_value_axis(page, scale, plot, stacks.unit, ctx);
  const size_t n = stacks.categories.size();
  const double slot = plot.width / static_cast<double>(n);
  const double bar = std::min(slot * 0.6, 48.0);
  for (size_t c = 0; c < n; ++c) {
    const double center = plot.slot_center(c, n);
    double up = 0;
    double down = 0;
    for (size_t s = 0; s < stacks.parts.size(); ++s) {
      const double v = stacks.parts[s][c];
      if (v == 0) continue;
      double& from = v > 0 ? up : down;
      const double y1 = plot.y_of(scale, from);
      const double y2 = plot.y_of(scale, from + v);
      from += v;
      const Color color = ctx.theme.colours.series_colour(s);
      page.fill_rect(center - bar / 2, std::min(y1, y2), bar,
                     std::fabs(y2 - y1), color);
      draw_part_label(page, ctx, v, stacks.unit, color, center - bar / 2,
                      std::min(y1, y2), bar, std::fabs(y2 - y1));
    }
    if (!chart.percent) {
      const std::string text = data_label(stacks.totals[c], stacks.unit,
                                          kDataLabelFont, slot - 2, ctx);
      if (!text.empty()) {
        const TextExtent extent = ctx.text.measure(text, kDataLabelFont);
        draw_text(page, ctx.text, text, kDataLabelFont, ctx.theme.colours.ink,
                  center - slot / 2, plot.y_of(scale, up) - 2 - extent.height,
                  slot, Align::Center);
      }
    }
  }
  draw_category_labels(page, stacks.categories.labels, plot,
                       plot.bottom() + below + 5, ctx, left, left + width,
                       CrowdedLabels::Cut);
  draw_x_title(page, ctx, chart.axes.category, plot.left,
               bottom - kAxisTitleHeight + 1, plot.width);
}

}  // namespace

double stacked_bar_chart_height(const StackedBarChart& chart,
                                const RenderContext& ctx) {
  const double heading = chart_heading_height(
      ctx, chart.title, legend_of(chart, ctx), ctx.theme.page.content_width());
  if (!has_parts(chart)) return heading + kNoDataHeight;
  const Stacks stacks = stacks_of(chart, ctx);
  if (is_horizontal(chart, stacks, ctx)) {
    return heading +
           static_cast<double>(stacks.categories.size()) *
               theme::kBarLineHeight +
           titles_height(chart.axes);
  }
  return heading + theme::kStackedBarChartHeight;
}

void place_stacked_bar_chart(const StackedBarChart& chart, Flow& flow,
                             const RenderContext& ctx) {
  const double height = stacked_bar_chart_height(chart, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double top = flow.y();
  const double heading =
      draw_chart_heading(page, ctx, chart.title, legend_of(chart, ctx),
                         flow.left(), top, flow.width());
  if (!has_parts(chart)) {
    draw_no_data(page, ctx, flow.left(), top + heading, flow.width(),
                 height - heading);
  } else {
    const Stacks stacks = stacks_of(chart, ctx);
    if (is_horizontal(chart, stacks, ctx)) {
      place_horizontal(chart, stacks, page, ctx, flow.left(), top + heading,
                       flow.width());
    } else {
      place_vertical(chart, stacks, page, ctx, flow.left(), top + heading,
                     flow.width(), height - heading);
    }
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
