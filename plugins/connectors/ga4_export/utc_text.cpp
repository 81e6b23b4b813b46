#include "utc_text.hpp"

#include <chrono>

namespace vigie::ga4 {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kMicrosPerDay = kSecondsPerDay * kMicrosPerSecond;
// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z.
constexpr int64_t kFirstMicros = -62167219200 * kMicrosPerSecond;
constexpr int64_t kEndMicros = 253402300800 * kMicrosPerSecond;

// Writes `value` as exactly `width` decimal digits.
char* put_digits(char* out, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

}  // namespace

std::optional<UtcText> utc_text(int64_t micros) {
  if (micros < kFirstMicros || micros >= kEndMicros) return std::nullopt;
  // Floor division: an instant before 1970 belongs to the day before.
  int64_t days = micros / kMicrosPerDay;
  int64_t of_day = micros % kMicrosPerDay;
  if (of_day < 0) {
    of_day += kMicrosPerDay;
    --days;
  }
  const std::chrono::year_month_day date{
      std::chrono::sys_days{std::chrono::days{days}}};
  const int64_t seconds = of_day / kMicrosPerSecond;
  UtcText text{};
  char* out = text.chars;
  out = put_digits(out, static_cast<int>(date.year()), 4);
  *out++ = '-';
  out = put_digits(out, static_cast<unsigned>(date.month()), 2);
  *out++ = '-';
  out = put_digits(out, static_cast<unsigned>(date.day()), 2);
  *out++ = 'T';
  out = put_digits(out, seconds / 3600, 2);
  *out++ = ':';
  out = put_digits(out, seconds / 60 % 60, 2);
  *out++ = ':';
  out = put_digits(out, seconds % 60, 2);
  *out++ = '.';
  out = put_digits(out, of_day % kMicrosPerSecond, 6);
  *out++ = 'Z';
  return text;
}

}  // namespace vigie::ga4
