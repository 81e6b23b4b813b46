#include "render/chart_legend.hpp"

#include <algorithm>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {
constexpr Font kLegendFont{7.5, false};
constexpr double kSampleWidth = 18;
constexpr double kSampleGap = 4;  // between the sample and its label
constexpr double kEntryGap = 14;  // between two entries
constexpr double kTitleGap = 16;  // between the title and a legend beside it
constexpr double kLegendLineHeight = 12;
constexpr double kBesideTitle = 7;  // the samples' y under the title's top
constexpr Font kTitleFont{theme::kBlockTitleSize, true};

struct PlacedEntry {
  const LegendEntry* entry;
  std::string label;  // fitted
  double x, middle;
  double label_width;
};

struct LegendLayout {
  std::vector<PlacedEntry> entries;
  double extra_height = 0;  // under the title line
};

double entry_width(const std::string& label, const RenderContext& ctx) {
  return kSampleWidth + kSampleGap + ctx.text.width(label, kLegendFont);
}

LegendLayout lay_out(const RenderContext& ctx, const std::string& title,
                     const std::vector<LegendEntry>& entries, double left,
                     double top, double width) {
  LegendLayout layout;
  if (entries.empty()) return layout;
  std::vector<std::string> labels;
  double total = 0;
  for (const LegendEntry& e : entries) {
    labels.push_back(
        ctx.text.fit(e.label, kLegendFont, width - kSampleWidth - kSampleGap));
    total += entry_width(labels.back(), ctx);
  }
  total += kEntryGap * static_cast<double>(entries.size() - 1);
  const double title_width =
      title.empty()
          ? 0
          : ctx.text.width(ctx.text.fit(title, kTitleFont, width), kTitleFont) +
                kTitleGap;
  if (title_width + total <= width) {
    double x = left + width - total;
    for (size_t i = 0; i < entries.size(); ++i) {
      const double w = entry_width(labels[i], ctx);
      layout.entries.push_back(
          {&entries[i], labels[i], x, top + kBesideTitle, w});
      x += w + kEntryGap;
    }
    return layout;
  }
  // Lines of their own, from the left, an entry never split.
  double x = left;
  double middle = top + theme::kBlockTitleHeight + kLegendLineHeight / 2 - 4;
  size_t lines = 1;
  for (size_t i = 0; i < entries.size(); ++i) {
    const double w = entry_width(labels[i], ctx);
    if (x > left && x + w > left + width) {
      x = left;
      middle += kLegendLineHeight;
      ++lines;
    }
    layout.entries.push_back({&entries[i], labels[i], x, middle, w});
    x += w + kEntryGap;
  }
  layout.extra_height = static_cast<double>(lines) * kLegendLineHeight;
  return layout;
}

}  // namespace

double chart_heading_height(const RenderContext& ctx, const std::string& title,
                            const std::vector<LegendEntry>& entries,
                            double width) {
  return theme::kBlockTitleHeight +
         lay_out(ctx, title, entries, 0, 0, width).extra_height;
}

double draw_chart_heading(Page& page, const RenderContext& ctx,
                          const std::string& title,
                          const std::vector<LegendEntry>& entries, double left,
                          double top, double width) {
  tag_block_title(page, [&] {
    draw_text(page, ctx.text, ctx.text.fit(title, kTitleFont, width),
              kTitleFont, ctx.theme.colours.ink, left, top, width);
  });
  const LegendLayout layout = lay_out(ctx, title, entries, left, top, width);
  for (const PlacedEntry& placed : layout.entries) {
    const LegendEntry& entry = *placed.entry;
    const double x = placed.x;
    if (entry.swatch) {
      page.fill_rect(x + kSampleWidth / 2 - 4, placed.middle - 4, 8, 8,
                     entry.color);
    } else {
      page.line(x, placed.middle, x + kSampleWidth, placed.middle, entry.color,
                1.5, entry.dash);
    }
    if (entry.point) {
      page.circle(x + kSampleWidth / 2, placed.middle, 2.4);
      page.fill(entry.color);
    }
    const TextExtent extent = ctx.text.measure(placed.label, kLegendFont);
    page.text(x + kSampleWidth + kSampleGap,
              placed.middle - extent.height / 2 + extent.baseline, placed.label,
              kLegendFont, ctx.theme.colours.ink, extent.width);
  }
  return theme::kBlockTitleHeight + layout.extra_height;
}

}  // namespace vigie::render
