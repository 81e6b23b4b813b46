// The blocks of a Document as HTML, for html_report.cpp: tiles, tables and
// notes as real HTML (text a reader can select, copy, search, sort), the
// charts as the very drawing of the PDF, an inline <svg> each.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "render/document.hpp"
#include "render/flow.hpp"
#include "render/xml_text.hpp"
#include "secrets/redactor.hpp"

namespace vigie::render {

// What every block's HTML needs besides its own data.
class HtmlContext {
 public:
  explicit HtmlContext(const RenderContext& render) : render_(render) {}

  const RenderContext& render() const { return render_; }
  // A prefix for the ids a piece of the page defines ("b3-"): counted in
  // document order, so that the same Document gives the same ids.
  std::string next_id(std::string_view kind) {
    return fmt::format("{}{}-", kind, ++ids_);
  }

 private:
  const RenderContext& render_;
  int ids_ = 0;
};

// A text of the Document as HTML text or attribute value: a secret that
// reached it hidden as on the PDF (secrets::redact), the markup
// characters escaped.
inline std::string html_text(std::string_view text) {
  return xml_escaped(secrets::redact(text));
}

// A status as the class report.css colours it by (a tile's accent and
// badge, a table cell's tint); empty for none.
inline const char* status_class(Status status) {
  switch (status) {
    case Status::Ok:
      return "ok";
    case Status::Warning:
      return "warning";
    case Status::Alert:
      return "alert";
    case Status::None:
      break;
  }
  return "";
}

// How the report's locale writes a figure: its grouping, its decimal mark
// and its minus sign, as locale/number_format.hpp writes them.
struct NumberMarks {
  std::string group;
  std::string decimal;
  std::string minus;
};
NumberMarks number_marks(const Locale& locale);

// The figure a formatted cell shows, which a numeric column sorts by:
// "−1 234,50 €" is -1234.5, "5,8 %" is 5.8; nothing for a cell without
// digits ("n/a"). The first figure only: "12 (3 %)" is 12.
std::optional<double> shown_number(std::string_view text,
                                   const NumberMarks& marks);

// Each appends the block's HTML to `out`.
void write_tile_row(std::string& out, const TileRow& row, HtmlContext& ctx);
void write_table(std::string& out, const TableBlock& table, HtmlContext& ctx);
void write_note(std::string& out, const Note& note);
// Any chart (every Block but tiles, tables and notes): laid out alone by
// the PDF's code, written as an <svg> cropped to it.
void write_chart(std::string& out, const Block& chart, std::string_view title,
                 HtmlContext& ctx);

}  // namespace vigie::render
