#include <gtest/gtest.h>

#include "table/month.hpp"

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

}  // namespace
}  // namespace vigie::table
