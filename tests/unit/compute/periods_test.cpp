#include <gtest/gtest.h>

#include "compute/periods.hpp"

namespace vigie::compute {
namespace {

constexpr int64_t kSecond = 1000000;

TEST(Periods, MonthsInParisFollowSummerAndWinterTime) {
  // October 2026 in Paris: 2026-10-01 00:00 +02:00 = 2026-09-30T22:00Z
  // (1790805600 s) to 2026-11-01 00:00 +01:00 = 2026-10-31T23:00Z
  // (1793487600 s): 31 days and one hour, the hour given back on 25 Oct.
  auto p = month_periods({2026, 10}, 2, "Europe/Paris", "fr_FR");
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
  auto p = month_periods({2027, 1}, 3, "UTC", "en_GB");
  EXPECT_EQ(p[0].month.iso(), "2026-11");
  EXPECT_EQ(p[2].month.iso(), "2027-01");
  EXPECT_EQ(p[2].label, "January 2027");
  // 2027-01-01T00:00Z = 1798761600 s.
  EXPECT_EQ(p[2].start_us, 1798761600 * kSecond);
}

TEST(Periods, ReportMonthFromTheCommandLine) {
  EXPECT_EQ(report_month("2026-10", std::nullopt, "UTC").iso(), "2026-10");
  EXPECT_EQ(report_month(std::nullopt, "2026-11-01", "UTC").iso(), "2026-10");
  EXPECT_EQ(report_month(std::nullopt, "2026-11-15", "UTC").iso(), "2026-10");
  EXPECT_EQ(report_month(std::nullopt, "2026-01-01", "UTC").iso(), "2025-12");
  EXPECT_THROW(report_month("2026-13", std::nullopt, "UTC"),
               std::invalid_argument);
  EXPECT_THROW(report_month("26-10", std::nullopt, "UTC"),
               std::invalid_argument);
  EXPECT_THROW(report_month(std::nullopt, "2026-11", "UTC"),
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
  EXPECT_EQ(refusal([] { report_month("", std::nullopt, "UTC"); }),
            "--period is empty: expected YYYY-MM");
  EXPECT_EQ(refusal([] { report_month(std::nullopt, "", "UTC"); }),
            "--as-of is empty: expected YYYY-MM-DD");
}

TEST(Periods, YearsAreNineteenHundredToTwentyTwoHundred) {
  EXPECT_EQ(report_month("1900-01", std::nullopt, "UTC").iso(), "1900-01");
  EXPECT_EQ(report_month("2200-12", std::nullopt, "UTC").iso(), "2200-12");
  EXPECT_EQ(refusal([] { report_month("0000-01", std::nullopt, "UTC"); }),
            "--period 0000-01: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month("9999-12", std::nullopt, "UTC"); }),
            "--period 9999-12: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month("-474-11", std::nullopt, "UTC"); }),
            "--period expects YYYY-MM, got '-474-11'");
  EXPECT_EQ(refusal([] { report_month(std::nullopt, "1899-12-31", "UTC"); }),
            "--as-of 1899-12-31: the year must be between 1900 and 2200");
  EXPECT_EQ(refusal([] { report_month(std::nullopt, "2201-01-01", "UTC"); }),
            "--as-of 2201-01-01: the year must be between 1900 and 2200");
}

TEST(Periods, EveryPeriodOfThePlanStaysInRange) {
  // 13 months ending in February 1901 start in February 1900: in range.
  auto p = month_periods({1901, 2}, 13, "UTC", "en_GB");
  EXPECT_EQ(p.front().month.iso(), "1900-02");
  // 120 months ending in June 1905 would start in July 1895.
  EXPECT_EQ(refusal([] {
              month_periods({1905, 6}, 120, "UTC", "en_GB");
            }),
            "the report's 120 months run from 1895-07 to 1905-06: every "
            "period must lie in the years 1900 to 2200");
  EXPECT_EQ(refusal([] {
              month_periods({2201, 1}, 13, "UTC", "en_GB");
            }),
            "the report's 13 months run from 2200-01 to 2201-01: every "
            "period must lie in the years 1900 to 2200");
}

}  // namespace
}  // namespace vigie::compute
