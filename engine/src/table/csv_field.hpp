// The CSV files the engine writes (the list CSVs, rejects.csv) follow
// RFC 4180: CRLF line ends, and a field quoted, with doubled quotes, only
// when it holds a separator, a quote or a line break.
#pragma once

#include <string>
#include <string_view>

#include "secrets/redactor.hpp"

namespace vigie::table {

inline constexpr std::string_view kCsvLineEnd = "\r\n";

// Secrets are hidden here, the one way a field of any CSV becomes text.
inline std::string csv_field(std::string_view raw) {
  const std::string s = secrets::redact(raw);
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace vigie::table
