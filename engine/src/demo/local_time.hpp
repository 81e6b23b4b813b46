// Wall-clock time of the demo data: seconds since 1970-01-01 00:00 counted
// in the report's time zone (a "local" second count, not UTC), which makes
// daily and weekly patterns plain arithmetic. Only on output is a time that
// the zone skips (the spring-forward hour) moved to the end of the gap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "table/month.hpp"

namespace vigie::demo {

inline constexpr int64_t kMinute = 60;
inline constexpr int64_t kHour = 3600;
inline constexpr int64_t kDay = 86400;

using table::Month;

// Local seconds of the first instant of the month.
int64_t month_start(Month m);
// The month a local time falls in.
Month month_of(int64_t local_s);
// 0 = Monday ... 6 = Sunday.
int weekday_of(int64_t local_s);
inline int64_t day_of(int64_t local_s) {
  return local_s >= 0 ? local_s / kDay : (local_s - kDay + 1) / kDay;
}
inline int hour_of(int64_t local_s) {
  return static_cast<int>((local_s - day_of(local_s) * kDay) / kHour);
}

class LocalClock {
 public:
  // Knows the zone's skipped hours between the two local times.
  LocalClock(const std::string& time_zone, int64_t from, int64_t to);
  // "YYYY-MM-DDTHH:MM:SS", always a time that exists in the zone.
  std::string format(int64_t local_s) const;
  // The same 19 characters written to `out`, without allocating: the
  // writers print millions of them.
  void format_to(int64_t local_s, char* out) const;
  static constexpr size_t kTextSize = 19;

 private:
  struct Gap {
    int64_t start;  // first skipped local second
    int64_t end;    // first local second after the gap
  };
  std::vector<Gap> gaps_;
};

// "YYYY-MM".

}  // namespace vigie::demo
