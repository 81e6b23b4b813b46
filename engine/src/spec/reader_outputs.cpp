#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include "spec/substitute.hpp"

namespace vigie::spec {
namespace {

// The characters a separator may be: those spreadsheets offer. A letter,
// a digit, a quote or a line break would make the file unreadable.
constexpr std::string_view kSeparators = ",;|\t";

}  // namespace

CsvFormat SpecReader::read_csv_format(const Cursor& at) {
  CsvFormat format;
  if (!doc_.expect_map(at, "a map with separator, decimal and bom"))
    return format;
  Fields f(doc_, at, {"separator", "decimal", "bom"});
  if (auto separator_at = f.optional("separator"))
    if (auto t = doc_.text(*separator_at)) {
      if (t->value.size() == 1 &&
          kSeparators.find(t->value[0]) != std::string_view::npos)
        format.separator = t->value[0];
      else
        doc_.error(*separator_at,
                   fmt::format("expected ',', ';', '|' or \"\\t\" (a tab), "
                               "got {}",
                               doc_.quote(*separator_at, *t)));
    }
  if (auto decimal_at = f.optional("decimal"))
    if (auto t = doc_.text(*decimal_at)) {
      if (t->value == "." || t->value == ",")
        format.decimal = t->value[0];
      else
        doc_.error(*decimal_at, fmt::format("expected '.' or ',', got {}",
                                            doc_.quote(*decimal_at, *t)));
      // Only ',' can be both.
      if (format.decimal && format.decimal == format.separator)
        doc_.error(*decimal_at,
                   "',' is also the separator: a spreadsheet would split "
                   "every number in two; with decimal: ',' use separator: "
                   "';'");
    }
  if (auto bom_at = f.optional("bom")) format.bom = doc_.boolean(*bom_at);
  return format;
}

Outputs SpecReader::read_outputs(const Cursor& at) {
  Outputs outputs;
  if (!doc_.expect_map(at)) return outputs;
  Fields f(doc_, at,
           {"pdf", "svg", "png", "png_dpi", "html", "json", "lists",
            "lists_xlsx", "lists_csv", "raw_customer_id",
            "raw_customer_id_reason", "hmac_key_env"});
  doc_.assign(outputs.pdf, f.optional("pdf"));
  doc_.assign(outputs.svg, f.optional("svg"));
  doc_.assign(outputs.png, f.optional("png"));
  if (auto d = f.optional("png_dpi")) {
    doc_.assign(outputs.png_dpi, d);
    // 24 dpi is a thumbnail; past 600 a page is 5000 by 7000 pixels and
    // more, which a preview never needs.
    if (outputs.png_dpi < 24 || outputs.png_dpi > 600)
      doc_.error(*d, "expected a resolution between 24 and 600 dpi");
  }
  doc_.assign(outputs.html, f.optional("html"));
  doc_.assign(outputs.json, f.optional("json"));
  doc_.assign(outputs.lists, f.optional("lists"));
  doc_.assign(outputs.lists_xlsx, f.optional("lists_xlsx"));
  if (auto csv = f.optional("lists_csv"))
    outputs.lists_csv = read_csv_format(*csv);
  auto raw_at = f.optional("raw_customer_id");
  doc_.assign(outputs.raw_customer_id, raw_at);
  doc_.assign(outputs.raw_customer_id_reason,
              f.optional("raw_customer_id_reason"));
  if (outputs.raw_customer_id &&
      outputs.raw_customer_id_reason.find_first_not_of(" \t\n") ==
          std::string::npos)
    doc_.error(*raw_at,
               "raw_customer_id: true needs raw_customer_id_reason: why "
               "the lists must carry raw customer ids rather than their "
               "keyed hash");
  if (auto h = f.optional("hmac_key_env")) {
    doc_.assign(outputs.hmac_key_env, h);
    if (!is_variable_name(outputs.hmac_key_env))
      doc_.error(*h,
                 "expected the name of an environment variable (letters, "
                 "digits and '_')");
  }
  return outputs;
}

}  // namespace vigie::spec
