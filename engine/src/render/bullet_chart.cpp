// One line a KPI: its name on the left, then its value as a dark bar over
// the zones of its target (alert, warning, good: darker grey for worse), the
// target as a red tick, the comparison period's value as a short grey tick,
// the scale's ends under it, and the value written on the right in its
// status colour.
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
constexpr Font kValueFont{8, true};
constexpr double kZoneHeight = 14;
constexpr double kBarHeight = 5;
constexpr double kGap = 8;
constexpr double kValueWidth = 90;

Color status_color(Status status, const RenderContext& ctx) {
  switch (status) {
    case Status::Ok:
      return ctx.theme.colours.good;
    case Status::Warning:
      return ctx.theme.colours.warning;
    case Status::Alert:
      return ctx.theme.colours.bad;
    case Status::None:
      break;
  }
  return ctx.theme.colours.ink;
}

bool finite(const std::optional<double>& v) {
  return v.has_value() && std::isfinite(*v);
}

Scale scale_of(const Bullet& b) {
  double lo = 0;
  double hi = 0;
  for (const auto& v : {b.value, b.previous, b.target, b.warning, b.alert}) {
    if (!finite(v)) continue;
    lo = std::min(lo, *v);
    hi = std::max(hi, *v);
  }
  // Some room past the largest mark, so that a target at the end shows.
  if (hi > 0) hi *= 1.05;
  return nice_scale(lo, hi, 4);
}

// The zones from the worst to the best, as [from, to) in value.
struct Zone {
  double from, to;
  Color color;
};

std::vector<Zone> zones_of(const Bullet& b, const Scale& scale,
                           const RenderContext& ctx) {
  std::vector<Zone> zones;
  if (!finite(b.target)) {
    zones.push_back({scale.min, scale.max, ctx.theme.colours.zone_good});
    return zones;
  }
  // spec.hpp's Target: good from the warning threshold (the target when
  // none) on the better side; warning down to alert; alert beyond.
  const double good = finite(b.warning) ? *b.warning : *b.target;
  if (b.higher_is_better) {
    const double alert = finite(b.alert) ? *b.alert : scale.min;
    zones.push_back({scale.min, alert, ctx.theme.colours.zone_alert});
    zones.push_back({alert, good, ctx.theme.colours.zone_warning});
    zones.push_back({good, scale.max, ctx.theme.colours.zone_good});
  } else {
    const double alert = finite(b.alert) ? *b.alert : scale.max;
    zones.push_back({scale.min, good, ctx.theme.colours.zone_good});
    zones.push_back({good, alert, ctx.theme.colours.zone_warning});
    zones.push_back({alert, scale.max, ctx.theme.colours.zone_alert});
  }
  return zones;
}

