// Months, ISO weeks and days: ids, steps, a year back, and parsing, at the
// edges where calendars trip (week 53, week 1 in December, 29 February).
#include <gtest/gtest.h>

#include "table/calendar_period.hpp"

namespace vigie::table {
namespace {

using date::days;

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

TEST(CalendarPeriod, IdsOfEachGrain) {
  EXPECT_EQ(period_of(Grain::Month, day(2026, 10, 31)).id(), "2026-10");
  EXPECT_EQ(period_of(Grain::Week, day(2026, 10, 31)).id(), "2026-W44");
  EXPECT_EQ(period_of(Grain::Day, day(2026, 10, 31)).id(), "2026-10-31");
  // 29 December 2025 is a Monday of week 1 of 2026 (the week of 1 January
  // 2026, a Thursday); 1 January 2027 (a Friday) is in week 53 of 2026.
  EXPECT_EQ(period_of(Grain::Week, day(2025, 12, 29)).id(), "2026-W01");
  EXPECT_EQ(period_of(Grain::Week, day(2027, 1, 1)).id(), "2026-W53");
  EXPECT_EQ(period_of(Grain::Week, day(2027, 1, 4)).id(), "2027-W01");
}

TEST(CalendarPeriod, AWeekRunsMondayToMonday) {
  const auto w = period_of(Grain::Week, day(2026, 11, 1));  // a Sunday
  EXPECT_EQ(w.first, day(2026, 10, 26));
  EXPECT_EQ(w.end(), day(2026, 11, 2));
  EXPECT_EQ(w.plus(-1).id(), "2026-W43");
  EXPECT_EQ(w.plus(10).id(), "2027-W01");  // 2026 has 53 weeks
}

TEST(CalendarPeriod, MonthsStepOverYearsAndLengths) {
  const auto jan = period_of(Grain::Month, day(2027, 1, 15));
  EXPECT_EQ(jan.plus(-2).id(), "2026-11");
  EXPECT_EQ(jan.plus(1).end(), day(2027, 3, 1));  // February of 28 days
  EXPECT_EQ(period_of(Grain::Day, day(2028, 2, 28)).plus(1).id(), "2028-02-29");
}

TEST(CalendarPeriod, AYearBefore) {
  EXPECT_EQ(parse_period_id(Grain::Month, "2026-10")->a_year_before().id(),
            "2025-10");
  EXPECT_EQ(parse_period_id(Grain::Week, "2026-W44")->a_year_before().id(),
            "2025-W44");
  // 2025 has 52 weeks: week 53 of 2026 compares with week 52 of 2025.
  EXPECT_EQ(parse_period_id(Grain::Week, "2026-W53")->a_year_before().id(),
            "2025-W52");
  EXPECT_EQ(parse_period_id(Grain::Day, "2026-10-31")->a_year_before().id(),
            "2025-10-31");
  EXPECT_EQ(parse_period_id(Grain::Day, "2028-02-29")->a_year_before().id(),
            "2027-02-28");
}

TEST(CalendarPeriod, ParsingTakesOnlyRealPeriodsOfTheGrain) {
  EXPECT_EQ(parse_period_id(Grain::Week, "2026-W44")->first, day(2026, 10, 26));
  EXPECT_EQ(parse_period_id(Grain::Week, "2026-W01")->first, day(2025, 12, 29));
  EXPECT_TRUE(parse_period_id(Grain::Week, "2026-W53"));
  EXPECT_FALSE(parse_period_id(Grain::Week, "2025-W53"));  // 52 weeks
  EXPECT_FALSE(parse_period_id(Grain::Week, "2026-W00"));
  EXPECT_FALSE(parse_period_id(Grain::Week, "2026-44"));
  EXPECT_FALSE(parse_period_id(Grain::Week, "2026-w44"));
  EXPECT_FALSE(parse_period_id(Grain::Month, "2026-13"));
  EXPECT_FALSE(parse_period_id(Grain::Month, "2026-10-01"));
  EXPECT_FALSE(parse_period_id(Grain::Month, "+026-10"));
  EXPECT_TRUE(parse_period_id(Grain::Day, "2028-02-29"));
  EXPECT_FALSE(parse_period_id(Grain::Day, "2026-02-29"));
  EXPECT_FALSE(parse_period_id(Grain::Day, "2026-10-32"));
  EXPECT_FALSE(parse_period_id(Grain::Day, "2026-10"));
  EXPECT_FALSE(parse_period_id(Grain::Day, "2026-10-3 "));
}

TEST(CalendarPeriod, EveryWeekOfTwoCenturiesRoundTrips) {
  // Each week's id parses back to it, and consecutive weeks are 7 days
  // apart: no week is skipped or doubled at a year's turn.
  auto w = period_of(Grain::Week, day(1990, 1, 1));
  for (int i = 0; i < 200 * 53; ++i) {
    const auto next = w.plus(1);
    ASSERT_EQ(next.first - w.first, days{7});
    ASSERT_EQ(parse_period_id(Grain::Week, w.id()), w) << w.id();
    w = next;
  }
}

}  // namespace
}  // namespace vigie::table
