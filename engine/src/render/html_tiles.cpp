// KPI tiles and notes of the HTML report: real HTML, a tile's figures as
// the PDF's tile shows them (tile_reading.hpp), its sparkline drawn by the
// PDF's code as a small inline <svg>.
#include "render/html_blocks.hpp"
#include "render/sparkline.hpp"
#include "render/svg_canvas.hpp"
#include "render/theme.hpp"
#include "render/tile_reading.hpp"

namespace vigie::render {
namespace {

// The sparkline's drawing, in points; the page scales it to the tile's
// width, keeping its proportions.
constexpr double kSparkWidth = 120;
constexpr double kSparkHeight = 24;
// Room for the line's width and the last value's dot.
constexpr double kSparkMargin = 1.5;

const char* move_class(Move move) {
  switch (move) {
    case Move::Good:
      return "good";
    case Move::Bad:
      return "bad";
    case Move::Flat:
      break;
  }
  return "flat";
}

void write_sparkline(std::string& out, const Tile& tile, HtmlContext& ctx) {
  Page page;
  draw_sparkline(page, tile.sparkline, kSparkMargin, kSparkMargin, kSparkWidth,
                 kSparkHeight, ctx.render().theme.colours.primary);
  if (page.commands().empty()) return;  // no value is a number
  // A picture of the figures written beside it: nothing for a screen
  // reader to read out.
  out += "<div class=\"sparkline\" aria-hidden=\"true\">\n";
  out += svg_element(
      page,
      {0, 0, kSparkWidth + 2 * kSparkMargin, kSparkHeight + 2 * kSparkMargin},
      ctx.next_id("s"), ctx.render().theme.font_family);
  out += "</div>\n";
}

void write_tile(std::string& out, const Tile& tile, HtmlContext& ctx) {
  const Wording& words = ctx.render().words;
  const std::string status = status_class(tile.status);
  out += status.empty() ? "<div class=\"tile\">\n"
                        : "<div class=\"tile " + status + "\">\n";
  out += "<div class=\"tile-head\"><p class=\"tile-label\">" +
         html_text(tile.label) + "</p>";
  if (!status.empty()) {
    out += "<span class=\"badge\">" +
           html_text(status_text(tile.status, words)) + "</span>";
  }
  out += "</div>\n<p class=\"tile-value\">" + html_text(tile.value) + "</p>\n";
  if (!tile.sparkline.empty()) write_sparkline(out, tile, ctx);
  if (!tile.change.empty()) {
    out += fmt::format("<p class=\"tile-change {}\">{} {}</p>\n",
                       move_class(change_move(tile)),
                       change_arrow(tile.direction), html_text(tile.change));
  }
  const auto detail = [&](const std::string& word, const std::string& value) {
    if (value.empty()) return;
    out += "<p class=\"tile-detail\">" + html_text(word + words.colon) +
           html_text(value) + "</p>\n";
  };
  detail(words.previous, tile.previous);
  detail(words.target, tile.target);
  out += "</div>\n";
}

}  // namespace

void write_tile_row(std::string& out, const TileRow& row, HtmlContext& ctx) {
  if (row.tiles.empty()) return;
  out += "<div class=\"block tiles\">\n";
  for (const Tile& tile : row.tiles) write_tile(out, tile, ctx);
  out += "</div>\n";
}

void write_note(std::string& out, const Note& note) {
  out += "<p class=\"block note\">" + html_text(note.text) + "</p>\n";
}

}  // namespace vigie::render
