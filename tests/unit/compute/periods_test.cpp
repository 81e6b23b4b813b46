#include <gtest/gtest.h>

#include "compute/kpi_runner.hpp"
#include "compute/periods.hpp"

namespace vigie::compute {
namespace {

constexpr int64_t kSecond = 1000000;

CalendarPeriod month(int year, unsigned m) {
  return {Grain::Month,
          date::local_days{date::year{year} / date::month{m} / date::day{1}}};
}

// `count` consecutive periods ending with `last`.
std::vector<CalendarPeriod> ending(CalendarPeriod last, int count) {
  std::vector<CalendarPeriod> out;
  for (int back = count - 1; back >= 0; --back) out.push_back(last.plus(-back));
  return out;
}

// The id of the report period a monthly report gets from the command line.
std::string report_month_id(const std::optional<std::string>& period,
                            const std::optional<std::string>& as_of,
                            const std::string& time_zone) {
  return report_period(Grain::Month, period, as_of, time_zone).id();
}

TEST(Periods, MonthsInParisFollowSummerAndWinterTime) {
  // October 2026 in Paris: 2026-10-01 00:00 +02:00 = 2026-09-30T22:00Z
  // (1790805600 s) to 2026-11-01 00:00 +01:00 = 2026-10-31T23:00Z
  // (1793487600 s): 31 days and one hour, the hour given back on 25 Oct.
  auto p =
      calendar_periods(ending(month(2026, 10), 2), "Europe/Paris", "fr_FR");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].start_us, 1790805600 * kSecond);
  EXPECT_EQ(p[1].end_us, 1793487600 * kSecond);
  EXPECT_EQ(p[1].end_us - p[1].start_us, (31 * 86400 + 3600) * kSecond);
  EXPECT_EQ(p[0].end_us, p[1].start_us);  // contiguous
  EXPECT_EQ(p[1].label, "octobre 2026");
  EXPECT_EQ(p[0].label, "septembre 2026");
  EXPECT_EQ(p[1].short_label, "oct. 26");
}

TEST(Periods, AcrossAYear) {
  auto p = calendar_periods(ending(month(2027, 1), 3), "UTC", "en_GB");
  EXPECT_EQ(p[0].id, "2026-11");
  EXPECT_EQ(p[2].id, "2027-01");
  EXPECT_EQ(p[2].label, "January 2027");
  // 2027-01-01T00:00Z = 1798761600 s.
  EXPECT_EQ(p[2].start_us, 1798761600 * kSecond);
}

TEST(Periods, ReportMonthFromTheCommandLine) {
  EXPECT_EQ(report_month_id("2026-10", std::nullopt, "UTC"), "2026-10");
  EXPECT_EQ(report_month_id(std::nullopt, "2026-11-01", "UTC"), "2026-10");
  EXPECT_EQ(report_month_id(std::nullopt, "2026-11-15", "UTC"), "2026-10");
  EXPECT_EQ(report_month_id(std::nullopt, "2026-01-01", "UTC"), "2025-12");
  EXPECT_THROW(report_month_id("2026-13", std::nullopt, "UTC"),
               std::invalid_argument);
  EXPECT_THROW(report_month_id("26-10", std::nullopt, "UTC"),
               std::invalid_argument);
  EXPECT_THROW(report_month_id(std::nullopt, "2026-11", "UTC"),
               std::invalid_argument);
}

// The message of the std::invalid_argument `call` throws.
template <typename Call>
std::string refusal(Call call) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

TEST(Periods, AnEmptyPeriodIsAnErrorNotTheDefault) {
  EXPECT_EQ(refusal([] { report_month_id("", std::nullopt, "UTC"); }),
            "--period is empty: expected YYYY-MM");
  EXPECT_EQ(refusal([] { report_month_id(std::nullopt, "", "UTC"); }),
            "--as-of is empty: expected YYYY-MM-DD");
}

TEST(Periods, YearsAreNineteenHundredToTwentyTwoHundred) {
  EXPECT_EQ(report_month_id("1900-01", std::nullopt, "UTC"), "1900-01");
  EXPECT_EQ(report_month_id("2200-12", std::nullopt, "UTC"), "2200-12");
  EXPECT_EQ(refusal([] { report_month_id("0000-01", std::nullopt, "UTC"); }),
            "--period 0000-01: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month_id("9999-12", std::nullopt, "UTC"); }),
            "--period 9999-12: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month_id("-474-11", std::nullopt, "UTC"); }),
            "--period expects YYYY-MM, got '-474-11'");
  EXPECT_EQ(refusal([] { report_month_id(std::nullopt, "1899-12-31", "UTC"); }),
            "--as-of 1899-12-31: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month_id(std::nullopt, "2201-01-01", "UTC"); }),
            "--as-of 2201-01-01: the year must be between 1900 and 2200");
}

