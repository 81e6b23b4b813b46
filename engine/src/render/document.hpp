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

namespace vigie::render {

enum class Status { None, Ok, Warning, Alert };

// The report's locale (language, number formats, time zone): the locale
// module's, which writes every word and figure the renderer draws.
using Locale = locale::Locale;

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
};

struct TileRow {
  std::vector<Tile> tiles;
};

// A line chart of one KPI over the last periods (oldest first).
struct LineChart {
  std::string title;
  std::string unit;                 // "currency", "count", "ratio", "days", ...
  std::vector<std::string> labels;  // x axis, one a period
  std::vector<std::optional<double>> values;  // a gap where no value
  std::optional<double> target;
};

enum class BarOrientation {
  Auto,        // horizontal when the labels are long or the bars many
  Horizontal,  // one bar a line, labels on the left
  Vertical,    // columns, labels under them
};

struct BarChart {
  std::string title;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<double> values;
  BarOrientation orientation = BarOrientation::Auto;
};

// A table that continues across pages, its header repeated on each.
struct TableBlock {
  std::string title;
  std::vector<std::string> header;
  std::vector<bool> numeric;  // right-aligned columns
  std::vector<std::vector<std::string>> rows;
};

struct Note {
  std::string text;
};

using Block = std::variant<TileRow, LineChart, BarChart, TableBlock, Note>;

struct Section {
  std::string title;
  std::vector<Block> blocks;
};

struct Document {
  std::string title;
  std::string period;        // e.g. "Octobre 2026 (vs septembre 2026)"
  std::string generated_at;  // e.g. "2026-11-01 06:00 Europe/Paris"
  Locale locale;
  std::vector<Section> sections;
  std::vector<std::string> notes;  // data-quality and coverage notes
  // ISO 8601 date written as the PDF's creation and modification date,
  // e.g. "2026-11-01T06:00:00+01:00". Never the wall clock, so that the
  // same Document always gives the same bytes.
  std::string created = "2000-01-01T00:00:00Z";
};

}  // namespace vigie::render
