// Bars with their value written at their end: horizontal (a line each,
// label on the left, wrapped on two lines) when the labels are long or the
// bars many, else vertical columns on a value axis. Past `max_bars`, the
// smallest bars are summed into one "others" bar.
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
constexpr size_t kMostVerticalBars = 8;
constexpr double kGap = 6;
// The widest a value written at a horizontal bar's end may be.
constexpr double kMostValueWidth = 110;
constexpr double kNoDataHeight = 60;

struct Bars {
  Categories categories;
  std::vector<double> values;  // one a category, finite
};

Bars bars_of(const BarChart& chart, const RenderContext& ctx) {
  Bars bars;
  bars.categories =
      top_categories(chart.labels, chart.values, chart.max_bars, ctx);
  for (size_t c = 0; c < bars.categories.size(); ++c) {
    bars.values.push_back(category_value(bars.categories, c, chart.values));
  }
  return bars;
}

Color bar_color(const Bars& bars, size_t c, const RenderContext& ctx) {
  return bars.categories.others() && c + 1 == bars.categories.size()
             ? ctx.theme.colours.others
             : ctx.theme.colours.primary;
}

double widest(const std::vector<std::string>& texts, Font font,
              const RenderContext& ctx) {
  double w = 0;
  for (const std::string& t : texts) w = std::max(w, ctx.text.width(t, font));
  return w;
}

bool is_horizontal(const BarChart& chart, const Bars& bars,
                   const RenderContext& ctx) {
  if (chart.orientation != BarOrientation::Auto) {
    return chart.orientation == BarOrientation::Horizontal;
  }
  const size_t n = bars.values.size();
  if (n > kMostVerticalBars) return true;
  if (n == 0) return false;
  const double slot = ctx.theme.page.content_width() / static_cast<double>(n);
  return widest(bars.categories.labels, kAxisFont, ctx) > slot - kGap;
}

std::pair<double, double> value_range(const std::vector<double>& values) {
  double lo = 0;
  double hi = 0;
  for (double v : values) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo == hi) hi = 1;
  return {lo, hi};
}

double axis_titles_height(const AxisTitles& axes) {
  return (axes.category.empty() ? 0 : kAxisTitleHeight) +
         (axes.value.empty() ? 0 : kAxisTitleHeight);
}

double body_height(const BarChart& chart, const Bars& bars, bool horizontal) {
  if (!has_values(chart.values)) return kNoDataHeight;
  if (horizontal) {
    return static_cast<double>(bars.values.size()) * theme::kBarLineHeight +
           axis_titles_height(chart.axes);
  }
  return theme::kVerticalBarChartHeight;
}

// Horizontal bars: the y title over the labels, the x title under the
// bars; labels on up to two lines, cut beyond.
void place_horizontal(const BarChart& chart, const Bars& bars, Page& page,
                      const RenderContext& ctx, double left, double top,
                      double width) {
  const size_t n = bars.values.size();
  const double label_width =
      std::min(widest(bars.categories.labels, kLabelFont, ctx), width * 0.35);
  draw_y_title(page, ctx, chart.axes.category, left, top, label_width);
  if (!chart.axes.category.empty()) top += kAxisTitleHeight;
  const auto [lo, hi] = value_range(bars.values);
  // The room a value takes at a bar's end: the widest as written, capped.
  double value_width = 0;
  for (double v : bars.values) {
    value_width = std::max(
        value_width, ctx.text.width(data_label(v, chart.unit, kDataLabelFont,
                                               kMostValueWidth, ctx),
                                    kDataLabelFont));
  }
  // Negative bars grow leftwards and need room for their value there.
  const double bars_left =
      left + label_width + kGap + (lo < 0 ? value_width + kGap : 0);
  const double bars_right = left + width - value_width - kGap;
  const auto x_of = [&](double v) {
    return bars_left + (v - lo) / (hi - lo) * (bars_right - bars_left);
  };
  const double zero = x_of(0);
  for (size_t i = 0; i < n; ++i) {
    const double line_top =
        top + static_cast<double>(i) * theme::kBarLineHeight;
    const double middle = line_top + theme::kBarLineHeight / 2;
    draw_row_label(page, ctx, bars.categories.labels[i], kLabelFont, left,
                   label_width, middle, 2);
    const double v = bars.values[i];
    const double end = x_of(v);
    page.fill_rect(std::min(zero, end), middle - theme::kBarThickness / 2,
                   std::fabs(end - zero), theme::kBarThickness,
                   bar_color(bars, i, ctx));
    const std::string text =
        data_label(v, chart.unit, kDataLabelFont, value_width, ctx);
    if (text.empty()) continue;
    const TextExtent value = ctx.text.measure(text, kDataLabelFont);
    const double value_x =
        v < 0 ? end - kGap / 2 - value.width : end + kGap / 2;
    page.text(value_x, middle - value.height / 2 + value.baseline, text,
              kDataLabelFont, ctx.theme.colours.ink, value.width);
  }
  const double bars_bottom =
      top + static_cast<double>(n) * theme::kBarLineHeight;
  page.line(zero, top, zero, bars_bottom, ctx.theme.colours.muted, 0.8);
  draw_x_title(page, ctx, chart.axes.value, bars_left, bars_bottom + 1,
               bars_right - bars_left);
}

