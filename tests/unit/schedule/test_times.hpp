// Short ways to write the local and UTC minutes the schedule tests use.
#pragma once

#include <date/date.h>

#include <chrono>
#include <string>

namespace vigie::schedule::testing {

inline date::local_seconds local(int y, unsigned m, unsigned d, int h = 0,
                                 int mi = 0) {
  return date::local_days{date::year{y} / m / d} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

inline std::chrono::sys_seconds utc(int y, unsigned m, unsigned d, int h = 0,
                                    int mi = 0) {
  return date::sys_days{date::year{y} / m / d} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

inline std::string text(date::local_seconds t) {
  return date::format("%F %R", t);
}
inline std::string text(std::chrono::sys_seconds t) {
  return date::format("%F %RZ", t);
}

}  // namespace vigie::schedule::testing
