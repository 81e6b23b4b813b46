// A table split across pages by rows: its title (with "(suite)" after the
// first page) and its header repeated on each page it spans, zebra rows,
// numeric columns right-aligned.
#include <algorithm>
#include <numeric>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr Font kHeaderFont{theme::kTableSize, true};
constexpr Font kCellFont{theme::kTableSize, false};
// Numeric columns keep their natural width as long as they leave this
// share of the line to the text columns, which are cut first.
constexpr double kTextColumnsShare = 0.4;

size_t column_count(const TableBlock& table) {
  size_t n = table.header.size();
  for (const auto& row : table.rows) n = std::max(n, row.size());
  return n;
}

bool is_numeric(const TableBlock& table, size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

// Each column as wide as its widest cell; when the line is too short, the
// text columns shrink first, then all of them, in proportion.
std::vector<double> column_widths(const TableBlock& table, double available,
                                  const RenderContext& ctx) {
  const size_t n = column_count(table);
  const double padding = 2 * theme::kTableCellPadding;
  std::vector<double> widths(n, padding);
  for (size_t c = 0; c < table.header.size(); ++c) {
    widths[c] = std::max(
        widths[c], ctx.text.width(table.header[c], kHeaderFont) + padding);
  }
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      widths[c] =
          std::max(widths[c], ctx.text.width(row[c], kCellFont) + padding);
    }
  }
  const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  if (total <= available) {
    // Spread the spare width evenly: the table spans the content width.
    for (double& w : widths) w += (available - total) / static_cast<double>(n);
    return widths;
  }
  double numeric = 0;
  for (size_t c = 0; c < n; ++c) {
    if (is_numeric(table, c)) numeric += widths[c];
  }
  const double text = total - numeric;
  if (text > 0 && numeric <= available * (1 - kTextColumnsShare)) {
    const double factor = (available - numeric) / text;
    for (size_t c = 0; c < n; ++c) {
      if (!is_numeric(table, c)) widths[c] *= factor;
    }
  } else {
    for (double& w : widths) w *= available / total;
  }
  return widths;
}

void draw_row(Page& page, const RenderContext& ctx, const TableBlock& table,
              const std::vector<std::string>& cells,
              const std::vector<double>& widths, double x, double top,
              double height, Font font, Color color) {
  for (size_t c = 0; c < widths.size(); ++c) {
    const double inner = widths[c] - 2 * theme::kTableCellPadding;
    if (c < cells.size() && inner > 0) {
      const std::string text = ctx.text.fit(cells[c], font, inner);
      const double text_height = ctx.text.measure(text, font).height;
      draw_text(page, ctx.text, text, font, color, x + theme::kTableCellPadding,
                top + (height - text_height) / 2, inner,
                is_numeric(table, c) ? Align::Right : Align::Left);
    }
    x += widths[c];
  }
}

// Title and header at the top of the flow; returns nothing, advances it.
void start_part(const TableBlock& table, Flow& flow, const RenderContext& ctx,
                const std::vector<double>& widths, bool continued) {
  Page& page = flow.page();
  std::string title = table.title;
  if (continued) title += std::string(" ") + ctx.words.continued;
  draw_block_title(page, ctx, title, flow.left(), flow.y());
  flow.advance(theme::kBlockTitleHeight);
  page.fill_rect(flow.left(), flow.y(), flow.width(), theme::kTableHeaderHeight,
                 theme::kPrimary);
  draw_row(page, ctx, table, table.header, widths, flow.left(), flow.y(),
           theme::kTableHeaderHeight, kHeaderFont, theme::kWhite);
  flow.advance(theme::kTableHeaderHeight);
}

}  // namespace

double table_min_height(const TableBlock&) {
  return theme::kBlockTitleHeight + theme::kTableHeaderHeight +
         theme::kTableRowHeight;
}

void place_table(const TableBlock& table, Flow& flow,
                 const RenderContext& ctx) {
  const std::vector<double> widths = column_widths(table, flow.width(), ctx);
  flow.ensure(table_min_height(table));
  start_part(table, flow, ctx, widths, false);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (theme::kTableRowHeight > flow.remaining()) {
      flow.new_page();
      start_part(table, flow, ctx, widths, true);
    }
    Page& page = flow.page();
    if (r % 2 == 1) {
      page.fill_rect(flow.left(), flow.y(), flow.width(),
                     theme::kTableRowHeight, theme::kZebra);
    }
    draw_row(page, ctx, table, table.rows[r], widths, flow.left(), flow.y(),
             theme::kTableRowHeight, kCellFont, theme::kInk);
    flow.advance(theme::kTableRowHeight);
  }
  Page& page = flow.page();
  page.line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(),
            theme::kRule, 0.75);
  flow.advance(theme::kBlockGap);
}

}  // namespace vigie::render
