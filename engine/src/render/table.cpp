// A table split across pages by rows: its title (with "(suite)" after the
// first page) and its header repeated on each page it spans, zebra rows,
// numeric columns right-aligned, cells set off by their status colour or
// an in-cell bar (CellStyle). Its columns are sized once, by
// layout_table, for every page.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "render/blocks.hpp"
#include "render/chart_frame.hpp"
#include "render/draw_text.hpp"
#include "render/table_layout.hpp"

namespace vigie::render {

namespace {

// Layout widths are sums of Pango units: a cell given its exact width
// must not be cut by the rounding of those sums.
constexpr double kFitTolerance = 0.01;

Align column_align(const TableBlock& table, size_t column) {
  return is_numeric_column(table, column) ? Align::Right : Align::Left;
}

Color status_color(Status status) {
  switch (status) {
    case Status::Ok:
      return theme::kGood;
    case Status::Warning:
      return theme::kWarning;
    case Status::Alert:
      return theme::kBad;
    case Status::None:
      break;
  }
  return theme::kWhite;
}

// A cell's status as a tint of its colour behind it, and its bar: from the
// cell's left, as long as its share of the column's largest figure, light
// blue (light red for a negative figure), under the text.
void draw_cell_style(Page& page, const CellStyle& style, double x, double top,
                     double width, double height) {
  if (style.status != Status::None) {
    page.fill_rect(x, top, width, height,
                   lighten(status_color(style.status), theme::kStatusTint));
    page.fill_rect(x, top, 2, height, status_color(style.status));
  }
  if (style.bar && std::isfinite(*style.bar) && *style.bar != 0) {
    const double inner = width - 2 * theme::kTableCellPadding;
    const double length = std::min(std::fabs(*style.bar), 1.0) * inner;
    page.fill_rect(x + theme::kTableCellPadding, top + 3, length, height - 6,
                   *style.bar > 0
                       ? theme::kPrimaryLight
                       : lighten(theme::kBad, theme::kNegativeBarTint));
  }
}

void draw_row(Page& page, const RenderContext& ctx, const TableBlock& table,
              const TableLayout& layout, const std::vector<std::string>& cells,
              const std::vector<CellStyle>* styles, double x, double top) {
  const Font font = layout.cell_font;
  if (styles != nullptr) {
    double cell_x = x;
    for (size_t c = 0; c < layout.widths.size() && c < styles->size(); ++c) {
      draw_cell_style(page, (*styles)[c], cell_x, top, layout.widths[c],
                      layout.row_height);
      cell_x += layout.widths[c];
    }
  }
  for (size_t c = 0; c < layout.widths.size(); ++c) {
    const double inner = layout.widths[c] - 2 * theme::kTableCellPadding;
    if (c < cells.size() && inner > 0) {
      const std::string text =
          ctx.text.fit(cells[c], font, inner + kFitTolerance);
      const double text_height = ctx.text.measure(text, font).height;
      draw_text(page, ctx.text, text, font, theme::kInk,
                x + theme::kTableCellPadding,
                top + (layout.row_height - text_height) / 2, inner,
                column_align(table, c));
    }
    x += layout.widths[c];
  }
}

// Each column's header lines sit at the bottom of the header band, so
// that the last lines of all the headers share a baseline.
void draw_header(Page& page, const RenderContext& ctx, const TableBlock& table,
                 const TableLayout& layout, double x, double top) {
  const double width =
      std::accumulate(layout.widths.begin(), layout.widths.end(), 0.0);
  page.fill_rect(x, top, width, layout.header_height, theme::kPrimary);
  const Font font = layout.header_font;
  const double line_height = ctx.text.measure("Ag", font).height;
  size_t most_lines = 1;
  for (const auto& lines : layout.header_lines) {
    most_lines = std::max(most_lines, lines.size());
  }
  // The band's space around the text, split evenly above and below.
  const double margin =
      (layout.header_height - static_cast<double>(most_lines) * line_height) /
      2;
  const double bottom = top + layout.header_height - margin;
  for (size_t c = 0; c < layout.widths.size(); ++c) {
    const auto& lines = layout.header_lines[c];
    const double inner = layout.widths[c] - 2 * theme::kTableCellPadding;
    double line_top = bottom - static_cast<double>(lines.size()) * line_height;
    for (const std::string& line : lines) {
      draw_text(page, ctx.text, line, font, theme::kWhite,
                x + theme::kTableCellPadding, line_top, inner,
                column_align(table, c));
      line_top += line_height;
    }
    x += layout.widths[c];
  }
}

// Title and header at the top of the flow, which it advances.
void start_part(const TableBlock& table, const TableLayout& layout, Flow& flow,
                const RenderContext& ctx, bool continued) {
  Page& page = flow.page();
  std::string title = table.title;
  if (continued) title += std::string(" ") + ctx.words.continued;
  draw_block_title(page, ctx, title, flow.left(), flow.y());
  flow.advance(theme::kBlockTitleHeight);
  draw_header(page, ctx, table, layout, flow.left(), flow.y());
  flow.advance(layout.header_height);
}

double part_min_height(const TableLayout& layout) {
  return theme::kBlockTitleHeight + layout.header_height + layout.row_height;
}

}  // namespace

double table_min_height(const TableBlock& table, const RenderContext& ctx) {
  return part_min_height(layout_table(table, theme::kContentWidth, ctx.text));
}

void place_table(const TableBlock& table, Flow& flow,
                 const RenderContext& ctx) {
  const TableLayout layout = layout_table(table, flow.width(), ctx.text);
  flow.ensure(part_min_height(layout));
  start_part(table, layout, flow, ctx, false);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (layout.row_height > flow.remaining()) {
      flow.new_page();
      start_part(table, layout, flow, ctx, true);
    }
    Page& page = flow.page();
    if (r % 2 == 1) {
      page.fill_rect(flow.left(), flow.y(), flow.width(), layout.row_height,
                     theme::kZebra);
    }
    draw_row(page, ctx, table, layout, table.rows[r],
             r < table.styles.size() ? &table.styles[r] : nullptr, flow.left(),
             flow.y());
    flow.advance(layout.row_height);
  }
  Page& page = flow.page();
  page.line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(),
            theme::kRule, 0.75);
  flow.advance(theme::kBlockGap);
}

}  // namespace vigie::render
