#include "render/chart_axes.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "locale/number_format.hpp"
#include "render/chart_frame.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

double value_axis_width(const Scale& scale, const std::string& unit,
                        const RenderContext& ctx) {
  double widest = 0;
  for (const std::string& label :
       locale::format_axis_ticks(scale.ticks, unit, ctx.locale)) {
    widest = std::max(widest, ctx.text.width(label, kAxisFont));
  }
  return widest;
}

void draw_value_axis(Page& page, const Scale& scale, const PlotArea& plot,
                     const std::string& unit, const RenderContext& ctx) {
  const std::vector<std::string> labels =
      locale::format_axis_ticks(scale.ticks, unit, ctx.locale);
  for (size_t i = 0; i < scale.ticks.size(); ++i) {
    const double tick = scale.ticks[i];
    const double y = plot.y_of(scale, tick);
    page.line(plot.left, y, plot.right(), y,
              tick == 0 ? ctx.theme.colours.muted : ctx.theme.colours.grid,
              tick == 0 ? 0.8 : 0.6);
    const std::string& label = labels[i];
    const TextExtent extent = ctx.text.measure(label, kAxisFont);
    page.text(plot.left - kAxisLabelGap - extent.width,
              y - extent.height / 2 + extent.baseline, label, kAxisFont,
              ctx.theme.colours.muted, extent.width);
  }
}

size_t label_stride(size_t count, double label_width, double width) {
  if (count == 0 || width <= 0) return 1;
  const double slot = width / static_cast<double>(count);
  return static_cast<size_t>(std::max(1.0, std::ceil(label_width / slot)));
}

namespace {

// A cut label shorter than this would not be read: rather fewer labels.
constexpr double kMinLabelRoom = 32;
constexpr double kLabelGap = 6;

struct PlacedLabel {
  std::vector<std::string> lines;
  double x, width;
};

// The labels shown with every `stride`-th one, or nothing when they would
// collide, be cut at all or broken unevenly (`whole`), or be cut too
// short.
std::optional<std::vector<PlacedLabel>> place_labels(
    const std::vector<std::string>& labels, const PlotArea& plot, size_t stride,
    const RenderContext& ctx, double min_x, double max_x, bool whole) {
  const size_t n = labels.size();
  const double slot = plot.width / static_cast<double>(n);
  const double room =
      std::min(slot * static_cast<double>(stride), max_x - min_x) - kLabelGap;
  if (room <= 0) return std::nullopt;
  std::vector<PlacedLabel> placed;
  bool cut = false;
  for (size_t i = 0; i < n; ++i) {
    if ((n - 1 - i) % stride != 0 || labels[i].empty()) continue;
    PlacedLabel p;
    p.lines = fit_lines(ctx.text, labels[i], kAxisFont, room, 2);
    std::string joined;
    p.width = 0;
    for (const std::string& line : p.lines) {
      joined += (joined.empty() ? "" : " ") + line;
      p.width = std::max(p.width, ctx.text.width(line, kAxisFont));
    }
    cut |= joined != labels[i];
    p.x = std::clamp(plot.slot_center(i, n) - p.width / 2, min_x,
                     max_x - p.width);
    if (!placed.empty() &&
        p.x < placed.back().x + placed.back().width + kLabelGap / 2)
      return std::nullopt;
    placed.push_back(std::move(p));
  }
  if (cut && (whole || room < kMinLabelRoom)) return std::nullopt;
  // Periods read as a row: "mars" over "26" among whole "févr. 26" and
  // "avr. 26" reads as a mistake. Thinned labels are all on one line or all
  // broken, else fewer of them.
  if (whole &&
      std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
        return p.lines.size() != placed.front().lines.size();
      }))
    return std::nullopt;
  return placed;
}

}  // namespace

void draw_category_labels(Page& page, const std::vector<std::string>& labels,
                          const PlotArea& plot, double top,
                          const RenderContext& ctx, double min_x, double max_x,
                          CrowdedLabels crowded) {
  if (labels.empty() || plot.width <= 0) return;
  std::optional<std::vector<PlacedLabel>> placed;
  // Thinned labels stay whole while some stride allows it; else, and for
  // bars, they may be cut.
  for (const bool whole : {crowded == CrowdedLabels::Thin, false}) {
    for (size_t stride = 1; stride <= labels.size() && !placed; ++stride) {
      placed = place_labels(labels, plot, stride, ctx, min_x, max_x, whole);
    }
    if (placed) break;
  }
  if (!placed) return;
  const double line = ctx.text.measure("Ag", kAxisFont).height;
  for (const PlacedLabel& p : *placed) {
    double y = top;
    for (const std::string& text : p.lines) {
      // Each line centred under the slot as the block is.
      const double w = ctx.text.width(text, kAxisFont);
      draw_text(page, ctx.text, text, kAxisFont, ctx.theme.colours.muted,
                p.x + (p.width - w) / 2, y, w);
      y += line;
    }
  }
}

}  // namespace vigie::render
