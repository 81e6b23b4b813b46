// The days a run covers, for each kind, across year ends and ISO week 53.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "schedule/covered_period.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using testing::local;

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / m / d};
}

// "first..end text" of what a slot at `slot` covers.
std::string covered(Covers covers, date::local_seconds slot) {
  CoveredPeriod p = covered_period(covers, slot);
  return date::format("%F", p.first) + " " + date::format("%F", p.end) + " " +
         period_text(p);
}

TEST(CoveredPeriod, NamesParseAndListThemWhenWrong) {
  EXPECT_EQ(parse_covers("previous_month"), Covers::PreviousMonth);
  EXPECT_EQ(parse_covers("previous_week"), Covers::PreviousIsoWeek);
  EXPECT_EQ(parse_covers("previous_day"), Covers::PreviousDay);
  EXPECT_EQ(parse_covers("month_to_date"), Covers::MonthToDate);
  for (Covers c : {Covers::PreviousMonth, Covers::PreviousIsoWeek,
                   Covers::PreviousDay, Covers::MonthToDate})
    EXPECT_EQ(parse_covers(covers_name(c)), c);
  try {
    parse_covers("last_month");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown period 'last_month': expected previous_month, "
              "previous_week, previous_day or month_to_date");
  }
}

TEST(CoveredPeriod, PreviousMonth) {
  EXPECT_EQ(covered(Covers::PreviousMonth, local(2026, 11, 1, 7)),
            "2026-10-01 2026-11-01 2026-10");
  EXPECT_EQ(covered(Covers::PreviousMonth, local(2026, 11, 30, 23, 59)),
            "2026-10-01 2026-11-01 2026-10");
  EXPECT_EQ(covered(Covers::PreviousMonth, local(2027, 1, 1)),
            "2026-12-01 2027-01-01 2026-12");
  EXPECT_EQ(covered(Covers::PreviousMonth, local(2028, 3, 1, 7)),
            "2028-02-01 2028-03-01 2028-02");
}

TEST(CoveredPeriod, PreviousIsoWeek) {
  // Wednesday 4 November 2026: the week of Monday 26 October.
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2026, 11, 4, 7)),
            "2026-10-26 2026-11-02 2026-W44");
  // On a Monday: the week that just ended.
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2026, 11, 2)),
            "2026-10-26 2026-11-02 2026-W44");
  // 2026 has 53 ISO weeks (1 January 2026 is a Thursday).
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2027, 1, 4, 7)),
            "2026-12-28 2027-01-04 2026-W53");
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2027, 1, 10, 23)),
            "2026-12-28 2027-01-04 2026-W53");
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2027, 1, 11)),
            "2027-01-04 2027-01-11 2027-W01");
  // Week 1 of 2026 begins in 2025.
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2026, 1, 5, 7)),
            "2025-12-29 2026-01-05 2026-W01");
  // 2027 has 52: its last week ends in 2028.
  EXPECT_EQ(covered(Covers::PreviousIsoWeek, local(2028, 1, 3)),
            "2027-12-27 2028-01-03 2027-W52");
}

TEST(CoveredPeriod, PreviousDay) {
  EXPECT_EQ(covered(Covers::PreviousDay, local(2026, 11, 1, 7)),
            "2026-10-31 2026-11-01 2026-10-31");
  EXPECT_EQ(covered(Covers::PreviousDay, local(2027, 1, 1)),
            "2026-12-31 2027-01-01 2026-12-31");
  EXPECT_EQ(covered(Covers::PreviousDay, local(2028, 3, 1, 6)),
            "2028-02-29 2028-03-01 2028-02-29");
}

TEST(CoveredPeriod, MonthToDate) {
  EXPECT_EQ(covered(Covers::MonthToDate, local(2026, 11, 15, 7)),
            "2026-11-01 2026-11-15 2026-11-01..2026-11-14");
  EXPECT_EQ(covered(Covers::MonthToDate, local(2026, 11, 2, 7)),
            "2026-11-01 2026-11-02 2026-11-01");
  // On the 1st: the whole previous month, across the year end too.
  EXPECT_EQ(covered(Covers::MonthToDate, local(2026, 11, 1, 7)),
            "2026-10-01 2026-11-01 2026-10");
  EXPECT_EQ(covered(Covers::MonthToDate, local(2027, 1, 1, 7)),
            "2026-12-01 2027-01-01 2026-12");
}

TEST(CoveredPeriod, TextOfOtherSpans) {
  EXPECT_EQ(period_text({day(2026, 2, 1), day(2026, 2, 28)}),
            "2026-02-01..2026-02-27");
  // Seven days not from a Monday are not an ISO week.
  EXPECT_EQ(period_text({day(2026, 10, 27), day(2026, 11, 3)}),
            "2026-10-27..2026-11-02");
  // Two calendar months are not one.
  EXPECT_EQ(period_text({day(2026, 9, 1), day(2026, 11, 1)}),
            "2026-09-01..2026-10-31");
}

}  // namespace
}  // namespace vigie::schedule
