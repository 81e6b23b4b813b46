// What a scheduled run reports on: the days before its slot, reckoned from
// the slot's local wall-clock time (Slot::local), so that a run delayed by
// a daylight-saving gap or a catch-up covers the same days as on time.
#pragma once

#include <date/date.h>

#include <string>
#include <string_view>

namespace vigie::schedule {

enum class Covers {
  PreviousMonth,    // "previous_month": the calendar month before the slot's
  PreviousIsoWeek,  // "previous_week": the ISO week (Monday to Monday)
                    // before the slot's week
  PreviousDay,      // "previous_day": the day before the slot's date
  MonthToDate,      // "month_to_date": the 1st of the slot's month up to,
                    // not including, the slot's date; a slot on the 1st
                    // covers the whole previous month (an empty period
                    // would be no report, and the month just ended is what
                    // a run on the 1st has to tell)
};

// Throws std::invalid_argument listing the four names.
Covers parse_covers(std::string_view text);
std::string_view covers_name(Covers covers);

struct CoveredPeriod {
  date::local_days first;
  date::local_days end;  // exclusive

  bool operator==(const CoveredPeriod&) const = default;
};

CoveredPeriod covered_period(Covers covers, date::local_seconds slot_local);

// "2026-10" for an exact calendar month, "2026-W44" for an ISO week,
// "2026-10-31" for one day, "2026-11-01..2026-11-14" (both days included)
// otherwise.
std::string period_text(const CoveredPeriod& period);

}  // namespace vigie::schedule
