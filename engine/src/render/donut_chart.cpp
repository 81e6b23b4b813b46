// The shares of a whole as a ring: one slice a category, clockwise from
// the top in the order given, the largest `max_slices - 1` and "others";
// the total in the hole, each share written on its slice when it fits
// there, and beside the ring the list of slices with value and share.
// Values not above zero have no slice.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr Font kListFont{8, false};
constexpr Font kShareFont{7, true};
constexpr double kRowHeight = 15;
constexpr double kRingGap = 24;  // between the ring and the list
constexpr double kHoleRatio = 0.56;
constexpr double kStepRadians = std::numbers::pi / 90;  // 2 degrees

struct Slices {
  Categories categories;
  std::vector<double> values;
  double total = 0;
};

Slices slices_of(const DonutChart& chart, const RenderContext& ctx) {
  // Only what can be a share of the whole: positive values.
  std::vector<std::string> labels;
  std::vector<double> values;
  for (size_t i = 0; i < chart.values.size(); ++i) {
    const double v = chart.values[i];
    if (!std::isfinite(v) || v <= 0) continue;
    labels.push_back(i < chart.labels.size() ? chart.labels[i] : "");
    values.push_back(v);
  }
  const size_t rows =
      static_cast<size_t>(theme::kDonutChartHeight / kRowHeight);
  Slices out;
  out.categories = top_categories(
      labels, values, std::clamp<size_t>(chart.max_slices, 2, rows), ctx);
  for (size_t c = 0; c < out.categories.size(); ++c) {
    out.values.push_back(category_value(out.categories, c, values));
    out.total += out.values.back();
  }
  return out;
}

Color slice_color(const Slices& slices, size_t c, const RenderContext& ctx) {
  return slices.categories.others() && c + 1 == slices.categories.size()
             ? ctx.theme.colours.others
             : ctx.theme.colours.series_colour(c);
}

// A point of the circle of radius r around (cx, cy), at `angle` radians
// clockwise from the top.
std::pair<double, double> at(double cx, double cy, double r, double angle) {
  return {cx + r * std::sin(angle), cy - r * std::cos(angle)};
}

void fill_slice(Page& page, double cx, double cy, double outer, double inner,
                double from, double to, Color color) {
  const auto steps =
      static_cast<int>(std::max(1.0, std::ceil((to - from) / kStepRadians)));
  const double step = (to - from) / steps;
  const auto [x0, y0] = at(cx, cy, outer, from);
  page.move_to(x0, y0);
  for (int i = 1; i <= steps; ++i) {
    const auto [x, y] = at(cx, cy, outer, from + step * i);
    page.line_to(x, y);
  }
  for (int i = steps; i >= 0; --i) {
    const auto [x, y] = at(cx, cy, inner, from + step * i);
    page.line_to(x, y);
  }
  page.fill(color);
}

std::string share_text(double share, const RenderContext& ctx) {
  return locale::format_value(share, "ratio", ctx.locale);
}

}  // namespace

double donut_chart_height(const DonutChart& chart, const RenderContext& ctx) {
  return chart_heading_height(ctx, chart.title, {},
                              ctx.theme.page.content_width()) +
         theme::kDonutChartHeight;
}

void place_donut_chart(const DonutChart& chart, Flow& flow,
                       const RenderContext& ctx) {
  const double height = donut_chart_height(chart, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double left = flow.left();
  const double width = flow.width();
  const double top = flow.y() + draw_chart_heading(page, ctx, chart.title, {},
                                                   left, flow.y(), width);
  const double body = theme::kDonutChartHeight;
  const Slices slices = slices_of(chart, ctx);
  if (slices.total <= 0) {
    draw_no_data(page, ctx, left, top, width, body);
    flow.advance(height + theme::kBlockGap);
    return;
  }
  const double outer = body / 2 - 6;
  const double inner = outer * kHoleRatio;
  const double cx = left + outer + 4;
  const double cy = top + body / 2;
  double angle = 0;
  const double share_line = ctx.text.measure("Ag", kShareFont).height;
  for (size_t c = 0; c < slices.values.size(); ++c) {
    const double share = slices.values[c] / slices.total;
    const double sweep = share * 2 * std::numbers::pi;
    const Color color = slice_color(slices, c, ctx);
    fill_slice(page, cx, cy, outer, inner, angle, angle + sweep, color);
    // The share on the slice, when the slice is wide enough for it.
    const std::string text = share_text(share, ctx);
    const double text_width = ctx.text.width(text, kShareFont);
    const double middle_radius = (outer + inner) / 2;
    const double chord = 2 * middle_radius * std::sin(std::min(sweep, 3.0) / 2);
    if (chord > text_width + 6 && outer - inner > share_line + 4) {
      const auto [x, y] = at(cx, cy, middle_radius, angle + sweep / 2);
      draw_text(page, ctx.text, text, kShareFont, text_color_on(color, ctx),
                x - text_width / 2, y - share_line / 2, text_width);
    }
    angle += sweep;
  }
  // The whole in the hole.
  const std::string total =
      data_label(slices.total, chart.unit, kDataLabelFont, 2 * inner - 8, ctx);
  if (!total.empty()) {
    const double line = ctx.text.measure(total, kDataLabelFont).height;
    draw_text(page, ctx.text, total, kDataLabelFont, ctx.theme.colours.ink,
              cx - inner, cy - line / 2, 2 * inner, Align::Center);
  }

  // The list: swatch, label, value, share.
  const double list_left = cx + outer + kRingGap;
  double value_width = 0;
  double share_width = 0;
  std::vector<std::string> values;
  for (double v : slices.values) {
    values.push_back(data_label(v, chart.unit, kListFont, 110, ctx));
    value_width =
        std::max(value_width, ctx.text.width(values.back(), kListFont));
    share_width =
        std::max(share_width,
                 ctx.text.width(share_text(v / slices.total, ctx), kListFont));
  }
  const double label_left = list_left + 14;
  const double share_left = left + width - share_width;
  const double value_left = share_left - 10 - value_width;
  const double label_width = value_left - 10 - label_left;
  const double rows_top =
      cy - static_cast<double>(slices.values.size()) * kRowHeight / 2;
  const double line = ctx.text.measure("Ag", kListFont).height;
  for (size_t c = 0; c < slices.values.size(); ++c) {
    const double row = rows_top + static_cast<double>(c) * kRowHeight;
    const double text_top = row + (kRowHeight - line) / 2;
    page.fill_rect(list_left, row + kRowHeight / 2 - 4, 8, 8,
                   slice_color(slices, c, ctx));
    if (label_width > 0) {
      draw_text(
          page, ctx.text,
          ctx.text.fit(slices.categories.labels[c], kListFont, label_width),
          kListFont, ctx.theme.colours.ink, label_left, text_top, label_width);
    }
    draw_text(page, ctx.text, values[c], kListFont, ctx.theme.colours.ink,
              value_left, text_top, value_width, Align::Right);
    draw_text(page, ctx.text, share_text(slices.values[c] / slices.total, ctx),
              kListFont, ctx.theme.colours.muted, share_left, text_top,
              share_width, Align::Right);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
