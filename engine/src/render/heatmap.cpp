// A table of rows x columns as cells coloured from the lowest value (light)
// to the highest (dark), each value written in its cell when it fits, a
// missing one left blank; the colour scale under the grid. Past kMostRows
// rows or kMostColumns columns, the rest is named, not drawn.
#include <algorithm>
#include <cmath>

#include "locale/catalog.hpp"
#include "locale/number_format.hpp"
#include "render/blocks.hpp"
#include "render/chart_axes.hpp"
#include "render/chart_frame.hpp"
#include "render/chart_legend.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {

constexpr Font kLabelFont{7, false};
constexpr Font kCellFont{6.5, false};
constexpr size_t kMostRows = 30;
constexpr size_t kMostColumns = 12;
constexpr size_t kHeaderLines = 3;
constexpr double kGap = 6;
constexpr double kScaleHeight = 30;  // the colour scale and its labels
constexpr double kScaleWidth = 160;
constexpr int kScaleSteps = 20;
constexpr double kNoDataHeight = 60;
constexpr double kMoreHeight = 12;

struct Grid {
  size_t rows = 0;
  size_t columns = 0;
  double label_width = 0;
  double column_width = 0;
  std::vector<std::vector<std::string>> headers;  // the columns' lines
  double header_height = 0;
  double lo = 0, hi = 0;
};

std::optional<double> cell(const Heatmap& map, size_t r, size_t c) {
  if (r >= map.values.size() || c >= map.values[r].size()) return std::nullopt;
  const auto& v = map.values[r][c];
  if (!v || !std::isfinite(*v)) return std::nullopt;
  return v;
}

bool has_cells(const Heatmap& map) {
  return std::any_of(map.values.begin(), map.values.end(),
                     [](const auto& row) { return has_values(row); });
}

Grid grid_of(const Heatmap& map, const RenderContext& ctx, double width) {
  Grid g;
  g.rows = std::min(map.rows.size(), kMostRows);
  g.columns = std::min(map.columns.size(), kMostColumns);
  for (size_t r = 0; r < g.rows; ++r) {
    g.label_width =
        std::max(g.label_width, ctx.text.width(map.rows[r], kLabelFont));
  }
  g.label_width = std::min(g.label_width, width * 0.3);
  g.column_width = g.columns == 0 ? 0
                                  : (width - g.label_width - kGap) /
                                        static_cast<double>(g.columns);
  const double line = ctx.text.measure("Ag", kLabelFont).height;
  size_t most = 1;
  for (size_t c = 0; c < g.columns; ++c) {
    g.headers.push_back(fit_lines(ctx.text, map.columns[c], kLabelFont,
                                  g.column_width - 4, kHeaderLines));
    most = std::max(most, g.headers.back().size());
  }
  g.header_height = static_cast<double>(most) * line + 4;
  bool first = true;
  for (size_t r = 0; r < g.rows; ++r) {
    for (size_t c = 0; c < g.columns; ++c) {
      if (const auto v = cell(map, r, c)) {
        g.lo = first ? *v : std::min(g.lo, *v);
        g.hi = first ? *v : std::max(g.hi, *v);
        first = false;
      }
    }
  }
  return g;
}

Color heat(double v, const Grid& g, const RenderContext& ctx) {
  const double t = g.hi > g.lo ? (v - g.lo) / (g.hi - g.lo) : 1;
  const Color& a = ctx.theme.colours.heat_low;
  const Color& b = ctx.theme.colours.heat_high;
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

double titles_height(const Heatmap& map) {
  return map.column_title.empty() && map.row_title.empty() ? 0
                                                           : kAxisTitleHeight;
}

bool cut(const Heatmap& map) {
  return map.rows.size() > kMostRows || map.columns.size() > kMostColumns;
}

}  // namespace

double heatmap_height(const Heatmap& map, const RenderContext& ctx) {
  const double heading =
      chart_heading_height(ctx, map.title, {}, ctx.theme.page.content_width());
  if (!has_cells(map)) return heading + kNoDataHeight;
  const Grid g = grid_of(map, ctx, ctx.theme.page.content_width());
  return heading + titles_height(map) + g.header_height +
         static_cast<double>(g.rows) * theme::kHeatmapCellHeight +
         kScaleHeight + (cut(map) ? kMoreHeight : 0);
}

