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

double table_min_height(const TableBlock& table, const RenderContext& ctx);
void place_table(const TableBlock& table, Flow& flow, const RenderContext& ctx);

double note_height(const Note& note, const RenderContext& ctx);
void place_note(const Note& note, Flow& flow, const RenderContext& ctx);

// A chart's or table's title line, kBlockTitleHeight high.
void draw_block_title(Page& page, const RenderContext& ctx,
                      const std::string& title, double x, double y);

}  // namespace vigie::render
