// Each kind of block lays itself out in the flow. `*_min_height` is the
// smallest part of a block that must share a page with the section title
// above it (the whole block, except for a table: its title, header and
// first row).
#pragma once

#include <string>
#include <vector>

#include "render/document.hpp"
#include "render/flow.hpp"

namespace vigie::render {

// `section_pages[i]` is the page number section i starts on.
void draw_cover(const Document& doc, const std::vector<size_t>& section_pages,
                Page& page, const RenderContext& ctx);

double tile_row_min_height(const TileRow& row, const RenderContext& ctx);
void place_tile_row(const TileRow& row, Flow& flow, const RenderContext& ctx);

double line_chart_height(const LineChart& chart);
void place_line_chart(const LineChart& chart, Flow& flow,
                      const RenderContext& ctx);

double bar_chart_height(const BarChart& chart, const RenderContext& ctx);
void place_bar_chart(const BarChart& chart, Flow& flow,
                     const RenderContext& ctx);

double stacked_bar_chart_height(const StackedBarChart& chart,
                                const RenderContext& ctx);
void place_stacked_bar_chart(const StackedBarChart& chart, Flow& flow,
                             const RenderContext& ctx);

double donut_chart_height(const DonutChart& chart, const RenderContext& ctx);
void place_donut_chart(const DonutChart& chart, Flow& flow,
                       const RenderContext& ctx);

double funnel_chart_height(const FunnelChart& chart, const RenderContext& ctx);
void place_funnel_chart(const FunnelChart& chart, Flow& flow,
                        const RenderContext& ctx);

double heatmap_height(const Heatmap& map, const RenderContext& ctx);
void place_heatmap(const Heatmap& map, Flow& flow, const RenderContext& ctx);

double waterfall_chart_height(const WaterfallChart& chart,
                              const RenderContext& ctx);
void place_waterfall_chart(const WaterfallChart& chart, Flow& flow,
                           const RenderContext& ctx);

// Its heading and first line; each line is then kept whole on a page.
double bullet_chart_min_height(const BulletChart& chart,
                               const RenderContext& ctx);
void place_bullet_chart(const BulletChart& chart, Flow& flow,
                        const RenderContext& ctx);

// Its heading and first row of panels; each row is kept whole on a page.
double small_multiples_min_height(const SmallMultiples& chart,
                                  const RenderContext& ctx);
void place_small_multiples(const SmallMultiples& chart, Flow& flow,
                           const RenderContext& ctx);

double table_min_height(const TableBlock& table, const RenderContext& ctx);
void place_table(const TableBlock& table, Flow& flow, const RenderContext& ctx);

double note_height(const Note& note, const RenderContext& ctx);
void place_note(const Note& note, Flow& flow, const RenderContext& ctx);

// Any block: the smallest part of it that must share a page with what is
// above it, and its placing in the flow, which it advances past the block
// and the gap after it.
double block_min_height(const Block& block, const RenderContext& ctx);
void place_block(const Block& block, Flow& flow, const RenderContext& ctx);

// A chart's or table's title line, kBlockTitleHeight high.
void draw_block_title(Page& page, const RenderContext& ctx,
                      const std::string& title, double x, double y);

// The element of the document's structure (cmd::BeginTag) a block is,
// open around it while place_block places it: "Figure" (a chart),
// "Table", "P" (a note), "Div" (a row of tiles).
const char* structure_type(const Block& block);

// What `draw` draws, a block's title, as a heading of its own (H2): the
// block's element, open around it, is closed before it and opened again
// after, so that the heading stands before the Figure or Table rather
// than in it (a reader takes a Figure as one picture, and a Table's
// children are its rows).
template <typename Draw>
void tag_block_title(Page& page, Draw&& draw) {
  std::string block;
  if (!page.open_tags().empty()) {
    block = page.open_tags().back();
    page.end_tag();
  }
  page.begin_tag("H2");
  draw();
  page.end_tag();
  if (!block.empty()) page.begin_tag(std::move(block));
}

}  // namespace vigie::render
