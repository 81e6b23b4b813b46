// The tables and lists of customer_base for the report period: value
// segments, RFM scores, CAC by channel and the inactivity alerts.
#include <gtest/gtest.h>

#include "plugin_harness.hpp"

namespace customer_base_test {
namespace {

std::string text(const vigie::TableView& t, const char* column, int64_t row) {
  const auto& c = t.column(column);
  return c.is_valid(row) ? std::string(c.string_at(row)) : "<null>";
}
int64_t integer(const vigie::TableView& t, const char* column, int64_t row) {
  return t.column(column).ints()[row];
}
double number(const vigie::TableView& t, const char* column, int64_t row) {
  return t.column(column).number_at(row);
}
bool is_null(const vigie::TableView& t, const char* column, int64_t row) {
  return !t.column(column).is_valid(row);
}

// Six customers in [0, 100), as_of 100, ranked by M desc, F desc, id bytes:
//   b: M 100 (50 on day 10, 50 on day 20), F 2, R 80
//   a: M 100 (day 30), F 1, R 70
//   B: M 50 (day 40), F 1, R 60   ("B" = 0x42 sorts before "c" = 0x63)
//   c: M 50 (day 50), F 1, R 50
//   d: M 50 (day 60), F 1, R 40
//   e: M 10 (day 70), F 1, R 30
// n = 6, not a multiple of 4: segment floor(4 r / 6) for r = 0..5 is
// 0, 0, 1, 2, 2, 3.
Datasets ties_fixture() {
  Datasets d;
  d.order_line("1", "b", day(10), 50, 0);
  d.order_line("2", "b", day(20), 50, 0);
  d.order_line("3", "a", day(30), 100, 0);
  d.order_line("4", "B", day(40), 50, 0);
  d.order_line("5", "c", day(50), 50, 0);
  d.order_line("6", "d", day(60), 50, 0);
  d.order_line("7", "e", day(70), 10, 0);
  return d;
}

RunSpec single_period(int64_t from, int64_t to) {
  RunSpec r;
  r.periods = {{from, to}};
  return r;
}

TEST(CustomerBaseTables, ValueSegmentsWithTiesAndUnevenCount) {
  Result r = run(ties_fixture(), single_period(day(0), day(100)));
  const auto& t = r.table("value_segments").view();
  ASSERT_EQ(t.rows(), 4);
  // Total M = 100 + 100 + 50 + 50 + 50 + 10 = 360.
  // TBC: b, a: M 200, F 3, R (80 + 70) / 2.
  EXPECT_EQ(text(t, "segment", 0), "Très bons clients");
  EXPECT_EQ(integer(t, "customers", 0), 2);
  EXPECT_DOUBLE_EQ(number(t, "revenue", 0), 200);
  EXPECT_DOUBLE_EQ(number(t, "revenue_share", 0), 200.0 / 360);
  EXPECT_DOUBLE_EQ(number(t, "mean_frequency", 0), 1.5);
  EXPECT_DOUBLE_EQ(number(t, "mean_basket", 0), 200.0 / 3);
  EXPECT_DOUBLE_EQ(number(t, "mean_recency_days", 0), 75);
  // BC: B alone (the byte-order tie-break against c and d).
  EXPECT_EQ(text(t, "segment", 1), "Bons clients");
  EXPECT_EQ(integer(t, "customers", 1), 1);
  EXPECT_DOUBLE_EQ(number(t, "mean_recency_days", 1), 60);
  // CO: c, d: M 100, F 2, R (50 + 40) / 2.
  EXPECT_EQ(text(t, "segment", 2), "Clients occasionnels");
  EXPECT_EQ(integer(t, "customers", 2), 2);
  EXPECT_DOUBLE_EQ(number(t, "revenue", 2), 100);
  EXPECT_DOUBLE_EQ(number(t, "mean_basket", 2), 50);
  EXPECT_DOUBLE_EQ(number(t, "mean_recency_days", 2), 45);
  // CTO: e.
  EXPECT_EQ(text(t, "segment", 3), "Clients très occasionnels");
  EXPECT_EQ(integer(t, "customers", 3), 1);
  EXPECT_DOUBLE_EQ(number(t, "revenue_share", 3), 10.0 / 360);
}

TEST(CustomerBaseTables, SegmentNamesSetTheNumberOfSegments) {
  RunSpec spec = single_period(day(0), day(100));
  spec.parameters = {{"segment_names.0", "gold"},
                     {"segment_names.1", "silver"},
                     {"segment_names.2", "bronze"}};
  Result r = run(ties_fixture(), spec);
  const auto& t = r.table("value_segments").view();
  // floor(3 r / 6) for r = 0..5: 0, 0, 1, 1, 2, 2: {b, a}, {B, c}, {d, e}.
  ASSERT_EQ(t.rows(), 3);
  EXPECT_EQ(text(t, "segment", 1), "silver");
  EXPECT_DOUBLE_EQ(number(t, "revenue", 0), 200);
  EXPECT_DOUBLE_EQ(number(t, "revenue", 1), 100);
  EXPECT_DOUBLE_EQ(number(t, "revenue", 2), 60);
}

TEST(CustomerBaseTables, EmptySegmentHasCountsButNoMeans) {
  Datasets d;
  d.order_line("1", "only", day(1), 10, 0);
  Result r = run(d, single_period(day(0), day(10)));
  const auto& t = r.table("value_segments").view();
  ASSERT_EQ(t.rows(), 4);
  EXPECT_EQ(integer(t, "customers", 0), 1);  // floor(4 * 0 / 1) = 0
  EXPECT_EQ(integer(t, "customers", 1), 0);
  EXPECT_DOUBLE_EQ(number(t, "revenue_share", 1), 0);
  EXPECT_TRUE(is_null(t, "mean_frequency", 1));
  EXPECT_TRUE(is_null(t, "mean_basket", 1));
  EXPECT_TRUE(is_null(t, "mean_recency_days", 1));
}

TEST(CustomerBaseTables, ReturnsMakeMNetAndAnOrderOfTotalZeroNoPurchase) {
  Datasets d;
  // X: a purchase of 100 on day 10, then order r of 30 - 30 = 0 on day 50:
  // no purchase (F = 1, R = 90) but its lines count in M = 100.
  // Y: 80 on day 20 and a return line -50 on day 30 of the same order:
  // total 30 > 0, one purchase, M = 30.
  d.order_line("x1", "X", day(10), 100, 0);
  d.order_line("r", "X", day(50), 30, 0);
  d.order_line("r", "X", day(51), -30, 0);
  d.order_line("y1", "Y", day(20), 80, 0);
  d.order_line("y1", "Y", day(30), -50, 0);
  RunSpec spec = single_period(day(0), day(100));
  spec.parameters = {{"segment_names.0", "all"}};
  Result r = run(d, spec);
  const auto& t = r.table("value_segments").view();
  ASSERT_EQ(t.rows(), 1);
  EXPECT_EQ(integer(t, "customers", 0), 2);
  EXPECT_DOUBLE_EQ(number(t, "revenue", 0), 130);  // 100 + 30
  EXPECT_DOUBLE_EQ(number(t, "mean_frequency", 0), 1);
  // R: X 100 - 10 = 90, Y 100 - 20 = 80.
  EXPECT_DOUBLE_EQ(number(t, "mean_recency_days", 0), 85);
  // orders in P: x1 and y1 (r totals 0).
  EXPECT_EQ(*r.value("orders", 0), 2);
}

TEST(CustomerBaseTables, RfmScoresRankEachDimension) {
  Result r = run(ties_fixture(), single_period(day(0), day(100)));
  const auto& t = r.table("rfm_scores").view();
  // n = 6, score = 5 - floor(5 r / 6): ranks 0..5 -> 5, 5, 4, 3, 2, 1.
  // R ascending (recency): e 30, d 40, c 50, B 60, a 70, b 80
  //   -> e5 d5 c4 B3 a2 b1.
  // F descending, ties in M order (b, a, B, c, d, e): b 2 first, then
  //   a, B, c, d, e -> b5 a5 B4 c3 d2 e1.
  // M order b, a, B, c, d, e -> b5 a5 B4 c3 d2 e1.
  // (R, F, M): b (1,5,5), a (2,5,5), B (3,4,4), c (4,3,3), d (5,2,2),
  // e (5,1,1): six cells of 1, listed by R, F, M descending.
  ASSERT_EQ(t.rows(), 6);
  const int64_t expected[6][3] = {{5, 2, 2}, {5, 1, 1}, {4, 3, 3},
                                  {3, 4, 4}, {2, 5, 5}, {1, 5, 5}};
  for (int64_t i = 0; i < 6; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(integer(t, "r_score", i), expected[i][0]);
    EXPECT_EQ(integer(t, "f_score", i), expected[i][1]);
    EXPECT_EQ(integer(t, "m_score", i), expected[i][2]);
    EXPECT_EQ(integer(t, "customers", i), 1);
  }
}

TEST(CustomerBaseTables, CacByChannel) {
  Datasets d;
  // New in [0, 90): N1, N2 (search), N3 (social), N4 (no channel).
  // O bought before: not new.
  d.order_line("0", "O", day(-5), 10, 0);
  d.order_line("1", "N1", day(0), 10, 0);
  d.order_line("2", "N2", day(10), 10, 0);
  d.order_line("3", "N3", day(20), 10, 0);
  d.order_line("4", "N4", day(89), 10, 0);
  d.customer("O", "search", true);
  d.customer("N1", "search", true);
  d.customer("N2", "search", false);
  d.customer("N3", "social", true);
  d.customer("N4", std::nullopt, true);
  // P = [day 0, day 90): January to March.
  d.spend("2026-01", "search", 100);
  d.spend("2026-02", "search", 50);
  d.spend("2026-03", "email", 70);
  d.spend("2025-12", "social", 999);  // before P
  d.spend("2026-04", "search", 999);  // after P
  RunSpec spec = single_period(day(0), day(90));
  Result r = run(d, spec);
  const auto& t = r.table("cac_by_channel").view();
  ASSERT_EQ(t.rows(), 3);
  // email: 70 spent, nobody acquired: no cac.
  EXPECT_EQ(text(t, "channel", 0), "email");
  EXPECT_DOUBLE_EQ(number(t, "spend", 0), 70);
  EXPECT_EQ(integer(t, "new_customers", 0), 0);
  EXPECT_TRUE(is_null(t, "cac", 0));
  // search: 150 / 2.
  EXPECT_EQ(text(t, "channel", 1), "search");
  EXPECT_DOUBLE_EQ(number(t, "spend", 1), 150);
  EXPECT_EQ(integer(t, "new_customers", 1), 2);
  EXPECT_DOUBLE_EQ(number(t, "cac", 1), 75);
  // social: no spend in P, 1 customer: 0.
  EXPECT_EQ(text(t, "channel", 2), "social");
  EXPECT_EQ(integer(t, "new_customers", 2), 1);
  EXPECT_DOUBLE_EQ(number(t, "cac", 2), 0);
  // Overall: 220 / 4 new customers (N4 counts here, in no channel row).
  EXPECT_DOUBLE_EQ(*r.value("cac", 0), 55);
}

// A week holds no whole month: its new customers are counted, and spend
// and cac have no value rather than a share of a month.
TEST(CustomerBaseTables, CacByChannelOfAWeekHasNoSpend) {
  Datasets d;
  d.order_line("1", "N1", day(4), 10, 0);   // Monday 5 January: before
  d.order_line("2", "N2", day(12), 10, 0);  // in the week of Monday 12th
  d.customer("N1", "search", true);
  d.customer("N2", "search", true);
  d.spend("2026-01", "search", 100);
  Result r = run(d, single_period(day(11), day(18)));
  const auto& t = r.table("cac_by_channel").view();
  ASSERT_EQ(t.rows(), 1);
  EXPECT_EQ(text(t, "channel", 0), "search");
  EXPECT_EQ(integer(t, "new_customers", 0), 1);
  EXPECT_TRUE(is_null(t, "spend", 0));
  EXPECT_TRUE(is_null(t, "cac", 0));
  EXPECT_FALSE(r.value("cac", 0));
}

// Last purchases around the alert bounds at as_of = day 100, A = 90:
// alert_1m = [40, 70), alert_2m = [10, 40).
Datasets alert_fixture() {
  const int64_t us = 1;
  Datasets d;
  d.order_line("p1", "p1", day(70), 10, 0);       // exactly 30 d: none
  d.order_line("p2", "p2", day(70) - us, 20, 0);  // just over 30 d: 1m
  d.order_line("p3", "p3", day(40), 30, 0);       // exactly 60 d: 1m
  d.order_line("p4", "p4", day(40) - us, 40, 0);  // just over 60 d: 2m
  d.order_line("p5", "p5", day(10), 50, 0);       // exactly A: 2m
  d.order_line("p6", "p6", day(10) - us, 60, 0);  // beyond A: none
  d.order_line("p3b", "p3", day(-400), 5, 0);     // before the RFM window
  d.customer("p2", std::nullopt, true);
  d.customer("p4", std::nullopt, false);
  return d;
}

TEST(CustomerBaseTables, AlertOneMonthBounds) {
  Result r = run(alert_fixture(), single_period(day(0), day(100)));
  const auto& t = r.table("alert_1m").view();
  // p3 (M 30) then p2 (M 20), by monetary value descending.
  ASSERT_EQ(t.rows(), 2);
  EXPECT_EQ(text(t, "customer_id", 0), "p3");
  EXPECT_EQ(integer(t, "last_purchase", 0), day(40));
  EXPECT_DOUBLE_EQ(number(t, "recency_days", 0), 60);
  EXPECT_DOUBLE_EQ(number(t, "monetary", 0), 30);  // day -400 is outside W
  EXPECT_EQ(integer(t, "frequency", 0), 1);
  EXPECT_FALSE(t.column("consent_marketing").bool_at(0));  // no row
  EXPECT_EQ(text(t, "customer_id", 1), "p2");
  EXPECT_DOUBLE_EQ(number(t, "recency_days", 1),
                   30 + 1.0 / static_cast<double>(kDay));
  EXPECT_TRUE(t.column("consent_marketing").bool_at(1));
  // RFM: all six customers bought in [-265, 100) (p6 too:
  // day 10 - 1 us is within 365 d): M order p6 60, p5 50, p4 40, p3 30,
  // p2 20, p1 10; floor(4 r / 6): p3 (r 3) -> 2, p2 (r 4) -> 2.
  EXPECT_EQ(text(t, "value_segment", 0), "Clients occasionnels");
  EXPECT_EQ(text(t, "value_segment", 1), "Clients occasionnels");
}

TEST(CustomerBaseTables, AlertTwoMonthsBounds) {
  Result r = run(alert_fixture(), single_period(day(0), day(100)));
  const auto& t = r.table("alert_2m").view();
  ASSERT_EQ(t.rows(), 2);
  EXPECT_EQ(text(t, "customer_id", 0), "p5");
  EXPECT_DOUBLE_EQ(number(t, "recency_days", 0), 90);
  EXPECT_EQ(text(t, "value_segment", 0), "Très bons clients");  // r 1 -> 0
  EXPECT_EQ(text(t, "customer_id", 1), "p4");
  EXPECT_FALSE(t.column("consent_marketing").bool_at(1));
  EXPECT_EQ(text(t, "value_segment", 1), "Bons clients");  // r 2 -> 1
}

TEST(CustomerBaseTables, AlertTwoMonthsFollowsTheActivityWindow) {
  RunSpec spec = single_period(day(0), day(100));
  spec.parameters = {{"activity_window", "70"}};  // alert_2m = [30, 40)
  Result r = run(alert_fixture(), spec);
  const auto& t = r.table("alert_2m").view();
  ASSERT_EQ(t.rows(), 1);
  EXPECT_EQ(text(t, "customer_id", 0), "p4");
}

TEST(CustomerBaseTables, TablesAreSkippedWhenNotAsked) {
  RunSpec spec = single_period(day(0), day(100));
  spec.kpis = {"alert_1m"};
  Result r = run(alert_fixture(), spec);
  EXPECT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables.count("alert_1m"), 1u);
  EXPECT_TRUE(r.values.empty());
}

}  // namespace
}  // namespace customer_base_test
