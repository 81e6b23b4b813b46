// The report's periods: calendar months, ISO weeks or days in the report's
// time zone, turned into UTC instants once, here, so that indicators only
// compare integers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "table/calendar_period.hpp"

namespace vigie::compute {

using table::CalendarPeriod;
using table::Grain;

struct Period {
  std::string id;           // "2026-10", "2026-W44", "2026-10-31"
  int64_t start_us = 0;     // local midnight of its first day, as UTC
  int64_t end_us = 0;       // local midnight of the day after its last
  std::string label;        // "octobre 2026" / "week 44 (26 Oct – 1 Nov
                            // 2026)" / "31 October 2026"
  std::string short_label;  // "oct. 26" / "W44" / "31 Oct"
};

// Every period of a report lies in these years: wide enough for any
// business history, narrow enough that a typo ("0202-10") or an absurd
// plan is refused rather than computed.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;

// The report period P from the command line: --period (an id of the
// report's grain, YYYY-MM, YYYY-Www or YYYY-MM-DD) wins; else --as-of
// YYYY-MM-DD gives the last full period before that day; else the last
// full period before today in the time zone. Throws std::invalid_argument
// for an empty or malformed value, or a year outside
// kFirstYear..kLastYear.
CalendarPeriod report_period(Grain grain,
                             const std::optional<std::string>& period,
                             const std::optional<std::string>& as_of,
                             const std::string& time_zone);

// The periods as instants and names, in the order given (oldest first).
// Throws std::invalid_argument when one of them falls outside
// kFirstYear..kLastYear.
std::vector<Period> calendar_periods(std::span<const CalendarPeriod> periods,
                                     const std::string& time_zone,
                                     const std::string& locale);

}  // namespace vigie::compute
