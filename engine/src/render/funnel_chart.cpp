// The steps of a journey as centred bars, each as wide as its count
// against the largest: the step's name on the left, its count on the
// bar, and on the right its conversion from the step before and from the
// first. Past kMostSteps steps, the rest is named, not drawn.
#include <algorithm>
#include <cmath>

#include "locale/catalog.hpp"
#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr Font kLabelFont{8, false};
constexpr Font kRateFont{7, false};
// 18 steps and the line naming the rest fit a page under the section title.
constexpr size_t kMostSteps = 18;
constexpr double kBarHeight = 22;
constexpr double kNoDataHeight = 60;
constexpr double kGap = 8;
constexpr double kMoreHeight = 14;

size_t shown_steps(const FunnelChart& chart) {
  return std::min(chart.values.size(), kMostSteps);
}

double value_at(const FunnelChart& chart, size_t i) {
  return std::isfinite(chart.values[i]) ? chart.values[i] : 0;
}

// A conversion as a share, none when the step it is taken from is empty.
std::string rate(double from, double to, const RenderContext& ctx) {
  const std::optional<double> r =
      from > 0 ? std::optional<double>(to / from) : std::nullopt;
  return locale::format_value(r, "ratio", ctx.locale);
}

std::string rate_message(const char* id, const std::string& value,
                         const RenderContext& ctx) {
  const locale::Arg args[] = {locale::Arg::of_text("rate", value)};
  return locale::message(ctx.locale, id, args);
}

}  // namespace

double funnel_chart_height(const FunnelChart& chart, const RenderContext& ctx) {
  const double heading = chart_heading_height(ctx, chart.title, {},
                                              ctx.theme.page.content_width());
  if (!has_values(chart.values)) return heading + kNoDataHeight;
  return heading +
         static_cast<double>(shown_steps(chart)) * theme::kFunnelStepHeight +
         (chart.values.size() > kMostSteps ? kMoreHeight : 0);
}

void place_funnel_chart(const FunnelChart& chart, Flow& flow,
                        const RenderContext& ctx) {
  const double height = funnel_chart_height(chart, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double left = flow.left();
  const double width = flow.width();
  double top = flow.y() + draw_chart_heading(page, ctx, chart.title, {}, left,
                                             flow.y(), width);
  if (!has_values(chart.values)) {
    draw_no_data(page, ctx, left, top, width, flow.y() + height - top);
    flow.advance(height + theme::kBlockGap);
    return;
  }
  const size_t n = shown_steps(chart);
  double largest = 0;
  for (size_t i = 0; i < n; ++i)
    largest = std::max(largest, value_at(chart, i));
  const double label_width = width * 0.26;
  const double rates_width = width * 0.28;
  const double bars_left = left + label_width + kGap;
  const double bars_width = width - label_width - rates_width - 2 * kGap;
  const double center = bars_left + bars_width / 2;
  const double rates_left = left + width - rates_width;
  const double rate_line = ctx.text.measure("Ag", kRateFont).height;
  const double first = value_at(chart, 0);
  for (size_t i = 0; i < n; ++i) {
    const double row = top + static_cast<double>(i) * theme::kFunnelStepHeight;
    const double middle = row + theme::kFunnelStepHeight / 2;
    const double v = value_at(chart, i);
    draw_row_label(page, ctx, i < chart.labels.size() ? chart.labels[i] : "",
                   kLabelFont, left, label_width, middle, 2);
    const double bar =
        largest > 0 ? std::max(0.0, v) / largest * bars_width : 0;
    // The first bar darkest, the others lighter as the journey goes on.
    const Color color =
        lighten(ctx.theme.colours.primary,
                0.55 * static_cast<double>(i) /
                    static_cast<double>(std::max<size_t>(n, 2) - 1));
    if (bar > 0) {
      page.fill_rect(center - bar / 2, middle - kBarHeight / 2, bar, kBarHeight,
                     color);
    }
    // The count on the bar when it fits there, else beside it.
    const std::string count =
        data_label(v, chart.unit, kDataLabelFont, bars_width, ctx);
    const double count_width = ctx.text.width(count, kDataLabelFont);
    const double count_top =
        middle - ctx.text.measure(count, kDataLabelFont).height / 2;
    if (count_width + 6 <= bar) {
      draw_text(page, ctx.text, count, kDataLabelFont,
                text_color_on(color, ctx), center - count_width / 2, count_top,
                count_width);
    } else if (center + bar / 2 + 4 + count_width <= bars_left + bars_width) {
      draw_text(page, ctx.text, count, kDataLabelFont, ctx.theme.colours.ink,
                center + bar / 2 + 4, count_top, count_width);
    }
    if (i == 0) continue;
    const std::string step = rate_message(
        "chart.funnel_step", rate(value_at(chart, i - 1), v, ctx), ctx);
    const std::string overall =
        rate_message("chart.funnel_overall", rate(first, v, ctx), ctx);
    draw_text(page, ctx.text, ctx.text.fit(step, kRateFont, rates_width),
              kRateFont, ctx.theme.colours.ink, rates_left, middle - rate_line,
              rates_width);
    draw_text(page, ctx.text, ctx.text.fit(overall, kRateFont, rates_width),
              kRateFont, ctx.theme.colours.muted, rates_left, middle,
              rates_width);
  }
  if (chart.values.size() > n) {
    const locale::Arg count[] = {
        locale::Arg::of_number("count", locale::ArgType::Count,
                               static_cast<double>(chart.values.size() - n))};
    draw_text(
        page, ctx.text,
        ctx.text.fit(locale::message(ctx.locale, "chart.not_shown", count),
                     kRateFont, width),
        kRateFont, ctx.theme.colours.muted, left,
        top + static_cast<double>(n) * theme::kFunnelStepHeight + 2, width);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
