#include "render/chart_axes.hpp"

#include <algorithm>
#include <cmath>

#include "locale/number_format.hpp"
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
              tick == 0 ? theme::kMuted : theme::kGrid, tick == 0 ? 0.8 : 0.6);
    const std::string& label = labels[i];
    const TextExtent extent = ctx.text.measure(label, kAxisFont);
    page.text(plot.left - kAxisLabelGap - extent.width,
              y - extent.height / 2 + extent.baseline, label, kAxisFont,
              theme::kMuted, extent.width);
  }
}

size_t label_stride(size_t count, double label_width, double width) {
  if (count == 0 || width <= 0) return 1;
  const double slot = width / static_cast<double>(count);
  return static_cast<size_t>(std::max(1.0, std::ceil(label_width / slot)));
}

void draw_category_labels(Page& page, const std::vector<std::string>& labels,
                          const PlotArea& plot, double top,
                          const RenderContext& ctx) {
  if (labels.empty()) return;
  double widest = 0;
  for (const std::string& label : labels) {
    widest = std::max(widest, ctx.text.width(label, kAxisFont));
  }
  const double gap = 6;
  const double slot = plot.width / static_cast<double>(labels.size());
  const size_t stride = label_stride(labels.size(), widest + gap, plot.width);
  // A label may spread over the slots of the labels left out around it.
  const double room =
      std::min(slot * static_cast<double>(stride), plot.width) - gap;
  for (size_t i = 0; i < labels.size(); ++i) {
    if ((labels.size() - 1 - i) % stride != 0 || labels[i].empty()) continue;
    const std::string text = ctx.text.fit(labels[i], kAxisFont, room);
    const double width = ctx.text.width(text, kAxisFont);
    const double x = std::clamp(plot.slot_center(i, labels.size()) - width / 2,
                                plot.left, plot.right() - width);
    draw_text(page, ctx.text, text, kAxisFont, theme::kMuted, x, top, width);
  }
}

}  // namespace vigie::render