void place_vertical(const BarChart& chart, const Bars& bars, Page& page,
                    const RenderContext& ctx, double left, double top,
                    double width, double height) {
  const double bottom = top + height;
  draw_y_title(page, ctx, chart.axes.value, left, top, width);
  if (!chart.axes.value.empty()) top += kAxisTitleHeight;
  const auto [lo, hi] = value_range(bars.values);
  const Scale scale = nice_scale(lo, hi);
  const double axis = value_axis_width(scale, chart.unit, ctx);
  // Room for the value written beyond the end of the longest bars: above
  // the plot, and below it too when some bars go down.
  const double value_room = 14;
  const double below = lo < 0 ? value_room : 0;
  const double labels_room = kCategoryLabelsHeight;
  const double x_title = chart.axes.category.empty() ? 0 : kAxisTitleHeight;
  const PlotArea plot{
      left + axis + kAxisLabelGap, top + value_room,
      width - axis - kAxisLabelGap,
      bottom - x_title - labels_room - below - top - value_room};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  const size_t n = bars.values.size();
  const double slot = plot.width / static_cast<double>(n);
  const double bar = std::min(slot * 0.6, 48.0);
  const double zero = plot.y_of(scale, 0);
  for (size_t i = 0; i < n; ++i) {
    const double v = bars.values[i];
    const double end = plot.y_of(scale, v);
    const double center = plot.slot_center(i, n);
    page.fill_rect(center - bar / 2, std::min(zero, end), bar,
                   std::fabs(zero - end), bar_color(bars, i, ctx));
    const std::string text =
        data_label(v, chart.unit, kDataLabelFont, slot - 2, ctx);
    if (text.empty()) continue;
    const TextExtent extent = ctx.text.measure(text, kDataLabelFont);
    const double text_top = v < 0 ? end + 2 : end - 2 - extent.height;
    draw_text(page, ctx.text, text, kDataLabelFont, ctx.theme.colours.ink,
              center - slot / 2, text_top, slot, Align::Center);
  }
  draw_category_labels(page, bars.categories.labels, plot,
                       plot.bottom() + below + 5, ctx, left, left + width,
                       CrowdedLabels::Cut);
  draw_x_title(page, ctx, chart.axes.category, plot.left,
               bottom - kAxisTitleHeight + 1, plot.width);
}

}  // namespace

double bar_chart_height(const BarChart& chart, const RenderContext& ctx) {
  const Bars bars = bars_of(chart, ctx);
  return chart_heading_height(ctx, chart.title, {},
                              ctx.theme.page.content_width()) +
         body_height(chart, bars, is_horizontal(chart, bars, ctx));
}

void place_bar_chart(const BarChart& chart, Flow& flow,
                     const RenderContext& ctx) {
  const double height = bar_chart_height(chart, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double top = flow.y();
  const double heading = draw_chart_heading(page, ctx, chart.title, {},
                                            flow.left(), top, flow.width());
  const Bars bars = bars_of(chart, ctx);
  if (!has_values(chart.values)) {
    draw_no_data(page, ctx, flow.left(), top + heading, flow.width(),
                 height - heading);
  } else if (is_horizontal(chart, bars, ctx)) {
    place_horizontal(chart, bars, page, ctx, flow.left(), top + heading,
                     flow.width());
  } else {
    place_vertical(chart, bars, page, ctx, flow.left(), top + heading,
                   flow.width(), height - heading);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
