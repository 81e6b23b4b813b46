// A table split across pages by rows: its title (with "(suite)" after the
// first page, and which rows of how many the page holds) and its header
// repeated on each page it spans, zebra rows,
// numeric columns right-aligned, cells set off by their status colour or
// an in-cell bar (CellStyle). Its columns are sized once, by
// layout_table, for every page.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "locale/catalog.hpp"
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

Color status_color(Status status, const RenderContext& ctx) {
  switch (status) {
    case Status::Ok:
      return ctx.theme.colours.good;
    case Status::Warning:
      return ctx.theme.colours.warning;
    case Status::Alert:
      return ctx.theme.colours.bad;
    case Status::None:
      break;
  }
  return theme::kWhite;
}

// A cell's status as a tint of its colour behind it, and its bar: from the
// cell's left, as long as its share of the column's largest figure, light
// blue (light red for a negative figure), under the text.
void draw_cell_style(Page& page, const CellStyle& style, double x, double top,
                     double width, double height, const RenderContext& ctx) {
  if (style.status != Status::None) {
    page.fill_rect(x, top, width, height,
                   lighten(status_color(style.status, ctx),
                           ctx.theme.colours.status_tint));
    page.fill_rect(x, top, 2, height, status_color(style.status, ctx));
  }
  if (style.bar && std::isfinite(*style.bar) && *style.bar != 0) {
    const double inner = width - 2 * theme::kTableCellPadding;
    const double length = std::min(std::fabs(*style.bar), 1.0) * inner;
    page.fill_rect(x + theme::kTableCellPadding, top + 3, length, height - 6,
                   *style.bar > 0
                       ? ctx.theme.colours.primary_light
                       : lighten(ctx.theme.colours.bad,
                                 ctx.theme.colours.negative_bar_tint));
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
                      layout.row_height, ctx);
      cell_x += layout.widths[c];
    }
  }
  for (size_t c = 0; c < layout.widths.size(); ++c) {
    const double inner = layout.widths[c] - 2 * theme::kTableCellPadding;
    if (c < cells.size() && inner > 0) {
      const std::string text =
          ctx.text.fit(cells[c], font, inner + kFitTolerance);
      const double text_height = ctx.text.measure(text, font).height;
      draw_text(page, ctx.text, text, font, ctx.theme.colours.ink,
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
  page.fill_rect(x, top, width, layout.header_height,
                 ctx.theme.colours.primary);
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
// The rows one page of a split table holds, [first, end).
struct Part {
  size_t first, end;
};

// How the rows fall on pages: as many as fit under the title and header
// on what is left of this page, then a page each. Known before drawing,
// so that each part can say which rows it holds.
std::vector<Part> split_rows(const TableLayout& layout, size_t rows,
                             double first_top, const RenderContext& ctx) {
  const double head = theme::kBlockTitleHeight + layout.header_height;
  std::vector<Part> parts{{0, 0}};
  double y = first_top + head;
  for (size_t r = 0; r < rows; ++r) {
    if (layout.row_height > ctx.theme.page.content_bottom() - y &&
        r > parts.back().first) {
      parts.push_back({r, r});
      y = ctx.theme.page.margin_top + head;
    }
    parts.back().end = r + 1;
    y += layout.row_height;
  }
  return parts;
}

// "lignes 41–80 sur 1 234": which rows of the whole a part of a split table
// holds.
std::string rows_of_total(const Part& part, size_t total,
                          const RenderContext& ctx) {
  const locale::Arg args[] = {
      locale::Arg::of_number("first", locale::ArgType::Count,
                             static_cast<double>(part.first + 1)),
      locale::Arg::of_number("last", locale::ArgType::Count,
                             static_cast<double>(part.end)),
      locale::Arg::of_number("total", locale::ArgType::Count,
                             static_cast<double>(total))};
  return locale::message(ctx.locale, "table.rows_of_total", args);
}

// The title (with "(suite)" after the first page), on the right which rows
// this page holds when the table spans pages, then the header.
void start_part(const TableBlock& table, const TableLayout& layout, Flow& flow,
                const RenderContext& ctx, bool continued,
                const std::string& rows) {
  Page& page = flow.page();
  std::string title = table.title;
  if (continued) title += std::string(" ") + ctx.words.continued;
  const Font rows_font{theme::kSmallSize, false};
  double title_width = flow.width();
  if (!rows.empty())
    title_width -= ctx.text.measure(rows, rows_font).width + 12;
  const Font font{theme::kBlockTitleSize, true};
  tag_block_title(page, [&] {
    draw_text(page, ctx.text, ctx.text.fit(title, font, title_width), font,
              ctx.theme.colours.ink, flow.left(), flow.y(), title_width);
  });
  // In the table's element, after its heading.
  if (!rows.empty()) {
    draw_text(page, ctx.text, rows, rows_font, ctx.theme.colours.muted,
              flow.left(), flow.y() + 3, flow.width(), Align::Right);
  }
  flow.advance(theme::kBlockTitleHeight);
  draw_header(page, ctx, table, layout, flow.left(), flow.y());
  flow.advance(layout.header_height);
}

// A table starts on a page only with its title, its header and a few rows
// under them: a header over one row at the foot of a page reads as an
// empty table.
constexpr size_t kFirstRows = 3;

double part_min_height(const TableLayout& layout, size_t rows) {
  return theme::kBlockTitleHeight + layout.header_height +
         static_cast<double>(std::clamp<size_t>(rows, 1, kFirstRows)) *
             layout.row_height;
}

}  // namespace

double table_min_height(const TableBlock& table, const RenderContext& ctx) {
  return part_min_height(
      layout_table(table, ctx.theme.page.content_width(), ctx.text),
      table.rows.size());
}

void place_table(const TableBlock& table, Flow& flow,
                 const RenderContext& ctx) {
  const TableLayout layout = layout_table(table, flow.width(), ctx.text);
  flow.ensure(part_min_height(layout, table.rows.size()));
  const std::vector<Part> parts =
      split_rows(layout, table.rows.size(), flow.y(), ctx);
  for (size_t p = 0; p < parts.size(); ++p) {
    if (p > 0) flow.new_page();
    start_part(table, layout, flow, ctx, p > 0,
               parts.size() > 1
                   ? rows_of_total(parts[p], table.rows.size(), ctx)
                   : "");
    for (size_t r = parts[p].first; r < parts[p].end; ++r) {
      Page& page = flow.page();
      if (r % 2 == 1) {
        page.fill_rect(flow.left(), flow.y(), flow.width(), layout.row_height,
                       ctx.theme.colours.zebra);
      }
      draw_row(page, ctx, table, layout, table.rows[r],
               r < table.styles.size() ? &table.styles[r] : nullptr,
               flow.left(), flow.y());
      flow.advance(layout.row_height);
    }
  }
  Page& page = flow.page();
  page.line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(),
            ctx.theme.colours.rule, 0.75);
  flow.advance(theme::kBlockGap);
}

}  // namespace vigie::render