TEST(Periods, EveryPeriodOfThePlanStaysInRange) {
  // 13 months ending in February 1901 start in February 1900: in range.
  auto p = calendar_periods(ending(month(1901, 2), 13), "UTC", "en_GB");
  EXPECT_EQ(p.front().id, "1900-02");
  // 120 months ending in June 1905 would start in July 1895.
  EXPECT_EQ(refusal([] {
              calendar_periods(ending(month(1905, 6), 120), "UTC", "en_GB");
            }),
            "the report's 120 months run from 1895-07 to 1905-06: every "
            "period must lie in the years 1900 to 2200");
  EXPECT_EQ(refusal([] {
              calendar_periods(ending(month(2201, 1), 13), "UTC", "en_GB");
            }),
            "the report's 13 months run from 2200-01 to 2201-01: every "
            "period must lie in the years 1900 to 2200");
}

TEST(Periods, WeeksAreIsoWeeksOfLocalDays) {
  // Week 44 of 2026 in Paris: Monday 26 October 00:00 +01:00 (the clocks
  // went back on the 25th) = 2026-10-25T23:00Z (1792969200 s), seven days.
  const auto w44 = *table::parse_period_id(Grain::Week, "2026-W44");
  auto p = calendar_periods(ending(w44, 2), "Europe/Paris", "fr_FR");
  EXPECT_EQ(p[1].id, "2026-W44");
  EXPECT_EQ(p[0].id, "2026-W43");
  EXPECT_EQ(p[1].start_us, 1792969200 * kSecond);
  EXPECT_EQ(p[1].end_us - p[1].start_us, 7 * 86400 * kSecond);
  // Week 43 holds the autumn change: one hour longer.
  EXPECT_EQ(p[0].end_us - p[0].start_us, (7 * 86400 + 3600) * kSecond);
  EXPECT_EQ(p[1].label, "semaine 44 (26 oct. – 1 nov. 2026)");
  EXPECT_EQ(p[1].short_label, "S44");
  auto en = calendar_periods(ending(w44, 1), "UTC", "en_GB");
  EXPECT_EQ(en[0].label, "week 44 (26 Oct – 1 Nov 2026)");
  EXPECT_EQ(en[0].short_label, "W44");
  // Within one month, and across a year's turn.
  EXPECT_EQ(calendar_periods(ending(w44.plus(-1), 1), "UTC", "en_GB")[0].label,
            "week 43 (19 – 25 Oct 2026)");
  EXPECT_EQ(calendar_periods(ending(w44.plus(9), 1), "UTC", "fr_FR")[0].label,
            "semaine 53 (28 déc. 2026 – 3 janv. 2027)");
}

TEST(Periods, DaysAreLocalDays) {
  const auto d = *table::parse_period_id(Grain::Day, "2026-10-25");
  auto p = calendar_periods(ending(d, 2), "Europe/Paris", "en_GB");
  EXPECT_EQ(p[1].id, "2026-10-25");
  EXPECT_EQ(p[1].end_us - p[1].start_us, 25 * 3600 * kSecond);
  EXPECT_EQ(p[0].end_us - p[0].start_us, 24 * 3600 * kSecond);
  EXPECT_EQ(p[1].label, "25 October 2026");
  EXPECT_EQ(p[1].short_label, "25 Oct");
}

TEST(Periods, TheReportPeriodInTheSpecsGrain) {
  EXPECT_EQ(report_period(Grain::Week, "2026-W44", std::nullopt, "UTC").id(),
            "2026-W44");
  // 2 November 2026 is a Monday: the last full week before it is week 44.
  EXPECT_EQ(report_period(Grain::Week, std::nullopt, "2026-11-02", "UTC").id(),
            "2026-W44");
  EXPECT_EQ(report_period(Grain::Week, std::nullopt, "2026-11-08", "UTC").id(),
            "2026-W44");
  EXPECT_EQ(report_period(Grain::Day, std::nullopt, "2026-11-01", "UTC").id(),
            "2026-10-31");
  EXPECT_EQ(refusal([] {
              report_period(Grain::Week, "2026-10", std::nullopt, "UTC");
            }),
            "--period expects YYYY-Www (this report's period is a week), got "
            "'2026-10'");
  EXPECT_EQ(refusal([] {
              report_period(Grain::Day, "2026-02-30", std::nullopt, "UTC");
            }),
            "--period expects YYYY-MM-DD (this report's period is a day), got "
            "'2026-02-30'");
}

