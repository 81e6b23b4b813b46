#include <gtest/gtest.h>

#include "table/month.hpp"
#include "vigie/sdk/calendar_month.hpp"

namespace vigie::table {
namespace {

TEST(Month, StepsAcrossYears) {
  EXPECT_EQ((Month{2026, 10}.plus(3)).iso(), "2027-01");
  EXPECT_EQ((Month{2026, 1}.plus(-1)).iso(), "2025-12");
  EXPECT_EQ((Month{2026, 10}.plus(-12)).iso(), "2025-10");
  EXPECT_EQ((Month{2026, 10}.plus(-22)).iso(), "2024-12");
  EXPECT_EQ((Month{2026, 10}.plus(0)).iso(), "2026-10");
}

TEST(Month, ParsesOnlyYearDashMonth) {
  auto m = parse_month("2026-03");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->year, 2026);
  EXPECT_EQ(m->month, 3u);
  EXPECT_FALSE(parse_month("2026-13"));
  EXPECT_FALSE(parse_month("2026-00"));
  EXPECT_FALSE(parse_month("2026-3"));
  EXPECT_FALSE(parse_month("2026/03"));
  EXPECT_FALSE(parse_month("2026-03-01"));
  // Signs and spaces that sscanf's %d would take are not digits.
  EXPECT_FALSE(parse_month("-474-11"));
  EXPECT_FALSE(parse_month("+202-10"));
  EXPECT_FALSE(parse_month(" 202-10"));
  EXPECT_FALSE(parse_month("2026-+1"));
  EXPECT_FALSE(parse_month(""));
  EXPECT_EQ(parse_month("0000-01")->year, 0);
}

TEST(MonthValue, AMonthOrItsFirstDay) {
  EXPECT_EQ(parse_month_value("2026-10")->code(), 2026 * 12 + 9);
  EXPECT_EQ(parse_month_value("2026-10-01")->code(), 2026 * 12 + 9);
  EXPECT_EQ(parse_month_value("0000-01")->code(), 0);
  EXPECT_FALSE(parse_month_value("2026-10-02"));
  EXPECT_FALSE(parse_month_value("2026-10-1"));
  EXPECT_FALSE(parse_month_value("2026-13-01"));
  EXPECT_FALSE(parse_month_value("2026-10T00"));
  EXPECT_FALSE(parse_month_value(""));
  EXPECT_FALSE(parse_month_value("2026-1"));
}

TEST(MonthValue, CodesAreTheSdksAndStepLikeMonths) {
  // The engine and the SDK read month columns alike.
  for (int64_t code : {int64_t{0}, int64_t{24321}, int64_t{-1}, int64_t{-13}}) {
    const auto m = sdk::calendar_month(code);
    EXPECT_EQ(sdk::month_code(m.year, m.month), code) << code;
    EXPECT_GE(m.month, 1u);
    EXPECT_LE(m.month, 12u);
  }
  EXPECT_EQ(sdk::calendar_month(24321).year, 2026);
  EXPECT_EQ(sdk::calendar_month(24321).month, 10u);
  EXPECT_EQ(sdk::calendar_month(-1).year, -1);
  EXPECT_EQ(sdk::calendar_month(-1).month, 12u);
  EXPECT_EQ((Month{2026, 12}.code() + 1), (Month{2027, 1}.code()));
}

}  // namespace
}  // namespace vigie::table
