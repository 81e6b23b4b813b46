// Bars with their value written at their end: horizontal (a line each,
// label on the left) when the labels are long or the bars many, else
// vertical columns on a value axis.
#include <algorithm>
#include <cmath>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr Font kLabelFont{8, false};
constexpr Font kValueFont{7, true};
constexpr size_t kMostVerticalBars = 8;
constexpr double kGap = 6;

double widest(const std::vector<std::string>& texts, Font font,
              const RenderContext& ctx) {
  double w = 0;
  for (const std::string& t : texts) w = std::max(w, ctx.text.width(t, font));
  return w;
}

std::vector<std::string> value_labels(const BarChart& chart,
                                      const RenderContext& ctx) {
  std::vector<std::string> out;
  for (double v : chart.values) {
    out.push_back(locale::format_value(v, chart.unit, ctx.locale));
  }
  return out;
}

bool is_horizontal(const BarChart& chart, const RenderContext& ctx) {
  if (chart.orientation != BarOrientation::Auto) {
    return chart.orientation == BarOrientation::Horizontal;
  }
  const size_t n = chart.values.size();
  if (n > kMostVerticalBars) return true;
  if (n == 0) return false;
  const double slot = theme::kContentWidth / static_cast<double>(n);
  return widest(chart.labels, kAxisFont, ctx) > slot - kGap;
}

std::pair<double, double> value_range(const BarChart& chart) {
  double lo = 0;
  double hi = 0;
  for (double v : chart.values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo == hi) hi = 1;
  return {lo, hi};
}

void place_horizontal(const BarChart& chart, Flow& flow,
                      const RenderContext& ctx, double height) {
  Page& page = flow.page();
  const double top = flow.y() + theme::kBlockTitleHeight;
  const std::vector<std::string> values = value_labels(chart, ctx);
  const double value_width = widest(values, kValueFont, ctx);
  const double label_width =
      std::min(widest(chart.labels, kLabelFont, ctx), flow.width() * 0.35);
  const auto [lo, hi] = value_range(chart);
  // Negative bars grow leftwards and need room for their value there.
  const double bars_left =
      flow.left() + label_width + kGap + (lo < 0 ? value_width + kGap : 0);
  const double bars_right = flow.left() + flow.width() - value_width - kGap;
  const auto x_of = [&](double v) {
    return bars_left + (v - lo) / (hi - lo) * (bars_right - bars_left);
  };
  const double zero = x_of(0);
  for (size_t i = 0; i < chart.values.size(); ++i) {
    const double line_top =
        top + static_cast<double>(i) * theme::kBarLineHeight;
    const double middle = line_top + theme::kBarLineHeight / 2;
    const std::string label =
        ctx.text.fit(i < chart.labels.size() ? chart.labels[i] : "", kLabelFont,
                     label_width);
    const TextExtent extent = ctx.text.measure(label, kLabelFont);
    draw_text(page, ctx.text, label, kLabelFont, theme::kInk, flow.left(),
              middle - extent.height / 2, label_width, Align::Right);
    const double v = std::isfinite(chart.values[i]) ? chart.values[i] : 0;
    const double end = x_of(v);
    page.fill_rect(std::min(zero, end), middle - theme::kBarThickness / 2,
                   std::fabs(end - zero), theme::kBarThickness,
                   theme::kPrimary);
    const TextExtent value = ctx.text.measure(values[i], kValueFont);
    const double value_x =
        v < 0 ? end - kGap / 2 - value.width : end + kGap / 2;
    page.text(value_x, middle - value.height / 2 + value.baseline, values[i],
              kValueFont, theme::kInk, value.width);
  }
  page.line(zero, top, zero, top + height - theme::kBlockTitleHeight,
            theme::kMuted, 0.8);
}

void place_vertical(const BarChart& chart, Flow& flow, const RenderContext& ctx,
                    double height) {
  Page& page = flow.page();
  const double top = flow.y() + theme::kBlockTitleHeight;
  const auto [lo, hi] = value_range(chart);
  const Scale scale = nice_scale(lo, hi);
  const double axis = value_axis_width(scale, chart.unit, ctx);
  // Room for the value written beyond the end of the longest bars: above
  // the plot, and below it too when some bars go down.
  const double value_room = 14;
  const double below = lo < 0 ? value_room : 0;
  const double labels_room = 18;
  const PlotArea plot{
      flow.left() + axis + kAxisLabelGap, top + value_room,
      flow.width() - axis - kAxisLabelGap,
      height - theme::kBlockTitleHeight - value_room - below - labels_room};
  draw_value_axis(page, scale, plot, chart.unit, ctx);
  const size_t n = chart.values.size();
  if (n == 0) return;
  const double slot = plot.width / static_cast<double>(n);
  const double bar = std::min(slot * 0.6, 48.0);
  const std::vector<std::string> values = value_labels(chart, ctx);
  const double zero = plot.y_of(scale, 0);
  for (size_t i = 0; i < n; ++i) {
    const double v = std::isfinite(chart.values[i]) ? chart.values[i] : 0;
    const double end = plot.y_of(scale, v);
    const double center = plot.slot_center(i, n);
    page.fill_rect(center - bar / 2, std::min(zero, end), bar,
                   std::fabs(zero - end), theme::kPrimary);
    const std::string text = ctx.text.fit(values[i], kValueFont, slot - 2);
    const TextExtent extent = ctx.text.measure(text, kValueFont);
    const double text_top = v < 0 ? end + 2 : end - 2 - extent.height;
    draw_text(page, ctx.text, text, kValueFont, theme::kInk, center - slot / 2,
              text_top, slot, Align::Center);
  }
  std::vector<std::string> labels = chart.labels;
  labels.resize(n);
  draw_category_labels(page, labels, plot, plot.bottom() + below + 5, ctx);
}

}  // namespace

double bar_chart_height(const BarChart& chart, const RenderContext& ctx) {
  if (is_horizontal(chart, ctx)) {
    return theme::kBlockTitleHeight +
           static_cast<double>(chart.values.size()) * theme::kBarLineHeight;
  }
  return theme::kBlockTitleHeight + theme::kVerticalBarChartHeight;
}

void place_bar_chart(const BarChart& chart, Flow& flow,
                     const RenderContext& ctx) {
  const double height = bar_chart_height(chart, ctx);
  flow.ensure(height);
  draw_block_title(flow.page(), ctx, chart.title, flow.left(), flow.y());
  if (is_horizontal(chart, ctx)) {
    place_horizontal(chart, flow, ctx, height);
  } else {
    place_vertical(chart, flow, ctx, height);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
