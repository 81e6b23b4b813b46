// An epoch as the ISO text the engine reads as a UTC instant.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace vigie::queue_log {

// 1543602677 -> "2018-11-30T18:31:17Z". queue_log epochs are UTC whatever
// the PBX's zone, hence the `Z`: the report's time zone does not shift
// them. `epoch` is at least 0 and at most 9999-12-31T23:59:59Z.
inline std::string utc_text(int64_t epoch) {
  using namespace std::chrono;
  const sys_seconds instant{seconds{epoch}};
  const sys_days day = floor<days>(instant);
  const year_month_day date{day};
  const hh_mm_ss time{instant - day};
  char text[32];
  std::snprintf(
      text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ",
      static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
      static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()),
      static_cast<int>(time.seconds().count()));
  return text;
}

}  // namespace vigie::queue_log
