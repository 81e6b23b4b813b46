// What the renderer draws: a report already computed and formatted into
// pages of blocks. The pipeline fills it from the KPI results and the
// spec's sections; the renderer lays it out and draws it. Nothing here
// knows about plugins or data sources.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "locale/locale.hpp"
#include "render/theme.hpp"

namespace vigie::render {

enum class Status { None, Ok, Warning, Alert };

// The report's locale (language, number formats, time zone): the locale
// module's, which writes every word and figure the renderer draws.
using Locale = locale::Locale;

// What a chart's axes are called: the category axis (periods, labels) and
// the value axis (what its unit counts), whichever way they run (along
// horizontal bars, the value axis is the horizontal one); an empty title
// is not drawn.
struct AxisTitles {
  std::string category;
  std::string value;
};

// One KPI tile: value, change vs the comparison period, target status.
struct Tile {
  std::string label;
  std::string value;     // formatted, "n/a" when there is none
  std::string previous;  // formatted value of P'
  std::string change;    // formatted change, e.g. "+4,2 %"
  int direction = 0;     // +1 up, -1 down, 0 flat or unknown: the arrow
  // Which move is good, for the arrow's colour: +1 up (green when it
  // rises), -1 down, 0 neither (always grey).
  int good_direction = 1;
  Status status = Status::None;
  std::string target;  // formatted target, empty when none
  // The KPI's last periods, oldest first, drawn small under the value;
  // empty: no sparkline.
  std::vector<std::optional<double>> sparkline;
};

struct TileRow {
  std::vector<Tile> tiles;
};

// One line of a line or area chart: a KPI over the chart's periods, or a
// value column of a table over its rows.
struct LineSeries {
  std::string name;                           // its legend entry
  std::vector<std::optional<double>> values;  // one a label; a gap: none
  // The same figures a comparison period earlier (the period or the year
  // before each), drawn dashed in the series' colour; empty: none.
  std::vector<std::optional<double>> comparison;
};

// Lines over the last periods (oldest first), or over a table's rows: the
// target dashed, the last value of each line written at its end.
struct LineChart {
  std::string title;
  std::string unit;                 // "currency", "count", "ratio", "days", ...
  std::vector<std::string> labels;  // x axis, one a period
  std::vector<LineSeries> series;
  std::optional<double> target;
  // Areas filled under the lines; several series are stacked, each band
  // on the ones before it (a total made of parts).
  bool area = false;
  std::string comparison_name;  // legend of the dashed lines
  AxisTitles axes;
};

enum class BarOrientation {
  Auto,        // horizontal when the labels are long or the bars many
  Horizontal,  // one bar a line, labels on the left
  Vertical,    // columns, labels under them
};

// Categories beyond this many are summed into one "others" bar or slice,
// after the largest ones: a page never holds more than it can label.
inline constexpr size_t kMaxBars = 20;
inline constexpr size_t kMaxSlices = 6;

struct BarChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<double> values;
  BarOrientation orientation = BarOrientation::Auto;
  size_t max_bars = kMaxBars;  // the largest ones, then "others"
  AxisTitles axes;
};

// Bars cut into the parts of a whole: one bar a label, one part a value
// column (`series`), in the order given; `percent` scales every bar to
// 100 % (the shares of its parts).
struct StackedBarChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<std::string> series;
  std::vector<std::vector<double>> values;  // [series][label]
  bool percent = false;
  BarOrientation orientation = BarOrientation::Auto;
  size_t max_bars = kMaxBars;
  AxisTitles axes;
};

// The shares of a whole: one slice a label, the largest `max_slices`, the
// rest as "others"; values not above zero have no slice.
struct DonutChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<double> values;
  size_t max_slices = kMaxSlices;
};

// Steps of a journey with how many reached each: the conversion from the
// step before and from the first step.
struct FunnelChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;  // the steps, in order
  std::vector<double> values;
};

// A table of rows x columns as coloured cells, with a colour scale.
struct Heatmap {
  std::string title;
  std::string unit;
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<double>>> values;  // [row][column]
  std::string row_title;     // over the rows' labels; empty: none
  std::string column_title;  // over the columns' labels; empty: none
};

// Steps that add up to a total: each bar starts where the one before
// ended, rising for a positive step, falling for a negative one; the last
// bar is the total.
struct WaterfallChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<double> values;
  AxisTitles axes;
};

// A value against its target's zones (spec.hpp's Target): one line a KPI.
struct Bullet {
  std::string label;
  std::string unit;
  std::optional<double> value;
  std::optional<double> previous;  // P', a tick on the bar
  std::optional<double> target;
  std::optional<double> warning;  // where the warning zone starts
  std::optional<double> alert;    // where the alert zone starts
  bool higher_is_better = true;
  Status status = Status::None;
};

struct BulletChart {
  std::string title;
  std::vector<Bullet> bullets;
};

// Small line charts side by side on one shared value scale: one a KPI or a
// category, to compare their shapes at a glance.
struct SmallMultiples {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;  // the x axis every panel shares
  std::vector<LineSeries> panels;
  std::string comparison_name;  // legend of the dashed lines
  AxisTitles axes;
};

// How one cell of a table is set off: its status colour, and a bar behind
// its text of `bar` times the column's width (-1 to 1, negative leftwards).
struct CellStyle {
  Status status = Status::None;
  std::optional<double> bar;
};

// A table that continues across pages, its header repeated on each.
struct TableBlock {
  std::string title;
  std::vector<std::string> header;
  std::vector<bool> numeric;  // right-aligned columns
  // Columns of times (left-aligned): like numbers, never cut to fit, a
  // date missing its day being no date.
  std::vector<bool> times;
  std::vector<std::vector<std::string>> rows;
  // By row and column, as `rows`; empty (or short) for plain cells.
  std::vector<std::vector<CellStyle>> styles;
};

struct Note {
  std::string text;
};

using Block = std::variant<TileRow, LineChart, BarChart, StackedBarChart,
                           DonutChart, FunnelChart, Heatmap, WaterfallChart,
                           BulletChart, SmallMultiples, TableBlock, Note>;

struct Section {
  std::string title;
  std::vector<Block> blocks;
  bool new_page = false;  // starts a page, whatever is left of the last
};

struct Document {
  std::string title;
  std::string author;        // the PDF's Author; none when empty
  std::string period;        // e.g. "Octobre 2026 (vs septembre 2026)"
  std::string generated_at;  // e.g. "2026-11-01 06:00 Europe/Paris"
  Locale locale;
  std::vector<Section> sections;
  std::vector<std::string> notes;  // data-quality and coverage notes
  // ISO 8601 date written as the PDF's creation and modification date,
  // e.g. "2026-11-01T06:00:00+01:00". Never the wall clock, so that the
  // same Document always gives the same bytes.
  std::string created = "2000-01-01T00:00:00Z";
  Theme theme;  // page, fonts, colours, cover, header and footer
};

}  // namespace vigie::render
