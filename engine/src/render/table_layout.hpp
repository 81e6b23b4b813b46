// How a table's columns share the line: sized by their content, so that a
// number is never cut. Computed once per table, before any row is drawn.
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/document.hpp"
#include "render/text_measure.hpp"

namespace vigie::render {

// The smallest type a table is set in before a number may be cut.
inline constexpr double kMinTableFontSize = 6.5;
inline constexpr double kTableFontStep = 0.5;
// A header wraps onto at most this many lines before it may be cut.
inline constexpr size_t kMaxHeaderLines = 3;

struct TableLayout {
  Font header_font;
  Font cell_font;
  // One a column, padding included; they add up to the available width.
  std::vector<double> widths;
  // Each column's header broken into the lines drawn.
  std::vector<std::vector<std::string>> header_lines;
  double header_height = 0;
  double row_height = 0;
};

bool is_numeric_column(const TableBlock& table, size_t column);

// Columns first get their natural width: the widest of their cells and
// their header on one line, plus padding. When they do not fit in
// `available`, in this order: headers wrap (up to kMaxHeaderLines lines,
// at words), text columns shrink (their cells are then cut with "…"),
// then the whole table is set a step smaller, down to kMinTableFontSize.
// Only when even that is too wide are numeric columns narrowed.
TableLayout layout_table(const TableBlock& table, double available,
                         const TextMeasurer& measurer);

}  // namespace vigie::render
