// A calendar month, the grain of report periods and of marketing spend.
#pragma once

#include <optional>
#include <string>

namespace vigie::table {

struct Month {
  int year = 0;
  unsigned month = 0;  // 1..12
  Month plus(int months) const;
  std::string iso() const;  // "2026-10"
};

// "2026-10" -> October 2026 (four digits, a dash, two digits); nothing
// if malformed.
std::optional<Month> parse_month(const std::string& text);

}  // namespace vigie::table
