// The next matching local minute: month ends, 29 February, the Vixie rule
// for the two day fields, and the bounded, skipping search.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "schedule/cron.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::local;
using testing::text;

std::string next_text(const std::string& expression, date::local_seconds t) {
  auto next = CronExpression::parse(expression).next_local(t);
  return next ? text(*next) : "none";
}

// The days of the month `y`-`m` on which the expression runs.
std::vector<int> run_days(const std::string& expression, int y, unsigned m) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> days;
  auto t = local(y, m, 1) - seconds{1};
  auto end = date::local_days{(date::year{y} / m + date::months{1}) / 1};
  while (auto next = cron.next_local(t)) {
    if (*next >= end) break;
    days.push_back(static_cast<int>(
        unsigned(date::year_month_day{date::floor<date::days>(*next)}.day())));
    t = *next;
  }
  return days;
}

using V = std::vector<int>;

TEST(CronNext, StrictlyAfter) {
  EXPECT_EQ(next_text("0 7 1 * *", local(2026, 1, 15)), "2026-02-01 07:00");
  EXPECT_EQ(next_text("0 7 1 * *", local(2026, 2, 1, 7)), "2026-03-01 07:00");
  EXPECT_EQ(next_text("0 7 1 * *", local(2026, 2, 1, 7) - seconds{1}),
            "2026-02-01 07:00");
  // 07:00:30 is inside the 07:00 minute, which has begun: the next one.
  EXPECT_EQ(next_text("0 7 1 * *", local(2026, 2, 1, 7) + seconds{30}),
            "2026-03-01 07:00");
  EXPECT_EQ(next_text("*/15 * * * *", local(2026, 12, 31, 23, 50)),
            "2027-01-01 00:00");
  EXPECT_EQ(next_text("30 2 * * *", local(2026, 3, 1, 2, 30)),
            "2026-03-02 02:30");
  EXPECT_EQ(next_text("59 23 31 12 *", local(2026, 1, 1)), "2026-12-31 23:59");
}

TEST(CronNext, The31stIsSkippedInShorterMonths) {
  CronExpression cron = CronExpression::parse("0 0 31 * *");
  std::vector<std::string> runs;
  auto t = local(2026, 1, 1);
  while (auto next = cron.next_local(t)) {
    if (*next >= local(2027, 1, 1)) break;
    runs.push_back(text(*next));
    t = *next;
  }
  EXPECT_EQ(runs,
            (std::vector<std::string>{"2026-01-31 00:00", "2026-03-31 00:00",
                                      "2026-05-31 00:00", "2026-07-31 00:00",
                                      "2026-08-31 00:00", "2026-10-31 00:00",
                                      "2026-12-31 00:00"}));
  EXPECT_EQ(next_text("0 0 30 * *", local(2026, 1, 30)), "2026-03-30 00:00");
}

TEST(CronNext, The29thOfFebruaryWaitsForALeapYear) {
  EXPECT_EQ(next_text("0 0 29 2 *", local(2026, 1, 1)), "2028-02-29 00:00");
  EXPECT_EQ(next_text("0 0 29 2 *", local(2028, 2, 29)), "2032-02-29 00:00");
  // 2100 is not a leap year.
  EXPECT_EQ(next_text("0 0 29 2 *", local(2097, 1, 1)), "2104-02-29 00:00");
}

// July 2026 begins on a Wednesday; its Mondays are 6, 13, 20, 27.
TEST(CronNext, BothDayFieldsRestrictedMeansEither) {
  EXPECT_EQ(run_days("0 0 1,15 * MON", 2026, 7), V({1, 6, 13, 15, 20, 27}));
  // Not "the first Monday": days 1 to 7, and every Monday.
  EXPECT_EQ(run_days("0 0 1-7 * MON", 2026, 7),
            V({1, 2, 3, 4, 5, 6, 7, 13, 20, 27}));
}

