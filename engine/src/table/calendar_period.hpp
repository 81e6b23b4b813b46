// A calendar period of a report's grain: a month, an ISO week (Monday to
// Monday) or a day, as local days of the report's time zone. One place
// for the calendar arithmetic and the period ids that kpis.json, --period
// and the scheduler share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "table/date_tz.hpp"

namespace vigie::table {

enum class Grain { Month, Week, Day };

// "month", "week", "day".
std::string_view grain_name(Grain grain);

// How a period id of the grain is written: "YYYY-MM", "YYYY-Www",
// "YYYY-MM-DD".
std::string_view id_pattern(Grain grain);

struct CalendarPeriod {
  Grain grain = Grain::Month;
  date::local_days first;  // its first day

  date::local_days end() const;  // the first day after it
  // The period `n` periods later (earlier when n < 0).
  CalendarPeriod plus(int n) const;
  // "2026-10", "2026-W44" (the ISO week-numbering year and week),
  // "2026-10-31".
  std::string id() const;
  // The same period a year before: the same month, the same ISO week
  // number (week 53 becomes 52 in a year of 52 weeks), the same date
  // (29 February becomes the 28th).
  CalendarPeriod a_year_before() const;

  bool operator==(const CalendarPeriod&) const = default;
};

// The period of the grain that holds `day`.
CalendarPeriod period_of(Grain grain, date::local_days day);

// The period an id names, in the grain's pattern; nothing when it does not
// follow it or names no such period ("2026-13", "2026-W54", "2025-02-29").
std::optional<CalendarPeriod> parse_period_id(Grain grain,
                                              std::string_view text);

}  // namespace vigie::table
