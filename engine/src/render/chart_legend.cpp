#include "render/chart_legend.hpp"

namespace vigie::render {

namespace {
constexpr Font kLegendFont{7.5, false};
constexpr double kSampleWidth = 18;
constexpr double kSampleGap = 4;  // between the sample and its label
constexpr double kEntryGap = 14;  // between two entries
}  // namespace

void draw_legend(Page& page, const std::vector<LegendEntry>& entries,
                 double right, double middle, const RenderContext& ctx) {
  double total = 0;
  for (const LegendEntry& entry : entries) {
    total +=
        kSampleWidth + kSampleGap + ctx.text.width(entry.label, kLegendFont);
  }
  if (!entries.empty()) {
    total += kEntryGap * static_cast<double>(entries.size() - 1);
  }
  double x = right - total;
  for (const LegendEntry& entry : entries) {
    page.line(x, middle, x + kSampleWidth, middle, entry.color, 1.5,
              entry.dash);
    if (entry.point) {
      page.circle(x + kSampleWidth / 2, middle, 2.4);
      page.fill(entry.color);
    }
    x += kSampleWidth + kSampleGap;
    const TextExtent extent = ctx.text.measure(entry.label, kLegendFont);
    page.text(x, middle - extent.height / 2 + extent.baseline, entry.label,
              kLegendFont, theme::kInk, extent.width);
    x += extent.width + kEntryGap;
  }
}

}  // namespace vigie::render