TEST(CronNext, AFieldStartingWithStarMeansBoth) {
  EXPECT_EQ(run_days("0 0 * * MON", 2026, 7), V({6, 13, 20, 27}));
  // `*/1` covers every day like `*`, and starts with '*': AND.
  EXPECT_EQ(run_days("0 0 */1 * MON", 2026, 7), V({6, 13, 20, 27}));
  // Odd days that are Mondays.
  EXPECT_EQ(run_days("0 0 */2 * MON", 2026, 7), V({13, 27}));
  EXPECT_EQ(run_days("0 0 1,15 * *", 2026, 7), V({1, 15}));
  EXPECT_EQ(run_days("0 0 1,15 * */1", 2026, 7), V({1, 15}));
  EXPECT_EQ(run_days("0 0 1-7 * */7", 2026, 7), V({5}));  // first Sunday
}

TEST(CronNext, MonthlyAtSevenAcrossAYear) {
  CronExpression cron = CronExpression::parse("0 7 1 * *");
  auto t = local(2025, 12, 31);
  for (unsigned m = 1; m <= 12; ++m) {
    auto next = cron.next_local(t);
    ASSERT_TRUE(next);
    EXPECT_EQ(*next, local(2026, m, 1, 7));
    t = *next;
  }
}

TEST(CronNext, RareMatchesAreFoundBeyondFiveYears) {
  // 29 February on a Sunday (AND: `*/7` starts with '*'): 2032, then 2060.
  CronExpression cron = CronExpression::parse("0 0 29 2 */7");
  EXPECT_EQ(next_text("0 0 29 2 */7", local(2026, 1, 1)), "2032-02-29 00:00");
  EXPECT_EQ(next_text("0 0 29 2 */7", local(2032, 3, 1)), "2060-02-29 00:00");
  // A search bounded before the match finds nothing, and says so.
  NextSearch bounded = cron.search_next(local(2026, 1, 1), local(2031, 1, 1));
  EXPECT_FALSE(bounded.found);
  EXPECT_GT(bounded.steps, 0);
  // A match exactly at the bound counts; a minute before it does not.
  EXPECT_TRUE(cron.search_next(local(2026, 1, 1), local(2032, 2, 29)).found);
  EXPECT_FALSE(
      cron.search_next(local(2026, 1, 1), local(2032, 2, 29) - minutes{1})
          .found);
}

TEST(CronNext, TheSearchSkipsWholeMonthsDaysAndHours) {
  // A yearly slot is a few steps away, not half a million minutes.
  CronExpression yearly = CronExpression::parse("0 7 1 1 *");
  NextSearch search =
      yearly.search_next(local(2026, 1, 1, 8), local(2030, 1, 1));
  ASSERT_TRUE(search.found);
  EXPECT_EQ(*search.found, local(2027, 1, 1, 7));
  EXPECT_LE(search.steps, 4);

  CronExpression leap = CronExpression::parse("0 0 29 2 *");
  search = leap.search_next(local(2026, 3, 1), local(2030, 1, 1));
  ASSERT_TRUE(search.found);
  EXPECT_EQ(*search.found, local(2028, 2, 29));
  // From March to the next February in one step, past a short February.
  EXPECT_LE(search.steps, 8);

  // Every slot of a year of `*/5`: each one or two steps away.
  CronExpression every5 = CronExpression::parse("*/5 * * * *");
  auto t = local(2026, 1, 1) - minutes{1};
  int slots = 0;
  int steps = 0;
  for (;;) {
    NextSearch s = every5.search_next(t, local(2026, 12, 31, 23, 55));
    steps += s.steps;
    if (!s.found) break;
    ++slots;
    t = *s.found;
  }
  EXPECT_EQ(slots, 365 * 24 * 12);
  EXPECT_LE(steps, 2 * slots + 2);
}

TEST(CronNext, WeekdayRangesAcrossWeeks) {
  EXPECT_EQ(next_text("0 9 * * MON-FRI", local(2026, 7, 3, 10)),
            "2026-07-06 09:00");  // Friday after 09:00 -> Monday
  EXPECT_EQ(next_text("0 9 * * 7", local(2026, 7, 3)), "2026-07-05 09:00");
}

}  // namespace
}  // namespace vigie::schedule
