// A 5-field cron expression ("0 7 1 * *") read and matched against local
// wall-clock minutes.
//
// Why hand-written: Debian 12 packages no C or C++ cron library
// (STACK-NOTES.md), so the parser is here, kept small and fully tested
// (tests/unit/schedule/cron_parse_test.cpp, cron_next_test.cpp).
//
// The syntax is Vixie cron's (cronie's), without its extensions:
// - five fields separated by spaces or tabs: minute (0-59), hour (0-23),
//   day-of-month (1-31), month (1-12 or JAN..DEC), day-of-week (0-7 or
//   SUN..SAT, 0 and 7 both Sunday);
// - each field a comma list of `*`, `N`, `A-B`, `*/S`, `A-B/S` and `N/S`
//   (= N to the field's maximum, every S); names are case-insensitive and
//   allowed in ranges; in a day-of-week range, SUN written last means 7, so
//   `MON-SUN` is the whole week (and `SUN-SUN` is Sunday);
// - or one macro: @yearly (@annually), @monthly, @weekly, @daily
//   (@midnight), @hourly;
// - no `L`, `W`, `#` or `?`, no @reboot, no seconds field.
//
// Day-of-month and day-of-week combine as in Vixie cron: when either field
// is written starting with `*` (`*`, `*/2`), a day must match both; when
// both are restricted (`1,15` and `MON`), a day matches when EITHER does.
// So `0 0 1,15 * MON` runs on the 1st, the 15th and every Monday, while
// `0 0 */1 * MON` runs on Mondays only.
//
// Every error is a CronError naming the 1-based column inside the
// expression, so that the spec reader can turn it into file:line:column.
#pragma once

// date.h itself, not table/date_tz.hpp: this module depends on date/tz and
// fmt only; the GCC warning date.h sets off is silenced for every target of
// the project by vigie_warnings().
#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::schedule {

// A cron expression that cannot be read; what() says what was expected.
struct CronError : std::invalid_argument {
  CronError(const std::string& message, int column_in_expression)
      : std::invalid_argument(message), column(column_in_expression) {}
  int column;  // 1-based, inside the expression text
};

// The outcome of one search for the next matching minute, with the number
// of steps it took (a step jumps to the next month, day or hour that may
// match, or lands on a match), so that tests can bound the work.
struct NextSearch {
  std::optional<date::local_seconds> found;
  int steps = 0;
};

class CronExpression {
 public:
  // Reads `text`; throws CronError. An expression that can never run
  // (`0 0 30 2 *`: no 30 February) is refused here.
  static CronExpression parse(std::string_view text);

  // True when the minute of `t` (seconds ignored) matches.
  bool matches(date::local_seconds t) const;

  // The expression as written, fields separated by one space.
  const std::string& text() const { return text_; }

  // The first matching local minute strictly after `after`, or nothing when
  // none comes within kSearchYears. Every expression parse() accepts runs at
  // least once in any 40 years (the worst is 29 February on one weekday,
  // e.g. `0 0 29 2 */7`: 2032, then 2060, across 2100 up to 40 years), so
  // the bound only stops a search that could not end. It is not a few
  // years: `0 0 29 2 */7` asked in 2026 first runs in 2032.
  std::optional<date::local_seconds> next_local(
      date::local_seconds after) const;

  // The same, searching no later than `not_after`, with its cost.
  NextSearch search_next(date::local_seconds after,
                         date::local_seconds not_after) const;

  static constexpr int kSearchYears = 50;

 private:
  CronExpression() = default;  // only parse() makes one

  // Whether a day runs, by the Vixie rule (weekday 0 is Sunday).
  bool day_matches(unsigned day_of_month, unsigned weekday) const;
  // Bit d set for each day d of the month that runs.
  uint32_t day_mask(date::year year, date::month month) const;

  std::string text_;
  uint64_t minutes_ = 0;     // bit m: minute m
  uint32_t hours_ = 0;       // bit h: hour h
  uint32_t days_ = 0;        // bit d: day of month d (1-31)
  uint16_t months_ = 0;      // bit m: month m (1-12)
  uint8_t weekdays_ = 0;     // bit w: weekday w (0 Sunday .. 6 Saturday)
  bool either_day_ = false;  // both day fields restricted: OR, else AND
};

}  // namespace vigie::schedule