void place_bullet(const Bullet& b, Page& page, const RenderContext& ctx,
                  double left, double top, double width) {
  const double label_width = width * 0.28;
  const double bar_left = left + label_width + kGap;
  const double bar_width = width - label_width - 2 * kGap - kValueWidth;
  const double zone_top = top + 4;
  const double middle = zone_top + kZoneHeight / 2;
  draw_row_label(page, ctx, b.label, kLabelFont, left, label_width, middle, 2);
  const Scale scale = scale_of(b);
  const auto x_of = [&](double v) {
    return scale.map(std::clamp(v, scale.min, scale.max), bar_left,
                     bar_left + bar_width);
  };
  for (const Zone& zone : zones_of(b, scale, ctx)) {
    const double x1 = x_of(std::min(zone.from, zone.to));
    const double x2 = x_of(std::max(zone.from, zone.to));
    if (x2 > x1) page.fill_rect(x1, zone_top, x2 - x1, kZoneHeight, zone.color);
  }
  const double zero = x_of(0);
  if (finite(b.value)) {
    const double end = x_of(*b.value);
    page.fill_rect(std::min(zero, end), middle - kBarHeight / 2,
                   std::max(std::fabs(end - zero), 0.8), kBarHeight,
                   ctx.theme.colours.ink);
  }
  if (finite(b.previous)) {
    const double x = x_of(*b.previous);
    page.line(x, middle - 3, x, middle + 3, ctx.theme.colours.muted, 1.5);
  }
  if (finite(b.target)) {
    const double x = x_of(*b.target);
    page.line(x, zone_top - 2, x, zone_top + kZoneHeight + 2,
              ctx.theme.colours.target, 2);
  }
  // The scale's ends under the zones.
  const std::vector<std::string> ends =
      locale::format_axis_ticks({scale.min, scale.max}, b.unit, ctx.locale);
  const double ticks_top = zone_top + kZoneHeight + 3;
  draw_text(page, ctx.text, ends[0], kAxisFont, ctx.theme.colours.muted,
            bar_left, ticks_top, bar_width / 2);
  draw_text(page, ctx.text, ends[1], kAxisFont, ctx.theme.colours.muted,
            bar_left + bar_width / 2, ticks_top, bar_width / 2, Align::Right);
  // The value, and the target under it.
  const std::string value =
      finite(b.value)
          ? data_label(*b.value, b.unit, kValueFont, kValueWidth, ctx)
          : locale::format_value(std::nullopt, b.unit, ctx.locale);
  const double value_left = left + width - kValueWidth;
  const double value_line = ctx.text.measure("Ag", kValueFont).height;
  draw_text(page, ctx.text, value, kValueFont, status_color(b.status, ctx),
            value_left, middle - value_line / 2, kValueWidth, Align::Right);
  if (finite(b.target)) {
    const std::string target =
        ctx.text.fit(std::string(ctx.words.target) + ctx.words.colon +
                         locale::format_value(b.target, b.unit, ctx.locale),
                     kAxisFont, kValueWidth);
    draw_text(page, ctx.text, target, kAxisFont, ctx.theme.colours.muted,
              value_left, ticks_top, kValueWidth, Align::Right);
  }
}

// What the ticks are: the target, and the comparison period's value when
// a bullet shows it.
std::vector<LegendEntry> legend_of(const BulletChart& chart,
                                   const RenderContext& ctx) {
  std::vector<LegendEntry> legend;
  const auto any = [&](std::optional<double> Bullet::*field) {
    return std::any_of(chart.bullets.begin(), chart.bullets.end(),
                       [&](const Bullet& b) { return finite(b.*field); });
  };
  if (any(&Bullet::target))
    legend.push_back(
        {ctx.words.target, ctx.theme.colours.target, 0, false, false});
  if (any(&Bullet::previous))
    legend.push_back(
        {ctx.words.previous, ctx.theme.colours.muted, 0, false, false});
  return legend;
}

}  // namespace

double bullet_chart_min_height(const BulletChart& chart,
                               const RenderContext& ctx) {
  return chart_heading_height(ctx, chart.title, legend_of(chart, ctx),
                              ctx.theme.page.content_width()) +
         theme::kBulletHeight;
}

// The heading with the first line; then each line whole on a page.
void place_bullet_chart(const BulletChart& chart, Flow& flow,
                        const RenderContext& ctx) {
  flow.ensure(bullet_chart_min_height(chart, ctx));
  flow.advance(draw_chart_heading(flow.page(), ctx, chart.title,
                                  legend_of(chart, ctx), flow.left(), flow.y(),
                                  flow.width()));
  if (chart.bullets.empty()) {
    draw_no_data(flow.page(), ctx, flow.left(), flow.y(), flow.width(),
                 theme::kBulletHeight);
    flow.advance(theme::kBulletHeight);
  }
  for (const Bullet& bullet : chart.bullets) {
    flow.ensure(theme::kBulletHeight);
    place_bullet(bullet, flow.page(), ctx, flow.left(), flow.y(), flow.width());
    flow.advance(theme::kBulletHeight);
  }
  flow.advance(theme::kBlockGap);
}

}  // namespace vigie::render
