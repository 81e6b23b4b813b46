// A calendar month, the grain of report periods and of marketing spend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::table {

struct Month {
  int year = 0;
  unsigned month = 0;  // 1..12
  Month plus(int months) const;
  std::string iso() const;  // "2026-10"
  // As a month column stores it: year * 12 + (month - 1)
  // (vigie/sdk/calendar_month.hpp).
  int64_t code() const;
};

// "2026-10" -> October 2026 (four digits, a dash, two digits); nothing
// if malformed.
std::optional<Month> parse_month(const std::string& text);

// A value of a month column: "2026-10", or the first day of the month,
// "2026-10-01", as a DATE column holding months gives it. Any other day
// gives nothing: a month column holds months, not dates.
std::optional<Month> parse_month_value(std::string_view text);

}  // namespace vigie::table
