#include "render/layout.hpp"

#include <fmt/format.h>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"
#include "render/flow.hpp"
#include "render/page_bands.hpp"
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
  page.begin_tag("H1");
  const double height =
      draw_text(page, ctx.text, title, font, ctx.theme.colours.primary,
                flow.left(), flow.y(), flow.width());
  page.end_tag();
  const double rule_y = flow.y() + height + 4;
  page.line(flow.left(), rule_y, flow.left() + flow.width(), rule_y,
            ctx.theme.colours.primary, 1.2);
  flow.advance(theme::kSectionTitleHeight);
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
  // Opened on the page the block starts on; the flow carries it over to
  // each page the block goes on to (Flow::new_page).
  flow.page().begin_tag(structure_type(block));
  std::visit(visitor, block);
  flow.page().end_tag();
}

const char* structure_type(const Block& block) {
  if (std::holds_alternative<TableBlock>(block)) return "Table";
  if (std::holds_alternative<Note>(block)) return "P";
  if (std::holds_alternative<TileRow>(block)) return "Div";
  return "Figure";
}

void draw_block_title(Page& page, const RenderContext& ctx,
                      const std::string& title, double x, double y) {
  const Font font{theme::kBlockTitleSize, true};
  tag_block_title(page, [&] {
    draw_text(page, ctx.text,
              ctx.text.fit(title, font, ctx.theme.page.content_width()), font,
              ctx.theme.colours.ink, x, y, ctx.theme.page.content_width());
  });
}

std::vector<Page> layout_document(const Document& doc,
                                  const TextMeasurer& measurer) {
  const Wording words = wording_for(doc.locale);
  const RenderContext ctx{doc.theme, measurer, doc.locale, words};
  std::vector<Page> pages;
  Flow flow(pages, doc.theme.page);
  // The sections follow one another after the cover, each kept whole with
  // the start of its first block, or on a page of its own where the spec
  // or the template says so.
  const bool cover = doc.theme.cover;
  if (cover && !doc.sections.empty()) flow.new_page();
  std::vector<size_t> section_pages;
  for (const Section& section : doc.sections) {
    if (!flow.at_page_top()) {
      if (section.new_page || doc.theme.sections_new_page)
        flow.new_page();
      else
        flow.advance(theme::kBlockGap);
    }
    place_section_title(section, flow, ctx);
    section_pages.push_back(pages.size());
    for (const Block& block : section.blocks) place_block(block, flow, ctx);
  }
  // The cover lists the sections with their pages, known only now.
  if (cover) draw_cover(doc, section_pages, pages.front(), ctx);
  for (size_t i = 0; i < pages.size(); ++i) {
    draw_page_bands(pages[i], doc, ctx, i + 1, pages.size(), cover && i == 0);
  }
  return pages;
}

}  // namespace vigie::render
