#include "render/table_layout.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include "render/theme.hpp"

namespace vigie::render {

namespace {

constexpr double kPadding = 2 * theme::kTableCellPadding;
// A text column keeps room for about five characters before its cells
// are cut further: enough to tell its entries apart.
constexpr double kMinTextEms = 3;
// Widths are sums of Pango units: this absorbs the rounding of adding
// and spreading them, so that a cell given its exact width is not cut.
constexpr double kTolerance = 0.01;

// What a column needs at one type size, padding included.
struct ColumnNeeds {
  double cells = 0;           // its widest cell
  double header_line = 0;     // its header on one line
  double header_wrapped = 0;  // its header on kMaxHeaderLines lines at most
  // header_by_lines[k - 1]: its header on k lines at most, k from 1 to
  // kMaxHeaderLines (the first is header_line, the last header_wrapped).
  std::vector<double> header_by_lines;
  bool numeric = false;
  bool time = false;

  double natural() const { return std::max(cells, header_line); }
  // Everything whole, the header wrapped.
  double whole() const { return std::max(cells, header_wrapped); }
  // The narrowest it goes before numbers are cut: a column of numbers or
  // times stays whole, a text column keeps a few characters.
  double floor(double font_size) const {
    if (numeric || time) return whole();
    return std::max(header_wrapped,
                    std::min(cells, kMinTextEms * font_size + kPadding));
  }
};

double widest_word(const std::string& text, Font font,
                   const TextMeasurer& measurer) {
  double widest = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    widest =
        std::max(widest, measurer.width(text.substr(start, end - start), font));
    start = end + 1;
  }
  return widest;
}

// The narrowest width (without padding) at which `header` breaks at words
// into `lines` lines or fewer: found by bisection, since Pango answers
// "how many lines at this width" but not the converse.
double narrowest_header(const std::string& header, Font font, size_t lines,
                        const TextMeasurer& measurer) {
  const double one_line = measurer.width(header, font);
  if (lines == 1) return one_line;
  double low = widest_word(header, font, measurer);
  if (measurer.wrap(header, font, low + kTolerance).size() <= lines) {
    return low;
  }
  double high = one_line;
  for (int i = 0; i < 12 && high - low > 0.25; ++i) {
    const double mid = (low + high) / 2;
    if (measurer.wrap(header, font, mid + kTolerance).size() <= lines) {
      high = mid;
    } else {
      low = mid;
    }
  }
  return high;
}

std::vector<ColumnNeeds> measure_columns(const TableBlock& table, size_t count,
                                         Font header_font, Font cell_font,
                                         const TextMeasurer& measurer) {
  std::vector<ColumnNeeds> needs(count);
  for (size_t c = 0; c < count; ++c) {
    needs[c].numeric = is_numeric_column(table, c);
    needs[c].time = c < table.times.size() && table.times[c];
    needs[c].cells = kPadding;
    needs[c].header_line = kPadding;
    needs[c].header_wrapped = kPadding;
    needs[c].header_by_lines.assign(kMaxHeaderLines, kPadding);
    if (c < table.header.size() && !table.header[c].empty()) {
      for (size_t k = 1; k <= kMaxHeaderLines; ++k) {
        needs[c].header_by_lines[k - 1] +=
            narrowest_header(table.header[c], header_font, k, measurer);
      }
    }
    needs[c].header_line = needs[c].header_by_lines.front();
    needs[c].header_wrapped = needs[c].header_by_lines.back();
  }
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      needs[c].cells = std::max(needs[c].cells,
                                measurer.width(row[c], cell_font) + kPadding);
    }
  }
  return needs;
}

double total(const std::vector<double>& widths) {
  return std::accumulate(widths.begin(), widths.end(), 0.0);
}

// Adds `spare` to `widths` in proportion to `weights` (evenly when they
// are all zero).
void spread(std::vector<double>& widths, const std::vector<double>& weights,
            double spare) {
  const double sum = total(weights);
  for (size_t c = 0; c < widths.size(); ++c) {
    widths[c] += sum > 0 ? spare * weights[c] / sum
                         : spare / static_cast<double>(widths.size());
  }
}

