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

}  // namespace
}  // namespace vigie::compute
