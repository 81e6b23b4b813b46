// A calendar month as the engine stores a month column (the canonical
// kind "month", e.g. marketing_spend.month; docs/data-model.md): an int64,
// year * 12 + (month - 1). 2026-10 is 2026 * 12 + 9 = 24321; consecutive
// months are consecutive numbers, so a range of months is a range of ints.
#pragma once

#include <cstdint>

namespace vigie::sdk {

struct CalendarMonth {
  int64_t year = 0;
  unsigned month = 0;  // 1..12
};

constexpr int64_t month_code(int64_t year, unsigned month) {
  return year * 12 + static_cast<int64_t>(month) - 1;
}

constexpr CalendarMonth calendar_month(int64_t code) {
  // Floor division, so that months before year 0 stay in 1..12.
  const int64_t year = code >= 0 ? code / 12 : (code - 11) / 12;
  return {year, static_cast<unsigned>(code - year * 12) + 1};
}

}  // namespace vigie::sdk