// The widths at one type size, or nothing when the numbers do not fit.
std::optional<std::vector<double>> fit_columns(
    const std::vector<ColumnNeeds>& needs, double available, double font_size) {
  const size_t n = needs.size();
  std::vector<double> natural(n);
  std::vector<double> whole(n);
  std::vector<double> floor(n);
  for (size_t c = 0; c < n; ++c) {
    natural[c] = needs[c].natural();
    whole[c] = needs[c].whole();
    floor[c] = needs[c].floor(font_size);
  }
  if (total(natural) <= available) {
    // Every header on one line; the spare width is shared evenly so that
    // the table spans the content width.
    spread(natural, {}, available - total(natural));
    return natural;
  }
  if (total(whole) <= available) {
    // Headers wrap. The spare width goes back to them a line at a time:
    // first every header onto kMaxHeaderLines - 1 lines if the spare
    // allows, and so on, so that the header band is as low as it can be.
    double spare = available - total(whole);
    for (size_t lines = kMaxHeaderLines - 1; lines >= 1; --lines) {
      std::vector<double> wanted(n);
      for (size_t c = 0; c < n; ++c) {
        wanted[c] = std::max(
            0.0, std::max(needs[c].cells, needs[c].header_by_lines[lines - 1]) -
                     whole[c]);
      }
      const double need = total(wanted);
      if (need > spare) {
        // Not enough for every header: in proportion to what each wants.
        spread(whole, wanted, spare);
        return whole;
      }
      spread(whole, wanted, need);
      spare -= need;
    }
    spread(whole, {}, spare);
    return whole;
  }
  if (total(floor) <= available) {
    // The widest text columns give up what they must: every text column
    // is capped at one width, the largest that fits (each kept between its
    // floor and its whole width), so that a long id is cut before a short
    // label is; columns of numbers and times stay whole. The cap is found
    // by bisection: the total grows with it.
    const auto capped = [&](double cap) {
      std::vector<double> widths(n);
      for (size_t c = 0; c < n; ++c)
        widths[c] = std::clamp(cap, floor[c], whole[c]);
      return widths;
    };
    double low = 0;
    double high = *std::max_element(whole.begin(), whole.end());
    for (int i = 0; i < 40 && high - low > 0.01; ++i) {
      const double mid = (low + high) / 2;
      (total(capped(mid)) <= available ? low : high) = mid;
    }
    std::vector<double> widths = capped(low);
    spread(widths, {}, available - total(widths));
    return widths;
  }
  return std::nullopt;
}

// The last resort, at the smallest size: text columns at their floor,
// then every column narrowed in proportion. Numbers are cut here only.
std::vector<double> squeeze_columns(const std::vector<ColumnNeeds>& needs,
                                    double available, double font_size) {
  std::vector<double> widths(needs.size());
  for (size_t c = 0; c < needs.size(); ++c) {
    widths[c] = needs[c].floor(font_size);
  }
  const double sum = total(widths);
  for (double& w : widths) w *= available / sum;
  return widths;
}

// The header's lines at `inner` width; past kMaxHeaderLines the last one
// shows where the rest was cut.
std::vector<std::string> header_lines(const std::string& header, Font font,
                                      double inner,
                                      const TextMeasurer& measurer) {
  if (header.empty() || inner <= 0) return {};
  std::vector<std::string> lines =
      measurer.wrap(header, font, inner + kTolerance);
  if (lines.size() > kMaxHeaderLines) {
    std::string rest = lines[kMaxHeaderLines - 1];
    for (size_t i = kMaxHeaderLines; i < lines.size(); ++i) {
      rest += " " + lines[i];
    }
    lines.resize(kMaxHeaderLines);
    lines.back() = measurer.fit(rest + "…", font, inner + kTolerance);
  }
  return lines;
}

}  // namespace

bool is_numeric_column(const TableBlock& table, size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

TableLayout layout_table(const TableBlock& table, double available,
                         const TextMeasurer& measurer) {
  size_t count = table.header.size();
  for (const auto& row : table.rows) count = std::max(count, row.size());

  TableLayout layout;
  double size = theme::kTableSize;
  std::vector<double> widths;
  while (true) {
    layout.header_font = Font{size, true};
    layout.cell_font = Font{size, false};
    if (count == 0) break;
    const std::vector<ColumnNeeds> needs = measure_columns(
        table, count, layout.header_font, layout.cell_font, measurer);
    if (auto fitted = fit_columns(needs, available, size)) {
      widths = std::move(*fitted);
      break;
    }
    if (size - kTableFontStep < kMinTableFontSize - kTolerance) {
      widths = squeeze_columns(needs, available, size);
      break;
    }
    size -= kTableFontStep;
  }
  layout.widths = std::move(widths);

  size_t lines = 1;
  for (size_t c = 0; c < count; ++c) {
    const std::string& header = c < table.header.size() ? table.header[c] : "";
    layout.header_lines.push_back(header_lines(
        header, layout.header_font, layout.widths[c] - kPadding, measurer));
    lines = std::max(lines, layout.header_lines.back().size());
  }
  // The theme's heights are for one header line and a row at kTableSize:
  // their space around the text shrinks with the type, and each further
  // header line adds its own height.
  const double scale = size / theme::kTableSize;
  const double line_height = measurer.measure("Ag", layout.header_font).height;
  const double base_line_height =
      measurer.measure("Ag", Font{theme::kTableSize, true}).height;
  layout.header_height =
      (theme::kTableHeaderHeight - base_line_height) * scale +
      static_cast<double>(lines) * line_height;
  layout.row_height = theme::kTableRowHeight * scale;
  return layout;
}

}  // namespace vigie::render
