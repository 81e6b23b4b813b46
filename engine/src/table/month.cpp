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
  // Digits only: sscanf's %d would also take "-474-11" or "+202-10".
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (!digit(i)) return std::nullopt;
  auto number = [&](std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i)
      n = n * 10 + text[i] - '0';
    return n;
  };
  const int m = number(5, 2);
  if (m < 1 || m > 12) return std::nullopt;
  return Month{number(0, 4), static_cast<unsigned>(m)};
}

}  // namespace vigie::table
