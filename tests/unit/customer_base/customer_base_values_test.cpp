// The value KPIs of customer_base, period by period, against figures
// computed by hand from small fixtures. Days are counted from 2026-01-01
// (day(n)); the activity window is the default 90 days unless said.
#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include <cmath>
#include <string>

#include "plugin_harness.hpp"
#include "plugin_host/plugin_error.hpp"

namespace customer_base_test {
namespace {

void expect_value(const Result& r, const std::string& kpi, uint32_t period,
                  std::optional<double> expected) {
  SCOPED_TRACE(kpi + " period " + std::to_string(period));
  std::optional<double> got = r.value(kpi, period);
  ASSERT_EQ(got.has_value(), expected.has_value());
  if (expected) {
    EXPECT_NEAR(*got, *expected, 1e-9 * (1 + std::abs(*expected)));
  }
}

// Purchases (order total > 0), by customer:
//   B: o9 day 5 (10), o3 day 120 (80 + 20 on day 121: one order of 100)
//   A: o1 day 10 (100), o2 day 150 (50)
//   C: o4 day 50 (30); o5 day 130/131 is 40 - 50 = -10: not a purchase
//   E: o8 day 100 (60)      D: o7 day 200 (70)     anonymous: o6 day 160 (25)
Datasets base_fixture() {
  Datasets d;
  d.order_line("o9", "B", day(5), 10, 2);
  d.order_line("o1", "A", day(10), 100, 40);
  d.order_line("o4", "C", day(50), 30, 10);
  d.order_line("o8", "E", day(100), 60, 15);
  d.order_line("o3", "B", day(120), 80, 30);
  d.order_line("o3", "B", day(121), 20, 5);
  d.order_line("o5", "C", day(130), 40, 10);
  d.order_line("o5", "C", day(131), -50, -12);
  d.order_line("o2", "A", day(150), 50, 20);
  d.order_line("o6", "", day(160), 25, 10);
  d.order_line("o7", "D", day(200), 70, 30);
  d.customer("A", "search", true);
  d.customer("B", std::nullopt, false);
  d.customer("E", "social", true);
  // Days of the 1sts: April 90, May 120, June 151, July 181, August 212.
  d.spend("2026-04", "search", 1000);
  d.spend("2026-05", "search", 300);
  d.spend("2026-06", "social", 200);
  d.spend("2026-07", "search", 100);
  d.spend("2026-08", "search", 999);
  return d;
}

// P0 = [-100, 0), P1 = [0, 100), P2 = [100, 200) = P.
RunSpec base_run() {
  RunSpec r;
  r.periods = {{day(-100), day(0)}, {day(0), day(100)}, {day(100), day(200)}};
  r.current = 2;
  return r;
}

TEST(CustomerBaseValues, ReportPeriodMatchesHandComputation) {
  Result r = run(base_fixture(), base_run());
  // Lines in [100, 200): 60 + 80 + 20 + 40 - 50 + 50 + 25 = 225 (the return
  // counts; o7 at exactly day 200 = as_of is out). Margins: 15 + 30 + 5 +
  // 10 - 12 + 20 + 10 = 78.
  expect_value(r, "revenue", 2, 225.0);
  expect_value(r, "margin", 2, 78.0);
  expect_value(r, "margin_rate", 2, 78.0 / 225.0);
  // Purchases in P: o8 (day 100, inclusive start), o3, o2, o6 (anonymous
  // counts): 4, totals 60 + 100 + 50 + 25 = 235.
  expect_value(r, "orders", 2, 4);
  expect_value(r, "avg_basket", 2, 235.0 / 4);
  // Customers with a purchase in P: E, B, A (not C: o5 is no purchase).
  expect_value(r, "buyers", 2, 3);
  // Active at 200: last purchase in [110, 200): A (150), B (120); E (100)
  // is too old, D's day-200 purchase is not before as_of.
  expect_value(r, "active_customers", 2, 2);
  expect_value(r, "mean_recency_days", 2, (50.0 + 80.0) / 2);
  // First purchase in [100, 200): E only.
  expect_value(r, "new_customers", 2, 1);
  // First purchase in [200 - 180, 200) = [20, 200): C (50), E (100).
  expect_value(r, "recent_customers", 2, 2);
  // Active at start 100, window [10, 100): A (10, inclusive bound), C (50).
  // Last purchase before 200 earlier than 110: C (50): lost. A (150) is not.
  expect_value(r, "lost_customers", 2, 1);
  expect_value(r, "churn_rate", 2, 0.5);
  expect_value(r, "net_customer_growth", 2, 0);
  expect_value(r, "renewal_ratio", 2, 1);
  // Customers with a purchase before 200: A, B, C, E. Their lines before
  // 200: A 100 + 50, B 10 + 80 + 20, C 30 + 40 - 50, E 60 = 340 / 4.
  expect_value(r, "clv_historic", 2, 85);
  // Margins: A 40 + 20, B 2 + 30 + 5, C 10 + 10 - 12, E 15 = 120 / 4.
  expect_value(r, "clv_margin", 2, 30);
  // P is 100 days, no whole months: monthly spend has no share in it
  // (CacIsTheSpendOfTheMonthsOfP has months).
  expect_value(r, "cac", 2, std::nullopt);
  expect_value(r, "clv_to_cac", 2, std::nullopt);
  EXPECT_THAT(r.notes.at("cac"),
              ::testing::ElementsAre(::testing::HasSubstr("by month")));
  expect_value(r, "activity_window_days", 2, 90);
  // The data starts on day 5: it does not cover the 12 months before 200.
  expect_value(r, "clv_predictive", 2, std::nullopt);
}

TEST(CustomerBaseValues, EveryPeriodIsComputedWithItsOwnBounds) {
  Result r = run(base_fixture(), base_run());
  // P1 = [0, 100): lines o9 10, o1 100, o4 30 = 140; margins 2 + 40 + 10.
  expect_value(r, "revenue", 1, 140);
  expect_value(r, "margin", 1, 52);
  expect_value(r, "orders", 1, 3);
  expect_value(r, "avg_basket", 1, 140.0 / 3);
  expect_value(r, "buyers", 1, 3);
  // Active at 100 ([10, 100)): A (10), C (50); B (5) is out. Recency 90, 50.
  expect_value(r, "active_customers", 1, 2);
  expect_value(r, "mean_recency_days", 1, 70);
  expect_value(r, "new_customers", 1, 3);
  expect_value(r, "recent_customers", 1, 3);
  // Nobody was active at 0: no churn rate; 0 lost: no renewal ratio.
  expect_value(r, "lost_customers", 1, 0);
  expect_value(r, "churn_rate", 1, std::nullopt);
  expect_value(r, "net_customer_growth", 1, 3);
  expect_value(r, "renewal_ratio", 1, std::nullopt);
  // A 100, B 10, C 30 (o5 is after 100) over 3 buyers; margins 40, 2, 10.
  expect_value(r, "clv_historic", 1, 140.0 / 3);
  expect_value(r, "clv_margin", 1, 52.0 / 3);
}

// May, June and July: the spend of the months P is made of.
TEST(CustomerBaseValues, CacIsTheSpendOfTheMonthsOfP) {
  RunSpec spec;
  spec.periods = {{day(0), day(120)}, {day(120), day(212)}};
  spec.current = 1;
  Result r = run(base_fixture(), spec);
  // 300 + 200 + 100 = 600 for D, the one first purchase in [120, 212).
  expect_value(r, "cac", 1, 600);
  // clv_margin at 212: A 60, B 37, C 8, E 15, D 30 = 150 / 5.
  expect_value(r, "clv_to_cac", 1, 30.0 / 600.0);
  // January to April: April's 1000 for A, B, C and E.
  expect_value(r, "cac", 0, 1000.0 / 4);
  EXPECT_EQ(r.notes.count("cac"), 0u);
}

// The months are the report's time zone's: in Paris, May starts on
// 30 April at 22:00 UTC, and a UTC month is no whole Paris month.
TEST(CustomerBaseValues, MonthsAreThoseOfTheReportsTimeZone) {
  constexpr int64_t kHour = kDay / 24;
  RunSpec paris;
  paris.time_zone = "Europe/Paris";
  paris.periods = {{day(120) - 2 * kHour, day(212) - 2 * kHour}};
  expect_value(run(base_fixture(), paris), "cac", 0, 600);
  paris.periods = {{day(120), day(212)}};
  expect_value(run(base_fixture(), paris), "cac", 0, std::nullopt);
}

TEST(CustomerBaseValues, EmptyDenominatorsHaveNoValue) {
  Result r = run(base_fixture(), base_run());
  // P0 = [-100, 0) holds nothing at all.
  expect_value(r, "revenue", 0, 0);
  expect_value(r, "margin", 0, 0);
  expect_value(r, "margin_rate", 0, std::nullopt);
  expect_value(r, "orders", 0, 0);
  expect_value(r, "avg_basket", 0, std::nullopt);
  expect_value(r, "active_customers", 0, 0);
  expect_value(r, "mean_recency_days", 0, std::nullopt);
  expect_value(r, "churn_rate", 0, std::nullopt);
  expect_value(r, "renewal_ratio", 0, std::nullopt);
  expect_value(r, "clv_historic", 0, std::nullopt);
  expect_value(r, "cac", 0, std::nullopt);  // 0 spend, 0 new customers
  expect_value(r, "clv_to_cac", 0, std::nullopt);
}

TEST(CustomerBaseValues, NoMarginColumnMeansNoMarginKpis) {
  Datasets d = base_fixture();
  d.with_margin = false;
  Result r = run(d, base_run());
  expect_value(r, "revenue", 2, 225);
  expect_value(r, "margin", 2, std::nullopt);
  expect_value(r, "margin_rate", 2, std::nullopt);
  expect_value(r, "clv_margin", 2, std::nullopt);
  expect_value(r, "clv_to_cac", 2, std::nullopt);
}

TEST(CustomerBaseValues, NoSpendDatasetMeansNoCac) {
  Datasets d = base_fixture();
  d.has_spend = false;
  Result r = run(d, base_run());
  expect_value(r, "cac", 2, std::nullopt);
  expect_value(r, "clv_to_cac", 2, std::nullopt);
}

TEST(CustomerBaseValues, RevenueIsExactToTheCent) {
  Datasets d;
  // 0.1 + 0.2 in doubles is 0.30000000000000004; summed as scaled int64
  // it is 3000 / 10^4, the double nearest 0.3.
  d.order_line("a", "X", day(1), 0.1, 0);
  d.order_line("b", "X", day(2), 0.2, 0);
  RunSpec run_spec;
  run_spec.periods = {{day(0), day(10)}};
  run_spec.kpis = {"revenue"};
  Result r = run(d, run_spec);
  EXPECT_EQ(*r.value("revenue", 0), 0.3);
}

TEST(CustomerBaseValues, AnonymousLinesCountInRevenueOnly) {
  Datasets d;
  d.order_line("a", "", day(1), 40, 0);
  d.order_line("b", "X", day(2), 10, 0);
  RunSpec spec;
  spec.periods = {{day(0), day(10)}};
  Result r = run(d, spec);
  expect_value(r, "revenue", 0, 50);
  expect_value(r, "orders", 0, 2);         // a purchase either way
  expect_value(r, "buyers", 0, 1);         // X only
  expect_value(r, "new_customers", 0, 1);  // X only
  expect_value(r, "clv_historic", 0, 10);  // X's 10 over 1 customer
}

TEST(CustomerBaseValues,
     AnOrderBelongsToTheCustomerOfItsEarliestIdentifiedLine) {
  Datasets d;
  // One order, lines of two customers: its time is day 2 (earliest line),
  // its customer Q (the identified line of day 2; the anonymous day-1 line
  // does not count). P gets no purchase.
  d.order_line("o", "", day(1), 5, 0);
  d.order_line("o", "Q", day(2), 10, 0);
  d.order_line("o", "P", day(3), 10, 0);
  RunSpec spec;
  spec.periods = {{day(0), day(10)}};
  Result r = run(d, spec);
  expect_value(r, "orders", 0, 1);
  expect_value(r, "avg_basket", 0, 25);
  expect_value(r, "buyers", 0, 1);
  expect_value(r, "new_customers", 0, 1);
  // Q's own line: 10 over 1 customer who bought (P did not).
  expect_value(r, "clv_historic", 0, 10);
}

TEST(CustomerBaseValues, AutoActivityWindowIsTheRoundedMeanRecency) {
  Datasets d;
  // At as_of = 100, 365-day window [-265, 100): X (90, recency 10),
  // W (74, recency 26), Y (59, recency 41); Z (-300) is out.
  // Mean = (10 + 26 + 41) / 3 = 25.67, rounded to 26 days.
  d.order_line("x", "X", day(90), 10, 0);
  d.order_line("w", "W", day(74), 10, 0);
  d.order_line("y", "Y", day(59), 10, 0);
  d.order_line("z", "Z", day(-300), 10, 0);
  RunSpec spec;
  spec.parameters = {{"activity_window", "auto"}};
  // P0 = [-1000, -900): nothing bought before -900: no auto window.
  spec.periods = {{day(-1000), day(-900)}, {day(0), day(100)}};
  spec.current = 1;
  Result r = run(d, spec);
  expect_value(r, "activity_window_days", 1, 26);
  // A = 26: [74, 100) holds X and W (74 is the inclusive bound), not Y.
  expect_value(r, "active_customers", 1, 2);
  expect_value(r, "mean_recency_days", 1, (10.0 + 26.0) / 2);
  expect_value(r, "activity_window_days", 0, std::nullopt);
  expect_value(r, "active_customers", 0, 0);
}

TEST(CustomerBaseValues, ClvPredictiveOverTwelveMonths) {
  // Monthly UTC periods Jan 2025 .. Jan 2026 (current), as_of 2026-02-01.
  // K buys on the 1st of every month, 2024-11-01 .. 2026-01-01 (20, margin
  // 10); L buys once on 2025-01-10 (30, margin 6).
  const int64_t y2025 = day(-365);  // 2025-01-01
  const int month_days_2025[] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
  std::vector<int64_t> month_starts{y2025};
  for (int m : month_days_2025)
    month_starts.push_back(month_starts.back() + m * kDay);
  month_starts.push_back(month_starts.back() + 31 * kDay);  // 2026-02-01
  Datasets d;
  d.order_line("k-nov", "K", y2025 - 61 * kDay, 20, 10);  // 2024-11-01
  d.order_line("k-dec", "K", y2025 - 31 * kDay, 20, 10);  // 2024-12-01
  for (size_t i = 0; i + 1 < month_starts.size(); ++i)
    d.order_line("k" + std::to_string(i), "K", month_starts[i], 20, 10);
  d.order_line("l", "L", y2025 + 9 * kDay, 30, 6);  // 2025-01-10
  RunSpec spec;
  for (size_t i = 0; i + 1 < month_starts.size(); ++i)
    spec.periods.push_back({month_starts[i], month_starts[i + 1]});
  spec.current = 12;
  Result r = run(d, spec);
  // Monthly churn with A = 90 days: L is active at the start of Feb, Mar
  // and Apr 2025 and crosses the line (2025-01-10 + 90 d = 2025-04-10)
  // in April: April = 1 lost / 2 active = 0.5; every other month 0 (K is
  // never lost). Over Feb 2025 .. Jan 2026 the mean is 0.5 / 12 = 1/24,
  // r = (1 - 1/24)^12. m: only K bought in [2025-02-01, 2026-02-01):
  // 12 purchases x 10 margin = 120 for 1 customer.
  const double r12 = std::pow(23.0 / 24.0, 12);
  expect_value(r, "clv_predictive", 12, 120 * r12 / (1.1 - r12));
  // P' (Dec 2025, as_of 2026-01-01): months Jan .. Dec 2025, Jan's churn
  // is 0 / 1 (K active at 2025-01-01): mean again 0.5 / 12. m is taken
  // over the customers active at as_of ([2025-10-03, 2026-01-01) with
  // A = 90 days): K only, not L, who bought in the 365 days but on
  // 2025-01-10. So K's 12 x 10 over 1 customer = 120 (not 126 / 2 = 63).
  expect_value(r, "clv_predictive", 11, 120 * r12 / (1.1 - r12));
  // Jan 2025 (as_of 2025-02-01) would need data from 2024-02-01.
  expect_value(r, "clv_predictive", 0, std::nullopt);

  spec.parameters = {{"discount_rate", "0.2"}};
  Result r2 = run(d, spec);
  expect_value(r2, "clv_predictive", 12, 120 * r12 / (1.2 - r12));
}

TEST(CustomerBaseValues, OnlyTheAskedKpisAreEmitted) {
  RunSpec spec = base_run();
  spec.kpis = {"revenue", "churn_rate"};
  Result r = run(base_fixture(), spec);
  EXPECT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.values.count("revenue"), 1u);
  // Every period, each with its value (0 in P0, see above): the plugin
  // emitted all three.
  ASSERT_EQ(r.values.at("revenue").size(), 3u);
  for (const auto& v : r.values.at("revenue")) EXPECT_TRUE(v.has_value());
  EXPECT_TRUE(r.tables.empty());
}

// Amounts near the decimal limit (about 922 trillion): a period whose
// revenue passes it fails naming the KPI, never wraps to a negative; each
// period that fits is exact even when the sum of all lines does not.
TEST(CustomerBaseValues, RevenuePastTheDecimalRangeFailsNamingTheKpi) {
  Datasets d;
  d.with_margin = false;
  const double big = 500'000'000'000'000.0;  // 5e14, x2 passes 9.22e14
  d.order_line("o1", "A", day(-50), big, 0);
  d.order_line("o2", "B", day(50), big, 0);
  d.order_line("o3", "C", day(150), big, 0);
  d.order_line("o4", "D", day(160), big, 0);
  RunSpec spec = base_run();
  spec.kpis = {"revenue"};
  try {
    run(d, spec);
    FAIL() << "expected an error";
  } catch (const vigie::plugin_host::PluginError& e) {
    EXPECT_THAT(std::string(e.what()),
                ::testing::HasSubstr("revenue: the exact total is beyond"));
  }
  // P0 and P1 alone fit (5e14 each), though their running sum does not.
  spec.periods.pop_back();
  spec.current = 1;
  spec.kpis = {"revenue", "orders"};
  Result r = run(d, spec);
  expect_value(r, "revenue", 0, big);
  expect_value(r, "revenue", 1, big);
  // A KPI not asked for does not fail the run: orders of P2 = 2 still
  // computes when revenue is not wanted.
  RunSpec orders_only = base_run();
  orders_only.kpis = {"orders", "avg_basket"};
  Result o = run(d, orders_only);
  expect_value(o, "orders", 2, 2);
  expect_value(o, "avg_basket", 2, big);
}

// Refused, with a message of the plugin's own.
void expect_refused(const std::map<std::string, std::string>& parameters) {
  std::optional<std::string> message = create_error(parameters);
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(*message, "");
}

TEST(CustomerBaseValues, BadParametersAreRefusedAtCreate) {
  EXPECT_EQ(create_error({}), std::nullopt);
  EXPECT_EQ(create_error({{"activity_window", "auto"}}), std::nullopt);
  expect_refused({{"activity_window", "soon"}});
  expect_refused({{"activity_window", "0"}});
  expect_refused({{"alert_1m_days", "60"}, {"alert_2m_days", "30"}});
  expect_refused({{"discount_rate", "-1"}});
}

}  // namespace
}  // namespace customer_base_test
