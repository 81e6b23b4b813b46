// The CSV files the engine writes (the list CSVs, rejects.csv) follow
// RFC 4180: CRLF line ends, and a field quoted, with doubled quotes, only
// when it holds a separator, a quote or a line break.
#pragma once

#include <string>
#include <string_view>

namespace vigie::table {

inline constexpr std::string_view kCsvLineEnd = "\r\n";

inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace vigie::table
