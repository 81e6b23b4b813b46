// Every syntax a cron expression may use, and every error with its column.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "schedule/cron.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using testing::local;

// The minutes of hour 0 on 2026-01-05 the expression matches.
std::vector<int> minutes_of(const std::string& expression) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> out;
  for (int m = 0; m < 60; ++m)
    if (cron.matches(local(2026, 1, 5, 0, m))) out.push_back(m);
  return out;
}

// The hours of 2026-01-05 matched at minute 0.
std::vector<int> hours_of(const std::string& expression) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> out;
  for (int h = 0; h < 24; ++h)
    if (cron.matches(local(2026, 1, 5, h))) out.push_back(h);
  return out;
}

// The months of 2026 whose 1st is matched at 00:00.
std::vector<int> months_of(const std::string& expression) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> out;
  for (unsigned m = 1; m <= 12; ++m)
    if (cron.matches(local(2026, m, 1))) out.push_back(static_cast<int>(m));
  return out;
}

// The weekdays (0 Sunday .. 6 Saturday) matched at 00:00, from the week of
// Sunday 2026-01-04.
std::vector<int> weekdays_of(const std::string& expression) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> out;
  for (unsigned d = 0; d < 7; ++d)
    if (cron.matches(local(2026, 1, 4 + d))) out.push_back(static_cast<int>(d));
  return out;
}

// The days of January 2026 matched at 00:00.
std::vector<int> days_of(const std::string& expression) {
  CronExpression cron = CronExpression::parse(expression);
  std::vector<int> out;
  for (unsigned d = 1; d <= 31; ++d)
    if (cron.matches(local(2026, 1, d))) out.push_back(static_cast<int>(d));
  return out;
}

using V = std::vector<int>;

TEST(CronParse, NumbersListsRangesAndSteps) {
  EXPECT_EQ(minutes_of("5 * * * *"), V({5}));
  EXPECT_EQ(minutes_of("5,10,15 * * * *"), V({5, 10, 15}));
  EXPECT_EQ(minutes_of("10-12 * * * *"), V({10, 11, 12}));
  EXPECT_EQ(minutes_of("*/15 * * * *"), V({0, 15, 30, 45}));
  EXPECT_EQ(minutes_of("10-30/10 * * * *"), V({10, 20, 30}));
  EXPECT_EQ(minutes_of("50/3 * * * *"), V({50, 53, 56, 59}));  // 50-59/3
  EXPECT_EQ(minutes_of("0,58-59,*/20 * * * *"), V({0, 20, 40, 58, 59}));
  EXPECT_EQ(minutes_of("* * * * *").size(), 60u);
  EXPECT_EQ(hours_of("0 */6 * * *"), V({0, 6, 12, 18}));
  EXPECT_EQ(hours_of("0 9-17/4,23 * * *"), V({9, 13, 17, 23}));
  EXPECT_EQ(days_of("0 0 */10 * *"), V({1, 11, 21, 31}));
  EXPECT_EQ(days_of("0 0 28-31 * *"), V({28, 29, 30, 31}));
}

TEST(CronParse, MonthNamesAnyCaseAlsoInRanges) {
  EXPECT_EQ(months_of("0 0 1 JAN,mar,Dec *"), V({1, 3, 12}));
  EXPECT_EQ(months_of("0 0 1 jun-AUG *"), V({6, 7, 8}));
  EXPECT_EQ(months_of("0 0 1 FEB-apr/2 *"), V({2, 4}));
  EXPECT_EQ(months_of("0 0 1 2-mar *"), V({2, 3}));
  EXPECT_EQ(months_of("0 0 1 */3 *"), V({1, 4, 7, 10}));
}

