#include "cdr_time.hpp"

namespace vigie::asterisk_cdr {
namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int64_t year, int64_t month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// The number written by text[at, at + width), all digits.
std::optional<int64_t> digits(std::string_view text, size_t at, size_t width) {
  int64_t value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool all_digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::optional<int64_t> parse_cdr_time(std::string_view text) {
  if (text.size() < kCdrTimeLength) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' ||
      (text[10] != ' ' && text[10] != 'T') || text[13] != ':' ||
      text[16] != ':')
    return std::nullopt;
  if (text.size() > kCdrTimeLength) {
    // Only a fraction of a second may follow.
    const std::string_view fraction = text.substr(kCdrTimeLength + 1);
    if (text[kCdrTimeLength] != '.' || fraction.empty() ||
        !all_digits(fraction))
      return std::nullopt;
  }
  auto year = digits(text, 0, 4), month = digits(text, 5, 2),
       day = digits(text, 8, 2), hour = digits(text, 11, 2),
       minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second)
    return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 ||
      *day > days_in_month(*year, *month) || *hour > 23 || *minute > 59 ||
      *second > 59)
    return std::nullopt;
  return days_from_civil(*year, *month, *day) * 86400 + *hour * 3600 +
         *minute * 60 + *second;
}

}  // namespace vigie::asterisk_cdr