void place_heatmap(const Heatmap& map, Flow& flow, const RenderContext& ctx) {
  const double height = heatmap_height(map, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  const double left = flow.left();
  const double width = flow.width();
  double top = flow.y() + draw_chart_heading(page, ctx, map.title, {}, left,
                                             flow.y(), width);
  if (!has_cells(map)) {
    draw_no_data(page, ctx, left, top, width, flow.y() + height - top);
    flow.advance(height + theme::kBlockGap);
    return;
  }
  const Grid g = grid_of(map, ctx, width);
  const double grid_left = left + g.label_width + kGap;
  if (titles_height(map) > 0) {
    draw_y_title(page, ctx, map.row_title, left, top, g.label_width);
    draw_x_title(page, ctx, map.column_title, grid_left, top,
                 width - g.label_width - kGap);
    top += kAxisTitleHeight;
  }
  const double line = ctx.text.measure("Ag", kLabelFont).height;
  for (size_t c = 0; c < g.columns; ++c) {
    const double x = grid_left + static_cast<double>(c) * g.column_width;
    double y = top + g.header_height - 2 -
               static_cast<double>(g.headers[c].size()) * line;
    for (const std::string& text : g.headers[c]) {
      y += draw_text(page, ctx.text, text, kLabelFont, ctx.theme.colours.ink,
                     x + 2, y, g.column_width - 4, Align::Center);
    }
  }
  top += g.header_height;
  const double cell_line = ctx.text.measure("Ag", kCellFont).height;
  for (size_t r = 0; r < g.rows; ++r) {
    const double y = top + static_cast<double>(r) * theme::kHeatmapCellHeight;
    draw_row_label(page, ctx, map.rows[r], kLabelFont, left, g.label_width,
                   y + theme::kHeatmapCellHeight / 2, 2);
    for (size_t c = 0; c < g.columns; ++c) {
      const double x = grid_left + static_cast<double>(c) * g.column_width;
      const auto v = cell(map, r, c);
      if (!v) {
        page.rect(x + 0.5, y + 0.5, g.column_width - 1,
                  theme::kHeatmapCellHeight - 1);
        page.stroke(ctx.theme.colours.grid, 0.5);
        continue;
      }
      const Color color = heat(*v, g, ctx);
      page.fill_rect(x + 0.5, y + 0.5, g.column_width - 1,
                     theme::kHeatmapCellHeight - 1, color);
      const std::string text =
          data_label(*v, map.unit, kCellFont, g.column_width - 4, ctx);
      if (text.empty()) continue;
      draw_text(page, ctx.text, text, kCellFont, text_color_on(color, ctx),
                x + 2, y + (theme::kHeatmapCellHeight - cell_line) / 2,
                g.column_width - 4, Align::Center);
    }
  }
  top += static_cast<double>(g.rows) * theme::kHeatmapCellHeight;
  if (cut(map)) {
    const size_t hidden =
        map.rows.size() - g.rows + map.columns.size() - g.columns;
    const locale::Arg count[] = {locale::Arg::of_number(
        "count", locale::ArgType::Count, static_cast<double>(hidden))};
    draw_text(
        page, ctx.text,
        ctx.text.fit(locale::message(ctx.locale, "chart.not_shown", count),
                     kLabelFont, width),
        kLabelFont, ctx.theme.colours.muted, left, top + 2, width);
    top += kMoreHeight;
  }
  // The colour scale: from the lowest value to the highest, right-aligned.
  const double scale_left = left + width - kScaleWidth;
  const double strip_top = top + 6;
  const double step = kScaleWidth / kScaleSteps;
  for (int i = 0; i < kScaleSteps; ++i) {
    const double v = g.lo + (g.hi - g.lo) * (i + 0.5) / kScaleSteps;
    page.fill_rect(scale_left + step * i, strip_top, step + 0.2, 8,
                   heat(v, g, ctx));
  }
  const std::vector<std::string> ends =
      locale::format_axis_ticks({g.lo, g.hi}, map.unit, ctx.locale);
  draw_text(page, ctx.text, ends[0], kAxisFont, ctx.theme.colours.muted,
            scale_left, strip_top + 10, kScaleWidth);
  if (g.hi > g.lo) {
    draw_text(page, ctx.text, ends[1], kAxisFont, ctx.theme.colours.muted,
              scale_left, strip_top + 10, kScaleWidth, Align::Right);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
