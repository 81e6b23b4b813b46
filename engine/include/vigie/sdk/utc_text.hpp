// An instant counted from 1970-01-01T00:00:00Z as the ISO 8601 text the
// engine reads as a UTC instant ("2020-11-01T00:54:33.036492Z"): the form a
// connector hands over for a timestamp given as a number (the GA4 export's
// microseconds, queue_log's epoch seconds). The `Z` keeps the report's time
// zone from shifting it. Written without the C library (no snprintf) and
// into a fixed buffer, since it runs once a row.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vigie::sdk {

struct UtcText {
  char chars[32];
  size_t size;
  std::string_view view() const { return {chars, size}; }
};

// What `count` counts: seconds ("2018-11-30T18:31:17Z") or microseconds
// (always six fraction digits: "...T18:31:17.000250Z").
enum class UtcUnit { kSeconds, kMicroseconds };

namespace detail {

inline char* put_digits(char* out, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

}  // namespace detail

// Nothing for an instant outside the years 0000 to 9999, which ISO text of
// four-digit years cannot hold.
inline std::optional<UtcText> utc_text(int64_t count, UtcUnit unit) {
  const int64_t per_second = unit == UtcUnit::kSeconds ? 1 : 1000000;
  constexpr int64_t kSecondsPerDay = 86400;
  // 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in seconds.
  constexpr int64_t kFirst = -62167219200;
  constexpr int64_t kEnd = 253402300800;
  if (count < kFirst * per_second || count >= kEnd * per_second)
    return std::nullopt;
  const int64_t per_day = kSecondsPerDay * per_second;
  // Floor division: an instant before 1970 belongs to the day before.
  int64_t days = count / per_day;
  int64_t of_day = count % per_day;
  if (of_day < 0) {
    of_day += per_day;
    --days;
  }
  const std::chrono::year_month_day date{
      std::chrono::sys_days{std::chrono::days{days}}};
  const int64_t seconds = of_day / per_second;
  UtcText text{};
  char* out = text.chars;
  using detail::put_digits;
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
  if (unit == UtcUnit::kMicroseconds) {
    *out++ = '.';
    out = put_digits(out, of_day % per_second, 6);
  }
  *out++ = 'Z';
  text.size = static_cast<size_t>(out - text.chars);
  return text;
}

}  // namespace vigie::sdk
