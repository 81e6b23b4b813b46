// A table of the HTML report: a real <table> the page's script sorts (a
// click on a header) and filters (the box above it), its cells' status
// colours and bars as CSS classes. Every row of the Document's table is
// there, in one table: a screen has no pages to continue it on.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "locale/catalog.hpp"
#include "locale/number_format.hpp"
#include "render/html_blocks.hpp"
#include "render/table_layout.hpp"

namespace vigie::render {
namespace {

bool starts_with_at(std::string_view text, size_t at, std::string_view part) {
  return !part.empty() && text.substr(at).starts_with(part);
}

bool digit_at(std::string_view text, size_t at) {
  return at < text.size() && text[at] >= '0' && text[at] <= '9';
}

void add_class(std::string& classes, std::string_view name) {
  if (!classes.empty()) classes += ' ';
  classes += name;
}

std::string class_attribute(const std::string& classes) {
  return classes.empty() ? "" : " class=\"" + classes + "\"";
}

void write_header(std::string& out, const TableBlock& table,
                  const std::string& sort_hint) {
  out += "<thead><tr>";
  for (size_t c = 0; c < table.header.size(); ++c) {
    out += "<th scope=\"col\"";
    if (is_numeric_column(table, c)) out += " class=\"num\"";
    out += "><button type=\"button\" title=\"" + sort_hint + "\">" +
           html_text(table.header[c]) + "</button></th>";
  }
  out += "</tr></thead>\n";
}

void write_cell(std::string& out, const TableBlock& table, size_t column,
                const std::string& text, const CellStyle* style,
                const NumberMarks& marks) {
  std::string classes;
  std::string attributes;
  const bool numeric = is_numeric_column(table, column);
  if (numeric) add_class(classes, "num");
  if (style != nullptr) {
    if (style->status != Status::None)
      add_class(classes, status_class(style->status));
    if (style->bar && std::isfinite(*style->bar) && *style->bar != 0) {
      add_class(classes, *style->bar > 0 ? "bar" : "bar negative");
      attributes += fmt::format(" style=\"--share:{:.1f}%\"",
                                std::min(std::fabs(*style->bar), 1.0) * 100);
    }
  }
  if (numeric) {
    if (const auto figure = shown_number(text, marks)) {
      attributes += fmt::format(" data-sort=\"{}\"", *figure);
    }
  }
  out += "<td" + class_attribute(classes) + attributes + ">" + html_text(text) +
         "</td>";
}

}  // namespace

NumberMarks number_marks(const Locale& locale) {
  // The locale module writes the figures: ask it how it writes them
  // rather than knowing each language's marks here.
  const std::string written = locale::format_number(1234567.5, 1, locale);
  const size_t thousands = written.find("234");
  const size_t units = written.find("567");
  const std::string negative = locale::format_number(-1, 0, locale);
  NumberMarks marks;
  if (thousands != std::string::npos && units != std::string::npos) {
    marks.group = written.substr(1, thousands - 1);
    marks.decimal = written.substr(units + 3, written.size() - units - 4);
  }
  marks.minus = negative.substr(0, negative.find('1'));
  return marks;
}

std::optional<double> shown_number(std::string_view text,
                                   const NumberMarks& marks) {
  size_t at = 0;
  bool negative = false;
  // Before the first digit: a sign, a currency sign, a space.
  while (at < text.size() && !digit_at(text, at)) {
    if (text[at] == '-' || starts_with_at(text, at, "\u2212") ||
        starts_with_at(text, at, marks.minus)) {
      negative = true;
    }
    ++at;
  }
  if (at == text.size()) return std::nullopt;
  std::string figure;
  bool decimals = false;
  while (at < text.size()) {
    if (digit_at(text, at)) {
      figure += text[at++];
    } else if (!decimals && starts_with_at(text, at, marks.decimal) &&
               digit_at(text, at + marks.decimal.size())) {
      figure += '.';
      decimals = true;
      at += marks.decimal.size();
    } else if (!decimals && starts_with_at(text, at, marks.group) &&
               digit_at(text, at + marks.group.size())) {
      at += marks.group.size();
    } else {
      break;  // the unit, or another figure: "12,5 % (3)"
    }
  }
  double value = 0;
  const auto [end, error] =
      std::from_chars(figure.data(), figure.data() + figure.size(), value);
  if (error != std::errc() || end != figure.data() + figure.size())
    return std::nullopt;
  return negative ? -value : value;
}

void write_table(std::string& out, const TableBlock& table, HtmlContext& ctx) {
  const Locale& locale = ctx.render().locale;
  const NumberMarks marks = number_marks(locale);
  out += "<div class=\"block table-block\">\n";
  if (!table.title.empty()) out += "<h3>" + html_text(table.title) + "</h3>\n";
  // Hidden until the script that makes it work runs.
  const std::string filter = html_text(locale::text(locale, "html.filter"));
  const std::string label =
      table.title.empty() ? filter : filter + " " + html_text(table.title);
  out +=
      "<div class=\"table-tools\" hidden><input type=\"search\" "
      "placeholder=\"" +
      filter + "\" aria-label=\"" + label +
      "\"><span class=\"row-count\" aria-live=\"polite\"></span></div>\n";
  out += "<div class=\"table-scroll\"><table class=\"data\">\n";
  write_header(out, table, html_text(locale::text(locale, "html.sort")));
  out += "<tbody>\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& cells = table.rows[r];
    out += "<tr>";
    for (size_t c = 0; c < cells.size(); ++c) {
      const CellStyle* style =
          r < table.styles.size() && c < table.styles[r].size()
              ? &table.styles[r][c]
              : nullptr;
      write_cell(out, table, c, cells[c], style, marks);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n</div>\n";
}

}  // namespace vigie::render
