#include "table/month.hpp"

#include <cstdio>

namespace vigie::table {

Month Month::plus(int months) const {
  const int index = year * 12 + static_cast<int>(month) - 1 + months;
  // Floor division, so that months before year 0 stay in 1..12.
  const int y = index >= 0 ? index / 12 : (index - 11) / 12;
  return {y, static_cast<unsigned>(index - y * 12) + 1};
}

std::string Month::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", year, month);
  return text;
}

std::optional<Month> parse_month(const std::string& text) {
  int y = 0;
  unsigned m = 0;
  char dash = 0;
  if (text.size() != 7 ||
      std::sscanf(text.c_str(), "%4d%c%2u", &y, &dash, &m) != 3 ||
      dash != '-' || m < 1 || m > 12)
    return std::nullopt;
  return Month{y, m};
}

}  // namespace vigie::table
