// A row of KPI tiles: label, value, change with its arrow, previous value,
// target and status badge. More tiles than fit on a line wrap onto the
// next line, each line kept whole on a page.
#include <algorithm>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr double kPadding = 10;
constexpr double kAccentHeight = 3;
constexpr double kMinValueSize = 10;

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
  return theme::kPrimaryLight;
}

const char* status_text(Status status, const Wording& words) {
  switch (status) {
    case Status::Ok:
      return words.status_ok;
    case Status::Warning:
      return words.status_warning;
    case Status::Alert:
      return words.status_alert;
    case Status::None:
      break;
  }
  return "";
}

// Green when the KPI moves the way it should, red when it moves the
// other way, grey when it does not move or the direction is unknown.
Color change_color(const Tile& tile) {
  if (tile.direction == 0) return theme::kFlat;
  return (tile.direction > 0) == tile.up_is_good ? theme::kGood : theme::kBad;
}

const char* arrow(int direction) {
  if (direction > 0) return "▲";
  if (direction < 0) return "▼";
  return "►";
}

// Returns the width the badge takes, 0 when there is none.
double draw_badge(Page& page, const RenderContext& ctx, Status status,
                  double right, double top) {
  if (status == Status::None) return 0;
  const Font font{6.5, true};
  const std::string text = status_text(status, ctx.words);
  const double width = ctx.text.width(text, font) + 10;
  const double height = 12;
  page.fill_rect(right - width, top, width, height, status_color(status));
  draw_text(page, ctx.text, text, font, theme::kWhite, right - width,
            top + (height - ctx.text.measure(text, font).height) / 2, width,
            Align::Center);
  return width;
}

void draw_label(Page& page, const RenderContext& ctx, const std::string& text,
                double x, double top, double width) {
  const Font font{8, false};
  std::vector<std::string> lines = ctx.text.wrap(text, font, width);
  if (lines.size() > 2) {
    // The second line shows where the rest was cut.
    std::string rest = lines[1];
    for (size_t i = 2; i < lines.size(); ++i) rest += " " + lines[i];
    lines.resize(2);
    lines[1] = ctx.text.fit(rest + "…", font, width);
  }
  for (const std::string& line : lines) {
    top += draw_text(page, ctx.text, line, font, theme::kMuted, x, top, width);
  }
}

// The value as large as the theme wants, smaller when it would not fit.
void draw_value(Page& page, const RenderContext& ctx, const std::string& text,
                double x, double top, double width) {
  Font font{theme::kTileValueSize, true};
  const double natural = ctx.text.width(text, font);
  if (natural > width) {
    font.size = std::max(kMinValueSize, font.size * width / natural);
  }
  const std::string shown = ctx.text.fit(text, font, width);
  // Keep the baseline where a full-size value would put it, so values of
  // a row line up whatever their size.
  const double baseline =
      top + ctx.text.measure(text, Font{theme::kTileValueSize, true}).baseline;
  page.text(x, baseline, shown, font, theme::kInk);
}

// A secondary line at its size when it fits, else a little smaller (a
// value cut short would mislead), else cut.
void draw_shrunk(Page& page, const RenderContext& ctx, const std::string& text,
                 Font font, Color color, double x, double top, double width) {
  const double natural = ctx.text.width(text, font);
  Font shown = font;
  if (natural > width) shown.size = std::max(6.0, font.size * width / natural);
  draw_text(page, ctx.text, ctx.text.fit(text, shown, width), shown, color, x,
            top, width);
}

void draw_tile(Page& page, const RenderContext& ctx, const Tile& tile, double x,
               double y, double width) {
  const double height = theme::kTileHeight;
  page.fill_rect(x, y, width, height, theme::kTileBackground);
  page.rect(x, y, width, height);
  page.stroke(theme::kRule, 0.75);
  page.fill_rect(x, y, width, kAccentHeight, status_color(tile.status));

  const double inner_x = x + kPadding;
  const double inner_width = width - 2 * kPadding;
  const double top = y + kAccentHeight + 8;
  const double badge =
      draw_badge(page, ctx, tile.status, x + width - kPadding, top);
  draw_label(page, ctx, tile.label, inner_x, top,
             inner_width - (badge > 0 ? badge + 4 : 0));
  draw_value(page, ctx, tile.value, inner_x, y + 36, inner_width);

  if (!tile.change.empty()) {
    draw_shrunk(
        page, ctx, std::string(arrow(tile.direction)) + " " + tile.change,
        Font{8.5, true}, change_color(tile), inner_x, y + 66, inner_width);
  }
  const auto labelled = [&](const char* label, const std::string& value) {
    return std::string(label) + ctx.words.colon + value;
  };
  const Font small{7.5, false};
  if (!tile.previous.empty()) {
    draw_shrunk(page, ctx, labelled(ctx.words.previous, tile.previous), small,
                theme::kMuted, inner_x, y + 81, inner_width);
  }
  if (!tile.target.empty()) {
    draw_shrunk(page, ctx, labelled(ctx.words.target, tile.target), small,
                theme::kMuted, inner_x, y + 92, inner_width);
  }
}

}  // namespace

double tile_row_min_height(const TileRow&) { return theme::kTileHeight; }

void place_tile_row(const TileRow& row, Flow& flow, const RenderContext& ctx) {
  if (row.tiles.empty()) return;
  const size_t columns =
      std::min(row.tiles.size(), static_cast<size_t>(theme::kTilesPerRow));
  const double width =
      (flow.width() - theme::kTileGap * static_cast<double>(columns - 1)) /
      static_cast<double>(columns);
  for (size_t first = 0; first < row.tiles.size(); first += columns) {
    flow.ensure(theme::kTileHeight);
    const size_t last = std::min(first + columns, row.tiles.size());
    for (size_t i = first; i < last; ++i) {
      const double x = flow.left() + static_cast<double>(i - first) *
                                         (width + theme::kTileGap);
      draw_tile(flow.page(), ctx, row.tiles[i], x, flow.y(), width);
    }
    flow.advance(theme::kTileHeight + (last < row.tiles.size()
                                           ? theme::kTileGap
                                           : theme::kBlockGap));
  }
}

}  // namespace vigie::render
