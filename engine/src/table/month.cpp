#include "table/month.hpp"

#include <cstdio>

#include "vigie/sdk/calendar_month.hpp"

namespace vigie::table {

Month Month::plus(int months) const {
  const auto m = sdk::calendar_month(code() + months);
  return {static_cast<int>(m.year), m.month};
}

int64_t Month::code() const { return sdk::month_code(year, month); }

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

std::optional<Month> parse_month_value(std::string_view text) {
  if (text.size() == 10 && text.substr(7) == "-01")
    return parse_month(std::string(text.substr(0, 7)));
  return parse_month(std::string(text));
}

}  // namespace vigie::table
