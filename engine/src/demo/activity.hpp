// When things happen: the yearly shape (November-December peak, summer
// dip), the weekly shape and the hours of the day, shared by every kind of
// activity of the demo data so that their KPIs move together.
#pragma once

#include <array>
#include <cstdint>

#include "demo/random.hpp"

namespace vigie::demo {

// Relative activity of the day of a local time (month and weekday).
double season_factor(int64_t local_s);
inline constexpr double kMaxSeasonFactor = 1.55 * 1.2;

// Weights of the 24 hours of a day.
using HourProfile = std::array<double, 24>;
extern const HourProfile kWebHours;
extern const HourProfile kStoreHours;
extern const HourProfile kCallHours;

// A local day start in [from, to), drawn by season_factor (thinning).
int64_t draw_day(Rng& rng, int64_t from, int64_t to);
// A time in that day, hour by the profile, minute and second uniform.
int64_t time_in_day(Rng& rng, int64_t day_start, const HourProfile& hours);
// Both at once, the result kept inside [from, to).
int64_t draw_time(Rng& rng, int64_t from, int64_t to, const HourProfile& hours);

}  // namespace vigie::demo
