// Calendar months seen from a plugin that only knows UTC instants: the
// report's periods are local-time boundaries given in UTC, and the plugin
// is not told the time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigie/plugin.h"

namespace customer_base {

// The instant that stands for a month of a month column (its code,
// vigie/sdk/calendar_month.hpp): noon UTC on its 1st day. A month belongs
// to a period when this instant is in it; noon is inside the local 1st day
// for every time zone within 12 hours of UTC.
int64_t month_instant(int64_t month_code);

// The 13 boundaries b0 < ... < b12 = as_of of the 12 calendar months that
// end at as_of: b(k) is as_of moved back 12 - k months on the calendar
// (same day, clamped to the month's length, same time of day). A boundary
// within 3 hours of one of `periods`' starts or ends is replaced by it: the
// engine's periods are exact local month boundaries, which a UTC
// computation misses by the daylight-saving hour.
std::vector<int64_t> twelve_month_boundaries(
    int64_t as_of, std::span<const vigie_period> periods);

}  // namespace customer_base