// The plan: the trend's consecutive periods ending with P, and P' among
// them or alone ahead of them.
TEST(Periods, ThePlanHoldsTheTrendAndTheComparedPeriod) {
  spec::Report report;
  report.time_zone = "UTC";
  report.locale = "en_GB";
  auto ids = [](const PeriodPlan& plan) {
    std::vector<std::string> out;
    for (const auto& p : plan.periods) out.push_back(p.id);
    return out;
  };
  // A month against the one before: the 12 months of the trend.
  auto plan = plan_periods(report, month(2026, 10));
  EXPECT_EQ(plan.periods.size(), 12u);
  EXPECT_EQ(plan.periods[plan.current].id, "2026-10");
  EXPECT_EQ(plan.periods[plan.previous].id, "2026-09");
  // A day against the same day a year before: 12 days and that one.
  report.period = Grain::Day;
  report.comparison = spec::Comparison::PreviousYear;
  plan =
      plan_periods(report, *table::parse_period_id(Grain::Day, "2026-10-31"));
  ASSERT_EQ(plan.periods.size(), 13u);
  EXPECT_EQ(ids(plan).front(), "2025-10-31");
  EXPECT_EQ(plan.periods[1].id, "2026-10-20");
  EXPECT_EQ(plan.previous, 0u);
  EXPECT_EQ(plan.current, 12u);
  // A trend of 60 weeks reaches the same week a year before.
  report.period = Grain::Week;
  report.series = 60;
  plan = plan_periods(report, *table::parse_period_id(Grain::Week, "2026-W44"));
  EXPECT_EQ(plan.periods.size(), 60u);
  EXPECT_EQ(plan.periods[plan.previous].id, "2025-W44");
  EXPECT_EQ(plan.current - plan.previous, 52u);
  // A trend of one period still has P' to compare with.
  report.series = 1;
  report.comparison = spec::Comparison::PreviousPeriod;
  plan = plan_periods(report, *table::parse_period_id(Grain::Week, "2026-W01"));
  EXPECT_EQ(ids(plan), (std::vector<std::string>{"2025-W52", "2026-W01"}));
}

// Charts drawing the comparison period's line: the plan also holds each
// trend period's comparison period, and says where.
TEST(Periods, TheComparisonLinesAddEachPeriodsComparedPeriod) {
  spec::Report report;
  report.time_zone = "UTC";
  report.locale = "en_GB";
  report.comparison = spec::Comparison::PreviousYear;
  // 12 months a year before the 12 of the trend: 24 consecutive months.
  auto plan = plan_periods(report, month(2026, 10), true);
  ASSERT_EQ(plan.periods.size(), 24u);
  EXPECT_EQ(plan.periods.front().id, "2024-11");
  EXPECT_EQ(plan.periods[plan.current].id, "2026-10");
  EXPECT_EQ(plan.periods[plan.previous].id, "2025-10");
  ASSERT_EQ(plan.compared.size(), 12u);
  for (size_t i = 0; i < 12; ++i) {
    ASSERT_TRUE(plan.compared[i].has_value());
    EXPECT_EQ(*plan.compared[i], i);  // 2024-11 for 2025-11, ...
  }
  // Days: each day of the trend and the same day a year before.
  report.period = Grain::Day;
  plan = plan_periods(report, *table::parse_period_id(Grain::Day, "2026-10-31"),
                      true);
  ASSERT_EQ(plan.periods.size(), 24u);
  EXPECT_EQ(plan.periods.front().id, "2025-10-20");
  EXPECT_EQ(plan.periods[*plan.compared.back()].id, "2025-10-31");
  EXPECT_EQ(plan.periods[12].id, "2026-10-20");
  // Against the period before: one more month ahead of the trend.
  report.period = Grain::Month;
  report.comparison = spec::Comparison::PreviousPeriod;
  plan = plan_periods(report, month(2026, 10), true);
  ASSERT_EQ(plan.periods.size(), 13u);
  EXPECT_EQ(plan.periods[*plan.compared.front()].id, "2025-10");
  EXPECT_EQ(plan.periods[*plan.compared.back()].id, "2026-09");
  // Without the lines, the plan is as before; the trend's first period has
  // no comparison period in it.
  plan = plan_periods(report, month(2026, 10));
  ASSERT_EQ(plan.periods.size(), 12u);
  EXPECT_FALSE(plan.compared.front().has_value());
  EXPECT_EQ(plan.periods[*plan.compared.back()].id, "2026-09");
}

}  // namespace
}  // namespace vigie::compute
