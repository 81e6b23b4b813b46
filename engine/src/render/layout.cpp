#include "render/layout.hpp"

#include <fmt/format.h>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"
#include "render/flow.hpp"
#include "render/theme.hpp"

namespace vigie::render {

namespace {

void place_section_title(const Section& section, Flow& flow,
                         const RenderContext& ctx) {
  // Kept with the start of its first block: a title alone at the foot of
  // a page reads as a mistake.
  const double first = section.blocks.empty()
                           ? 0
                           : block_min_height(section.blocks.front(), ctx);
  flow.ensure(theme::kSectionTitleHeight + first);
  Page& page = flow.page();
  page.heading(section.title, flow.y(), 1);
  const Font font{theme::kSectionTitleSize, true};
  const std::string title = ctx.text.fit(section.title, font, flow.width());
  const double height = draw_text(page, ctx.text, title, font, theme::kPrimary,
                                  flow.left(), flow.y(), flow.width());
  const double rule_y = flow.y() + height + 4;
  page.line(flow.left(), rule_y, flow.left() + flow.width(), rule_y,
            theme::kPrimary, 1.2);
  flow.advance(theme::kSectionTitleHeight);
}

void draw_footer(Page& page, const RenderContext& ctx, const std::string& title,
                 size_t number, size_t count) {
  const double rule_y = theme::kFooterBaseline - 14;
  page.line(theme::kMarginLeft, rule_y,
            theme::kMarginLeft + theme::kContentWidth, rule_y, theme::kRule,
            0.5);
  const Font font{theme::kFooterSize, false};
  const std::string pages =
      fmt::format(" — {} {} / {}", ctx.words.page, number, count);
  const std::string text =
      ctx.text.fit(title, font,
                   theme::kContentWidth - ctx.text.width(pages, font)) +
      pages;
  const double width = ctx.text.width(text, font);
  page.text(theme::kMarginLeft + theme::kContentWidth - width,
            theme::kFooterBaseline, text, font, theme::kMuted, width);
}

}  // namespace

double block_min_height(const Block& block, const RenderContext& ctx) {
  struct {
    const RenderContext& ctx;
    double operator()(const TileRow& b) const {
      return tile_row_min_height(b, ctx);
    }
    double operator()(const LineChart& b) const { return line_chart_height(b); }
    double operator()(const BarChart& b) const {
      return bar_chart_height(b, ctx);
    }
    double operator()(const StackedBarChart& b) const {
      return stacked_bar_chart_height(b, ctx);
    }
    double operator()(const DonutChart& b) const {
      return donut_chart_height(b, ctx);
    }
    double operator()(const FunnelChart& b) const {
      return funnel_chart_height(b, ctx);
    }
    double operator()(const Heatmap& b) const { return heatmap_height(b, ctx); }
    double operator()(const WaterfallChart& b) const {
      return waterfall_chart_height(b, ctx);
    }
    double operator()(const BulletChart& b) const {
      return bullet_chart_min_height(b, ctx);
    }
    double operator()(const SmallMultiples& b) const {
      return small_multiples_min_height(b, ctx);
    }
    double operator()(const TableBlock& b) const {
      return table_min_height(b, ctx);
    }
    double operator()(const Note& b) const { return note_height(b, ctx); }
  } visitor{ctx};
  return std::visit(visitor, block);
}

void place_block(const Block& block, Flow& flow, const RenderContext& ctx) {
  struct {
    Flow& flow;
    const RenderContext& ctx;
    void operator()(const TileRow& b) const { place_tile_row(b, flow, ctx); }
    void operator()(const LineChart& b) const {
      place_line_chart(b, flow, ctx);
    }
    void operator()(const BarChart& b) const { place_bar_chart(b, flow, ctx); }
    void operator()(const StackedBarChart& b) const {
      place_stacked_bar_chart(b, flow, ctx);
    }
    void operator()(const DonutChart& b) const {
      place_donut_chart(b, flow, ctx);
    }
    void operator()(const FunnelChart& b) const {
      place_funnel_chart(b, flow, ctx);
    }
    void operator()(const Heatmap& b) const { place_heatmap(b, flow, ctx); }
    void operator()(const WaterfallChart& b) const {
      place_waterfall_chart(b, flow, ctx);
    }
    void operator()(const BulletChart& b) const {
      place_bullet_chart(b, flow, ctx);
    }
    void operator()(const SmallMultiples& b) const {
      place_small_multiples(b, flow, ctx);
    }
    void operator()(const TableBlock& b) const { place_table(b, flow, ctx); }
    void operator()(const Note& b) const { place_note(b, flow, ctx); }
  } visitor{flow, ctx};
  std::visit(visitor, block);
}

void draw_block_title(Page& page, const RenderContext& ctx,
                      const std::string& title, double x, double y) {
  const Font font{theme::kBlockTitleSize, true};
  draw_text(page, ctx.text, ctx.text.fit(title, font, theme::kContentWidth),
            font, theme::kInk, x, y, theme::kContentWidth);
}

std::vector<Page> layout_document(const Document& doc,
                                  const TextMeasurer& measurer) {
  const Wording words = wording_for(doc.locale);
  const RenderContext ctx{measurer, doc.locale, words};
  std::vector<Page> pages;
  Flow flow(pages);
  // The sections follow one another from page 2, each kept whole with
  // the start of its first block.
  if (!doc.sections.empty()) flow.new_page();
  std::vector<size_t> section_pages;
  for (const Section& section : doc.sections) {
    if (!flow.at_page_top()) flow.advance(theme::kBlockGap);
    place_section_title(section, flow, ctx);
    section_pages.push_back(pages.size());
    for (const Block& block : section.blocks) place_block(block, flow, ctx);
  }
  // The cover lists the sections with their pages, known only now.
  draw_cover(doc, section_pages, pages.front(), ctx);
  for (size_t i = 0; i < pages.size(); ++i) {
    draw_footer(pages[i], ctx, doc.title, i + 1, pages.size());
  }
  return pages;
}

}  // namespace vigie::render