TEST(CronParse, DayNamesAndBothSundays) {
  EXPECT_EQ(weekdays_of("0 0 * * MON-FRI"), V({1, 2, 3, 4, 5}));
  EXPECT_EQ(weekdays_of("0 0 * * sat,Sun"), V({0, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * 0"), V({0}));
  EXPECT_EQ(weekdays_of("0 0 * * 7"), V({0}));
  EXPECT_EQ(weekdays_of("0 0 * * 5-7"), V({0, 5, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * 0-7"), V({0, 1, 2, 3, 4, 5, 6}));
  // SUN closing a range is the 7 at the end of the week.
  EXPECT_EQ(weekdays_of("0 0 * * MON-SUN"), V({0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * fri-sun"), V({0, 5, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * SUN-SUN"), V({0}));
  EXPECT_EQ(weekdays_of("0 0 * * SUN-TUE"), V({0, 1, 2}));
  EXPECT_EQ(weekdays_of("0 0 * * SAT-SUN/1"), V({0, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * */2"), V({0, 2, 4, 6}));
  EXPECT_EQ(weekdays_of("0 0 * * */7"), V({0}));
}

TEST(CronParse, Macros) {
  struct Case {
    const char* macro;
    const char* same_as;
  };
  for (Case c :
       {Case{"@yearly", "0 0 1 1 *"}, Case{"@annually", "0 0 1 1 *"},
        Case{"@monthly", "0 0 1 * *"}, Case{"@weekly", "0 0 * * 0"},
        Case{"@daily", "0 0 * * *"}, Case{"@midnight", "0 0 * * *"},
        Case{"@hourly", "0 * * * *"}, Case{"  @DAILY ", "0 0 * * *"}}) {
    SCOPED_TRACE(c.macro);
    CronExpression macro = CronExpression::parse(c.macro);
    CronExpression fields = CronExpression::parse(c.same_as);
    // Same minutes over two months with every kind of day in them.
    auto t = local(2026, 1, 1) - std::chrono::minutes{1};
    for (int i = 0; i < 6; ++i) {
      auto a = macro.next_local(t);
      auto b = fields.next_local(t);
      ASSERT_TRUE(a && b);
      EXPECT_EQ(*a, *b);
      t = *a;
    }
  }
  EXPECT_EQ(CronExpression::parse("@monthly").text(), "@monthly");
  EXPECT_TRUE(CronExpression::parse("@weekly").matches(local(2026, 1, 4)));
  EXPECT_FALSE(CronExpression::parse("@weekly").matches(local(2026, 1, 5)));
}

TEST(CronParse, TextIsAsWrittenWithSpacesNormalised) {
  EXPECT_EQ(CronExpression::parse("  0\t7  1 * mon ").text(), "0 7 1 * mon");
  EXPECT_EQ(CronExpression::parse("*/5 * * * *").text(), "*/5 * * * *");
}

TEST(CronParse, SecondsAreIgnoredByMatches) {
  CronExpression cron = CronExpression::parse("0 7 1 * *");
  EXPECT_TRUE(cron.matches(local(2026, 2, 1, 7) + std::chrono::seconds{59}));
  EXPECT_FALSE(cron.matches(local(2026, 2, 1, 7, 1)));
  EXPECT_FALSE(cron.matches(local(2026, 2, 2, 7)));
}

struct ErrorCase {
  const char* expression;
  int column;
  const char* message;
};

// Names a failing case by its expression.
void PrintTo(const ErrorCase& c, std::ostream* os) {
  *os << '"' << c.expression << '"';
}

class CronErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CronErrors, SayWhatWasExpectedAndWhere) {
  const ErrorCase& c = GetParam();
  try {
    CronExpression::parse(c.expression);
    FAIL() << "accepted: " << c.expression;
  } catch (const CronError& e) {
    EXPECT_EQ(std::string(e.what()), c.message) << c.expression;
    EXPECT_EQ(e.column, c.column) << c.expression;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Every, CronErrors,
    ::testing::Values(
        ErrorCase{"", 1,
                  "the schedule is empty: expected 5 fields (minute hour "
                  "day-of-month month day-of-week) or a macro such as @daily"},
        ErrorCase{" \t ", 1,
                  "the schedule is empty: expected 5 fields (minute hour "
                  "day-of-month month day-of-week) or a macro such as @daily"},
        ErrorCase{"0 7 1 *", 8,
                  "expected 5 fields (minute hour day-of-month month "
                  "day-of-week), found 4"},
        ErrorCase{"0 7 1 * * *", 11,
                  "expected 5 fields (minute hour day-of-month month "
                  "day-of-week), found 6"},
        ErrorCase{"61 * * * *", 1, "minute 61 is out of range 0-59"},
        ErrorCase{"  61 * * * *", 3, "minute 61 is out of range 0-59"},
        ErrorCase{"99999999999 * * * *", 1,
                  "minute 99999999999 is out of range 0-59"},
        ErrorCase{"0 24 * * *", 3, "hour 24 is out of range 0-23"},
        ErrorCase{"0 0 0 * *", 5, "day-of-month 0 is out of range 1-31"},
        ErrorCase{"0 0 32 * *", 5, "day-of-month 32 is out of range 1-31"},
        ErrorCase{"0 0 1 13 *", 7, "month 13 is out of range 1-12"},
        ErrorCase{"0 0 * * 8", 9, "day-of-week 8 is out of range 0-7"},
        ErrorCase{"0 0 * * 1-9", 11, "day-of-week 9 is out of range 0-7"},
        ErrorCase{"0 0 * * 1,,3", 11,
                  "empty item in the day-of-week list: expected a number, a "
                  "name (MON..SUN), '*', a range a-b or a step /n"},
        ErrorCase{"0 0 * * 1,", 11,
                  "empty item in the day-of-week list: expected a number, a "
                  "name (MON..SUN), '*', a range a-b or a step /n"},
        ErrorCase{",5 * * * *", 1,
                  "empty item in the minute list: expected a number, '*', a "
                  "range a-b or a step /n"},
        ErrorCase{"5-3 * * * *", 1,
                  "minute range 5-3 is reversed: write the smaller value "
                  "first"},
        ErrorCase{"0 0 * * FRI-MON", 9,
                  "day-of-week range FRI-MON is reversed: write the smaller "
                  "value first"},
        ErrorCase{"0 0 1 DEC-JAN *", 7,
                  "month range DEC-JAN is reversed: write the smaller value "
                  "first"},
        ErrorCase{"*/0 * * * *", 3,
                  "step 0 in the minute field: a step must be at least 1"},
        ErrorCase{"0 1-5/0 * * *", 7,
                  "step 0 in the hour field: a step must be at least 1"},
        ErrorCase{"*/60 * * * *", 3, "minute step 60 is out of range 1-59"},
        ErrorCase{"*/ * * * *", 3,
                  "expected a step number after '/' in the minute field"},
        ErrorCase{"*/x * * * *", 3,
                  "expected a step number after '/' in the minute field"},
        ErrorCase{"0 0 * * FOO", 9,
                  "unknown day name 'FOO': expected MON..SUN"},
        ErrorCase{"0 0 1 Janvier *", 7,
                  "unknown month name 'Janvier': expected JAN..DEC"},
        ErrorCase{"jan * * * *", 1,
                  "unexpected 'jan' in the minute field: expected a number, "
                  "'*', a range a-b or a step /n"},
        ErrorCase{"0 0 L * *", 5,
                  "unexpected 'L' in the day-of-month field: expected a "
                  "number, '*', a range a-b or a step /n"},
        ErrorCase{"0 0 15W * *", 7,
                  "unexpected 'W' in the day-of-month field: expected a "
                  "number, '*', a range a-b or a step /n"},
        ErrorCase{"0 0 ? * *", 5,
                  "unexpected '?' in the day-of-month field: expected a "
                  "number, '*', a range a-b or a step /n"},
        ErrorCase{"0 0 * * 1#2", 10,
                  "unexpected '#' in the day-of-week field: expected a "
                  "number, a name (MON..SUN), '*', a range a-b or a step /n"},
        ErrorCase{"0 0 * * 5L", 10,
                  "unexpected 'L' in the day-of-week field: expected a "
                  "number, a name (MON..SUN), '*', a range a-b or a step /n"},
        ErrorCase{"0 0 * * 1-", 11,
                  "the day-of-week field ends too early: expected a number, "
                  "a name (MON..SUN), '*', a range a-b or a step /n"},
        ErrorCase{"*-5 * * * *", 2,
                  "unexpected '-' in the minute field: expected a number, "
                  "'*', a range a-b or a step /n"},
        ErrorCase{"@reboot", 1,
                  "unknown macro '@reboot': expected @yearly, @annually, "
                  "@monthly, @weekly, @daily, @midnight or @hourly"},
        ErrorCase{" @daily 5", 9, "nothing may follow the macro @daily"},
        ErrorCase{"0 0 30 2 *", 5,
                  "day-of-month 30 never occurs in February: the schedule "
                  "would never run"},
        ErrorCase{"0 0 30,31 FEB *", 5,
                  "day-of-month 30,31 never occurs in February: the schedule "
                  "would never run"},
        ErrorCase{"0 0 31 4,6,9,11 *", 5,
                  "day-of-month 31 never occurs in April, June, September, "
                  "November: the schedule would never run"},
        ErrorCase{"0 0 31 2 */2", 5,
                  "day-of-month 31 never occurs in February: the schedule "
                  "would never run"}));

TEST(CronParse, ErrorsAreInvalidArguments) {
  EXPECT_THROW(CronExpression::parse("0 0 * *"), std::invalid_argument);
}

TEST(CronParse, DaysThatExistInSomeMonthWrittenAreAccepted) {
  EXPECT_NO_THROW(CronExpression::parse("0 0 29 2 *"));
  EXPECT_NO_THROW(CronExpression::parse("0 0 31 2,3 *"));
  // Both day fields restricted: any Monday of February runs.
  EXPECT_NO_THROW(CronExpression::parse("0 0 30 2 MON"));
}

}  // namespace
}  // namespace vigie::schedule
