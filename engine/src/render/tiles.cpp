// A row of KPI tiles: label, value, change with its arrow, previous value,
// target and status badge. More tiles than fit on a line wrap onto the
// next line, each line kept whole on a page.
#include <algorithm>

#include "render/blocks.hpp"
#include "render/draw_text.hpp"
#include "render/sparkline.hpp"
#include "render/tile_reading.hpp"

namespace vigie::render {

namespace {

constexpr double kPadding = 10;
constexpr double kAccentHeight = 3;
constexpr double kMinValueSize = 10;

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
  return ctx.theme.colours.primary_light;
}

// Green when the KPI moves the way it should, red when it moves the
// other way, grey when it does not move or the direction is unknown.
Color change_color(const Tile& tile, const RenderContext& ctx) {
  switch (change_move(tile)) {
    case Move::Good:
      return ctx.theme.colours.good;
    case Move::Bad:
      return ctx.theme.colours.bad;
    case Move::Flat:
      break;
  }
  return ctx.theme.colours.flat;
}

constexpr Font kBadgeFont{6.5, true};
constexpr double kBadgeHeight = 12;
constexpr double kBadgeGap = 4;
constexpr Font kLabelFont{8, false};
// Where the label starts and how far it may go before the tile grows:
// down to just above the value, which starts kValueTop below the tile's
// top.
constexpr double kLabelTop = kAccentHeight + 8;
constexpr double kValueTop = 36;
constexpr double kLabelRoom = kValueTop - kLabelTop - 2;
// Where a sparkline starts, under the value.
constexpr double kSparkTop = 62;
// Past this many lines a label is cut rather than growing its row more.
constexpr size_t kMaxLabelLines = 3;

// The width the badge takes, 0 when there is none.
double badge_width(Status status, const RenderContext& ctx) {
  if (status == Status::None) return 0;
  return ctx.text.width(status_text(status, ctx.words), kBadgeFont) + 10;
}

void draw_badge(Page& page, const RenderContext& ctx, Status status,
                double right, double top) {
  if (status == Status::None) return;
  const std::string text = status_text(status, ctx.words);
  const double width = badge_width(status, ctx);
  page.fill_rect(right - width, top, width, kBadgeHeight,
                 status_color(status, ctx));
  draw_text(
      page, ctx.text, text, kBadgeFont, theme::kWhite, right - width,
      top + (kBadgeHeight - ctx.text.measure(text, kBadgeFont).height) / 2,
      width, Align::Center);
}

struct LabelLine {
  std::string text;
  double offset;  // from the label's top
  double width;   // it may take
};

// A label laid out around the status badge: beside it when it fits there
// on two lines; else its first words beside it and the rest on whole
// lines under it; never cut before kMaxLabelLines lines.
struct TileLabel {
  std::vector<LabelLine> lines;
  double height = 0;
};

// Whether wrapping broke `text` only between words: a word cut in two
// would read as two.
bool breaks_between_words(const std::vector<std::string>& lines,
                          const std::string& text) {
  std::string joined;
  for (const std::string& line : lines)
    joined += (joined.empty() ? "" : " ") + line;
  return joined == text;
}

TileLabel lay_out_label(const Tile& tile, const RenderContext& ctx,
                        double inner_width) {
  const double line_height = ctx.text.measure("Ag", kLabelFont).height;
  const double badge = badge_width(tile.status, ctx);
  const double narrow = inner_width - (badge > 0 ? badge + kBadgeGap : 0);
  std::vector<std::string> beside;
  if (narrow > 0) beside = ctx.text.wrap(tile.label, kLabelFont, narrow);

  TileLabel label;
  const auto add = [&](const std::string& text, double offset, double width) {
    label.lines.push_back(LabelLine{text, offset, width});
    label.height = offset + line_height;
  };
  if (badge == 0 || (narrow > 0 && beside.size() <= 2 &&
                     breaks_between_words(beside, tile.label))) {
    for (const std::string& line : beside) {
      add(line, label.height, narrow);
    }
  } else {
    // The first line stays beside the badge only when it ends between two
    // words; a word cut there would read as two.
    std::string rest = tile.label;
    const std::string first = beside.empty() ? "" : beside.front();
    if (!first.empty() && first.size() < tile.label.size() &&
        tile.label[first.size()] == ' ') {
      add(first, 0, narrow);
      rest = tile.label.substr(first.size() + 1);
    }
    double offset = kBadgeHeight + 1;
    for (const std::string& line :
         ctx.text.wrap(rest, kLabelFont, inner_width)) {
      add(line, offset, inner_width);
      offset += line_height;
    }
  }
  if (label.lines.size() > kMaxLabelLines) {
    // The last line kept shows where the rest was cut.
    std::string rest = label.lines[kMaxLabelLines - 1].text;
    for (size_t i = kMaxLabelLines; i < label.lines.size(); ++i) {
      rest += " " + label.lines[i].text;
    }
    label.lines.resize(kMaxLabelLines);
    LabelLine& last = label.lines.back();
    last.text = ctx.text.fit(rest + "…", kLabelFont, last.width);
    label.height = last.offset + line_height;
  }
  return label;
}

void draw_label(Page& page, const RenderContext& ctx, const TileLabel& label,
                double x, double top) {
  for (const LabelLine& line : label.lines) {
    draw_text(page, ctx.text, line.text, kLabelFont, ctx.theme.colours.muted, x,
              top + line.offset, line.width);
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
  page.text(x, baseline, shown, font, ctx.theme.colours.ink,
            ctx.text.width(shown, font));
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

// `height` is the row's: a tile whose label needs more room than the
// theme gives grows its whole row, the lines under the label moving down;
// `spark` is the room of the row's sparklines (0 when it has none), under
// the value.
void draw_tile(Page& page, const RenderContext& ctx, const Tile& tile,
               const TileLabel& label, double x, double y, double width,
               double height, double spark) {
  page.fill_rect(x, y, width, height, ctx.theme.colours.tile_background);
  page.rect(x, y, width, height);
  page.stroke(ctx.theme.colours.rule, 0.75);
  page.fill_rect(x, y, width, kAccentHeight, status_color(tile.status, ctx));

  const double inner_x = x + kPadding;
  const double inner_width = width - 2 * kPadding;
  draw_badge(page, ctx, tile.status, x + width - kPadding, y + kLabelTop);
  draw_label(page, ctx, label, inner_x, y + kLabelTop);
  // Everything under the label moves down by what the row grew.
  double below = y + height - theme::kTileHeight - spark;
  draw_value(page, ctx, tile.value, inner_x, below + kValueTop, inner_width);
  if (spark > 0) {
    draw_sparkline(page, tile.sparkline, inner_x, below + kSparkTop,
                   inner_width, spark - 4, ctx.theme.colours.primary);
    below += spark;
  }

  if (!tile.change.empty()) {
    draw_shrunk(page, ctx,
                std::string(change_arrow(tile.direction)) + " " + tile.change,
                Font{8.5, true}, change_color(tile, ctx), inner_x, below + 66,
                inner_width);
  }
  const auto labelled = [&](const std::string& text, const std::string& value) {
    return text + ctx.words.colon + value;
  };
  const Font small{7.5, false};
  if (!tile.previous.empty()) {
    draw_shrunk(page, ctx, labelled(ctx.words.previous, tile.previous), small,
                ctx.theme.colours.muted, inner_x, below + 81, inner_width);
  }
  if (!tile.target.empty()) {
    draw_shrunk(page, ctx, labelled(ctx.words.target, tile.target), small,
                ctx.theme.colours.muted, inner_x, below + 92, inner_width);
  }
}

double tile_width(size_t columns, const RenderContext& ctx) {
  return (ctx.theme.page.content_width() -
          ctx.theme.gutter * static_cast<double>(columns - 1)) /
         static_cast<double>(columns);
}

// The theme's grid, whatever the row holds: the tiles of a report all
// have one size, a short row leaving the end of its line empty rather
// than stretching two figures across the page.
size_t tiles_per_line(const RenderContext& ctx) {
  return static_cast<size_t>(ctx.theme.tiles_per_row);
}

// The room a line of tiles gives sparklines: none unless one has values.
double spark_room(const TileRow& row, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) {
    if (!row.tiles[i].sparkline.empty()) return theme::kSparklineHeight;
  }
  return 0;
}

// One line of tiles shares one height: the theme's, or more when a label
// needs it or it has sparklines.
double line_height(const TileRow& row, const std::vector<TileLabel>& labels,
                   size_t first, size_t last) {
  double label = 0;
  for (size_t i = first; i < last; ++i) {
    label = std::max(label, labels[i].height);
  }
  return theme::kTileHeight + std::max(0.0, label - kLabelRoom) +
         spark_room(row, first, last);
}

std::vector<TileLabel> lay_out_labels(const TileRow& row,
                                      const RenderContext& ctx, double width) {
  std::vector<TileLabel> labels;
  for (const Tile& tile : row.tiles) {
    labels.push_back(lay_out_label(tile, ctx, width - 2 * kPadding));
  }
  return labels;
}

}  // namespace

double tile_row_min_height(const TileRow& row, const RenderContext& ctx) {
  if (row.tiles.empty()) return 0;
  const size_t columns = tiles_per_line(ctx);
  const std::vector<TileLabel> labels =
      lay_out_labels(row, ctx, tile_width(columns, ctx));
  return line_height(row, labels, 0, std::min(columns, row.tiles.size()));
}

void place_tile_row(const TileRow& row, Flow& flow, const RenderContext& ctx) {
  if (row.tiles.empty()) return;
  const size_t columns = tiles_per_line(ctx);
  const double width = tile_width(columns, ctx);
  const std::vector<TileLabel> labels = lay_out_labels(row, ctx, width);
  for (size_t first = 0; first < row.tiles.size(); first += columns) {
    const size_t last = std::min(first + columns, row.tiles.size());
    const double height = line_height(row, labels, first, last);
    const double spark = spark_room(row, first, last);
    flow.ensure(height);
    for (size_t i = first; i < last; ++i) {
      const double x = flow.left() + static_cast<double>(i - first) *
                                         (width + ctx.theme.gutter);
      draw_tile(flow.page(), ctx, row.tiles[i], labels[i], x, flow.y(), width,
                height, spark);
    }
    flow.advance(height + (last < row.tiles.size() ? ctx.theme.gutter
                                                   : theme::kBlockGap));
  }
}

}  // namespace vigie::render
