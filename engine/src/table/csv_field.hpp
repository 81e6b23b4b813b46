// The CSV files the engine writes (the list CSVs, rejects.csv) follow
// RFC 4180: CRLF line ends, and a field quoted, with doubled quotes, only
// when it holds a separator, a quote or a line break.
#pragma once

#include <string>
#include <string_view>

#include "secrets/redactor.hpp"

namespace vigie::table {

inline constexpr std::string_view kCsvLineEnd = "\r\n";
// The byte order mark by which a spreadsheet recognises a UTF-8 CSV
// (without it, Excel reads the file in the machine's 8-bit code page).
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// How a CSV is written for the program that opens it: RFC 4180's ',' and
// '.', or what a French spreadsheet reads without an import dialog: ';'
// between fields, ',' in decimal numbers, and the byte order mark.
struct CsvDialect {
  char separator = ',';
  char decimal = '.';
  bool bom = false;
  bool operator==(const CsvDialect&) const = default;
};

// Secrets are hidden here, the one way a field of any CSV becomes text.
inline std::string csv_field(std::string_view raw, char separator = ',') {
  const std::string s = secrets::redact(raw);
  const char special[] = {separator, '"', '\r', '\n'};
  if (s.find_first_of(std::string_view(special, sizeof special)) ==
      std::string::npos)
    return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace vigie::table
