#include "demo/activity.hpp"

#include <algorithm>

#include "demo/local_time.hpp"

namespace vigie::demo {

namespace {
// January .. December, and Monday .. Sunday.
constexpr std::array<double, 12> kMonthFactor = {
    0.95, 0.85, 0.95, 1.0, 1.0, 0.9, 0.75, 0.65, 0.95, 1.05, 1.35, 1.55};
constexpr std::array<double, 7> kWeekdayFactor = {0.95, 0.95, 1.0, 1.0,
                                                  1.05, 1.2,  0.85};
}  // namespace

const HourProfile kWebHours = {1,   0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5,
                               3.5, 4,   4.2, 4.5, 5.5, 5.2, 4.3, 4.2,
                               4.4, 4.8, 5.5, 6.5, 7,   6.5, 4.5, 2.2};
const HourProfile kStoreHours = {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 7,
                                 6, 5, 6, 7, 8, 9, 8, 4, 0, 0, 0, 0};
const HourProfile kCallHours = {0, 0, 0, 0, 0, 0, 0, 0, 6, 9, 10, 9,
                                6, 6, 8, 8, 7, 6, 5, 4, 2, 0, 0,  0};

double season_factor(int64_t local_s) {
  Month m = month_of(local_s);
  return kMonthFactor[static_cast<size_t>(m.month - 1)] *
         kWeekdayFactor[static_cast<size_t>(weekday_of(local_s))];
}

int64_t draw_day(Rng& rng, int64_t from, int64_t to) {
  int64_t first = day_of(from);
  int64_t days = std::max<int64_t>(1, day_of(to - 1) - first + 1);
  for (;;) {
    int64_t day = (first + rng.below(days)) * kDay;
    if (rng.uniform() * kMaxSeasonFactor < season_factor(day)) return day;
  }
}

int64_t time_in_day(Rng& rng, int64_t day_start, const HourProfile& hours) {
  auto hour = static_cast<int64_t>(rng.pick(hours));
  return day_start + hour * kHour + rng.below(kHour);
}

int64_t draw_time(Rng& rng, int64_t from, int64_t to,
                  const HourProfile& hours) {
  int64_t t = time_in_day(rng, draw_day(rng, from, to), hours);
  return std::clamp(t, from, to - 1);
}

}  // namespace vigie::demo
