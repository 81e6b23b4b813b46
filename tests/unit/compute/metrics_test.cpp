// Metrics written in the spec computed over small hand-built tables. Every
// expected figure is counted by hand from the rows listed below.
#include <gtest/gtest.h>

#include <chrono>

#include "compute/kpi_runner.hpp"
#include "compute/metric_references.hpp"
#include "compute/metrics.hpp"

namespace vigie::compute {
namespace {

using spec::Aggregate;
using spec::FilterOp;
using spec::Metric;

// An instant given in UTC, in µs.
int64_t utc(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  const auto t = date::sys_days{date::year{y} / date::month{m} / date::day{d}} +
                 hours{h} + minutes{min};
  return duration_cast<microseconds>(t.time_since_epoch()).count();
}

Column& texts(Table& t, const std::string& name,
              const std::vector<std::optional<std::string>>& values) {
  auto pool = std::make_shared<StringPool>();
  std::map<std::string, int32_t> codes;
  auto& c = t.add(name, Type::Dictionary);
  for (const auto& v : values) {
    if (!v) {
      c.push_null();
      continue;
    }
    auto [it, added] = codes.try_emplace(*v, 0);
    if (added) it->second = pool->append(*v);
    c.push_code(it->second);
  }
  c.dictionary = pool;
  return c;
}

Column& ints(Table& t, const std::string& name, Type type,
             const std::vector<std::optional<int64_t>>& values) {
  auto& c = t.add(name, type);
  for (const auto& v : values)
    if (v)
      c.push_int(*v);
    else
      c.push_null();
  return c;
}

// Web events in Europe/Paris (UTC+2 until 25 October 2026 03:00, UTC+1
// after):
//  0  30 Sep 23:30 local  page_view mobile   100  v1   September
//  1   1 Oct 00:30 local  page_view mobile  3000  v1   1 October
//  2  10 Oct 12:00 local  page_view desktop 5000  v2   10 October
//  3  25 Oct 00:30 +02:00 page_view tablet  4000  v3   25 October
//  4  25 Oct 23:30 +01:00 page_view mobile  null  v3   25 October
//  5  26 Oct 00:30 +01:00 click     mobile  7000  v1   26 October
//  6   1 Nov 00:30 local  page_view mobile  9000  v1   November
//  7  no time             page_view mobile     1  v1   no period
std::shared_ptr<const Table> web_events() {
  auto t = std::make_shared<Table>();
  ints(*t, "ts", Type::Timestamp,
       {utc(2026, 9, 30, 21, 30), utc(2026, 9, 30, 22, 30),
        utc(2026, 10, 10, 10, 0), utc(2026, 10, 24, 22, 30),
        utc(2026, 10, 25, 22, 30), utc(2026, 10, 25, 23, 30),
        utc(2026, 10, 31, 23, 30), std::nullopt});
  texts(*t, "event_type",
        {"page_view", "page_view", "page_view", "page_view", "page_view",
         "click", "page_view", "page_view"});
  texts(*t, "device",
        {"mobile", "mobile", "desktop", "tablet", "mobile", "mobile", "mobile",
         "mobile"});
  ints(*t, "load_time_ms", Type::Int64,
       {100, 3000, 5000, 4000, std::nullopt, 7000, 9000, 1});
  texts(*t, "visitor_id", {"v1", "v1", "v2", "v3", "v3", "v1", "v1", "v1"});
  return t;
}

// Orders: amounts x 10^4 (0.10, 0.20 and 1.05 in October, 2.50 in
// September).
std::shared_ptr<const Table> orders() {
  auto t = std::make_shared<Table>();
  ints(*t, "ordered_at", Type::Timestamp,
       {utc(2026, 10, 2, 10, 0), utc(2026, 10, 3, 10, 0),
        utc(2026, 10, 4, 10, 0), utc(2026, 9, 4, 10, 0)});
  ints(*t, "amount", Type::Decimal, {1000, 2000, 10500, 25000});
  return t;
}

spec::Report paris(int series = 2) {
  spec::Report r;
  r.time_zone = "Europe/Paris";
  r.locale = "en_GB";
  r.series = series;
  return r;
}

const CalendarPeriod kOctober{
    Grain::Month, date::local_days{date::year{2026} / date::October / 1}};

spec::FilterCondition condition(const std::string& column, FilterOp op,
                                std::vector<std::string> texts_,
                                std::vector<int64_t> numbers = {}) {
  spec::FilterCondition c{column, op, {}};
  for (auto& t : texts_) c.values.push_back({0, t});
  for (auto n : numbers) c.values.push_back({n, ""});
  return c;
}

spec::Kpi aggregate(const std::string& id, Aggregate a,
                    const std::string& dataset,
                    const std::string& column = "") {
  spec::Kpi k;
  k.id = id;
  k.output = id;
  Metric m;
  m.aggregate = a;
  m.dataset = dataset;
  m.column = column;
  k.metric = m;
  return k;
}

struct Run {
  std::vector<KpiResult> results;
  const KpiResult& operator[](const std::string& id) const {
    for (const auto& r : results)
      if (r.id == id) return r;
    throw std::out_of_range(id);
  }
};

// The metrics over the web events and orders, October 2026 against
// September (P' at index 0, P at index 1).
Run compute(const std::vector<spec::Kpi>& kpis,
            std::vector<KpiResult> given = {},
            const spec::Report& report = paris()) {
  const Datasets datasets{{"web_events", web_events()}, {"orders", orders()}};
  const PeriodPlan plan = plan_periods(report, kOctober);
  given.resize(kpis.size());
  compute_metrics(kpis, report, datasets, plan, given);
  return {given};
}

TEST(MetricAggregates, FilterByListAndComparison) {
  auto views = aggregate("views", Aggregate::Count, "web_events");
  views.metric->filter = {
      condition("event_type", FilterOp::Equal, {"page_view"}),
      condition("device", FilterOp::Equal, {"mobile", "tablet"})};
  auto slow = aggregate("slow", Aggregate::Count, "web_events");
  slow.metric->filter = {
      condition("load_time_ms", FilterOp::GreaterOrEqual, {}, {3000})};
  auto not_mobile = aggregate("not_mobile", Aggregate::Count, "web_events");
  not_mobile.metric->filter = {
      condition("device", FilterOp::NotEqual, {"mobile", "unknown"})};
  auto r = compute({views, slow, not_mobile});
  // October: rows 1, 3, 4 (2 is desktop, 5 a click); September: row 0.
  EXPECT_EQ(r["views"].value, 3.0);
  EXPECT_EQ(r["views"].previous, 1.0);
  EXPECT_EQ(r["views"].change, 2.0);
  // October: rows 1, 2, 3, 5 (row 4's null never matches); September: none
  // (100 ms), and a count of nothing is 0.
  EXPECT_EQ(r["slow"].value, 4.0);
  EXPECT_EQ(r["slow"].previous, 0.0);
  EXPECT_EQ(r["not_mobile"].value, 2.0);  // rows 2 and 3
  EXPECT_EQ(r["views"].indicator, "metric");
  EXPECT_EQ(r["views"].kind, plugin_host::OutputKind::Value);
}

TEST(MetricAggregates, CountDistinctAndPercentileBoundaries) {
  auto visitors = aggregate("visitors", Aggregate::CountDistinct, "web_events",
                            "visitor_id");
  auto p = [](const std::string& id, int64_t percent_x10000) {
    auto k = aggregate(id, Aggregate::Percentile, "web_events", "load_time_ms");
    k.metric->percentile = percent_x10000;
    return k;
  };
  // October's load times: 3000, 4000, 5000, 7000 (row 4 has none): n = 4,
  // rank ceil(p/100 * 4).
  auto r = compute({visitors, p("p25", 250000), p("p75", 750000),
                    p("p75_01", 750100), p("p100", 1000000)});
  EXPECT_EQ(r["visitors"].value, 3.0);     // v1, v2, v3
  EXPECT_EQ(r["visitors"].previous, 1.0);  // v1
  EXPECT_EQ(r["p25"].value, 3000.0);       // rank 1
  EXPECT_EQ(r["p75"].value, 5000.0);       // rank 3 exactly
  EXPECT_EQ(r["p75_01"].value, 7000.0);    // rank ceil(3.0004) = 4
  EXPECT_EQ(r["p100"].value, 7000.0);
  EXPECT_EQ(r["p25"].previous, 100.0);  // September's one value
}

TEST(MetricAggregates, AnEmptyPeriodHasNoMeanButASumOfZero) {
  auto clicks = [](const std::string& id, Aggregate a) {
    auto k = aggregate(id, a, "web_events", "load_time_ms");
    k.metric->filter = {condition("event_type", FilterOp::Equal, {"click"})};
    return k;
  };
  auto r =
      compute({clicks("mean", Aggregate::Mean), clicks("sum", Aggregate::Sum),
               clicks("min", Aggregate::Min), clicks("n", Aggregate::Count)});
  // No click in September.
  EXPECT_EQ(r["mean"].previous, std::nullopt);
  EXPECT_EQ(r["min"].previous, std::nullopt);
  EXPECT_EQ(r["sum"].previous, 0.0);
  EXPECT_EQ(r["n"].previous, 0.0);
  EXPECT_EQ(r["mean"].value, 7000.0);
}

TEST(MetricAggregates, DecimalsAreAddedExactly) {
  auto r = compute({aggregate("sum", Aggregate::Sum, "orders", "amount"),
                    aggregate("mean", Aggregate::Mean, "orders", "amount"),
                    aggregate("max", Aggregate::Max, "orders", "amount")});
  EXPECT_EQ(r["sum"].value, 1.35);  // 0.10 + 0.20 + 1.05
  EXPECT_EQ(r["sum"].previous, 2.5);
  EXPECT_DOUBLE_EQ(*r["mean"].value, 0.45);
  EXPECT_EQ(r["max"].value, 1.05);
}

TEST(MetricAggregates, ByAColumnOverPAndPPrevious) {
  auto k = aggregate("by_device", Aggregate::Count, "web_events");
  k.metric->by = "device";
  auto r = compute({k});
  const KpiResult& t = r["by_device"];
  EXPECT_EQ(t.kind, plugin_host::OutputKind::Table);
  ASSERT_TRUE(t.table);
  const Table& table = *t.table;
  ASSERT_EQ(table.rows(), 3);
  // October: mobile 1, 4, 5; desktop 2; tablet 3. September: mobile 0.
  // By value descending, then by name.
  const Column& keys = *table.find("device");
  EXPECT_EQ(keys.string_at(0), "mobile");
  EXPECT_EQ(keys.string_at(1), "desktop");
  EXPECT_EQ(keys.string_at(2), "tablet");
  EXPECT_EQ(table.find("value")->doubles, (std::vector<double>{3, 1, 1}));
  EXPECT_EQ(table.find("previous")->doubles, (std::vector<double>{1, 0, 0}));
  EXPECT_EQ(table.find("change")->doubles, (std::vector<double>{2, 1, 1}));
}

TEST(MetricAggregates, ByAProfileColumnOfTheRowsCustomer) {
  // The orders above with customers A, B, none, A; the profiles (one row
  // a customer code) give A a segment and B none. October: A 0.10, B 0.20
  // and the anonymous 1.05 (both "(none)": 1.25); September: A 2.50.
  auto with_customers = std::make_shared<Table>(*orders());
  texts(*with_customers, "customer_id", {"A", "B", std::nullopt, "A"});
  auto profiles = std::make_shared<Table>();
  texts(*profiles, "customer_id", {"A", "B"});
  auto& segment = profiles->add("value_segment", Type::String);
  segment.push_string("Très bons clients");
  segment.push_null();
  const Datasets datasets{{"orders", with_customers},
                          {"customer_profiles", profiles}};
  auto k = aggregate("by_segment", Aggregate::Sum, "orders", "amount");
  k.metric->by = "value_segment";
  k.metric->by_profile = true;
  const spec::Report report = paris();
  const PeriodPlan plan = plan_periods(report, kOctober);
  std::vector<KpiResult> results(1);
  compute_metrics({k}, report, datasets, plan, results);
  ASSERT_TRUE(results[0].table);
  const Table& t = *results[0].table;
  ASSERT_EQ(t.rows(), 2);
  EXPECT_EQ(t.find("value_segment")->string_at(0), "(none)");
  EXPECT_EQ(t.find("value_segment")->string_at(1), "Très bons clients");
  EXPECT_DOUBLE_EQ(t.find("value")->doubles[0], 1.25);
  EXPECT_DOUBLE_EQ(t.find("value")->doubles[1], 0.10);
  EXPECT_DOUBLE_EQ(t.find("previous")->doubles[0], 0);
  EXPECT_DOUBLE_EQ(t.find("previous")->doubles[1], 2.50);
}

TEST(MetricAggregates, MinAndMaxOverTheNonNullValuesOfAPeriod) {
  // October: 3000, 5000, 4000, null, 7000 (rows 1 to 5); September: 100.
  auto r = compute(
      {aggregate("fastest", Aggregate::Min, "web_events", "load_time_ms"),
       aggregate("slowest", Aggregate::Max, "web_events", "load_time_ms")});
  EXPECT_EQ(r["fastest"].value, 3000.0);
  EXPECT_EQ(r["fastest"].previous, 100.0);
  EXPECT_EQ(r["slowest"].value, 7000.0);
  EXPECT_EQ(r["slowest"].previous, 100.0);
}

TEST(MetricAggregates, SeriesByMonthIsTheMonthOfP) {
  // A monthly report's month series is one row, P itself: rows 1 to 5.
  auto k = aggregate("monthly", Aggregate::Count, "web_events");
  k.metric->series = Grain::Month;
  auto r = compute({k});
  const Table& t = *r["monthly"].table;
  ASSERT_EQ(t.rows(), 1);
  EXPECT_EQ(t.find("period")->string_at(0), "2026-10");
  EXPECT_EQ(t.find("value")->doubles, (std::vector<double>{5}));
}

TEST(MetricAggregates, SeriesByDayAcrossTheClockChange) {
  auto k = aggregate("daily", Aggregate::Count, "web_events");
  k.metric->series = Grain::Day;
  auto weekly = aggregate("weekly", Aggregate::Count, "web_events");
  weekly.metric->series = Grain::Week;
  auto r = compute({k, weekly});
  const Table& t = *r["daily"].table;
  ASSERT_EQ(t.rows(), 31);  // every day of October
  const Column& ids = *t.find("period");
  const Column& values = *t.find("value");
  EXPECT_EQ(ids.string_at(0), "2026-10-01");
  EXPECT_EQ(values.doubles[0], 1);  // row 1, 00:30 local on the 1st
  EXPECT_EQ(values.doubles[9], 1);  // row 2
  // The 25th has 25 hours: 00:30 +02:00 and 23:30 +01:00 both fall in it.
  EXPECT_EQ(ids.string_at(24), "2026-10-25");
  EXPECT_EQ(values.doubles[24], 2);
  EXPECT_EQ(values.doubles[25], 1);  // row 5, 00:30 on the 26th
  EXPECT_EQ(values.doubles[30], 0);  // row 6 is in November
  double total = 0;
  for (double v : values.doubles) total += v;
  EXPECT_EQ(total, 5);
  // Weeks starting inside October: W41 (5 Oct) to W44 (26 Oct); W40
  // starts on 28 September.
  const Table& w = *r["weekly"].table;
  ASSERT_EQ(w.rows(), 4);
  EXPECT_EQ(w.find("period")->string_at(0), "2026-W41");
  // W41 5-11 Oct: row 2; W43 19-25 Oct: rows 3, 4; W44 26 Oct - 1 Nov:
  // rows 5 and 6 (the whole week, into November).
  EXPECT_EQ(w.find("value")->doubles, (std::vector<double>{1, 0, 2, 2}));
}

// An indicator's KPI with the given value a period.
KpiResult given(const std::string& id, PeriodValues values) {
  KpiResult r;
  r.id = id;
  r.unit = "currency";
  r.values = std::move(values);
  return r;
}

spec::Kpi indicator_kpi(const std::string& id) {
  spec::Kpi k;
  k.id = id;
  k.indicator = "customer_base";
  return k;
}

spec::Kpi referring(const std::string& id, Metric::Kind kind,
                    std::vector<std::string> references,
                    const std::string& expression = "") {
  spec::Kpi k;
  k.id = id;
  Metric m;
  m.kind = kind;
  m.references = std::move(references);
  m.expression = expression;
  k.metric = m;
  return k;
}

TEST(MetricReferences, RatioExpressionAndCumulativeInDependencyOrder) {
  // Written before what they refer to: computed after it.
  std::vector<spec::Kpi> kpis = {
      referring("running", Metric::Kind::Cumulative, {"margin"}),
      referring("margin", Metric::Kind::Expression, {"revenue", "orders"},
                "revenue / orders - 1"),
      referring("per_order", Metric::Kind::Ratio, {"revenue", "orders"}),
      indicator_kpi("revenue"), indicator_kpi("orders")};
  std::vector<KpiResult> results(5);
  // September: revenue 10, orders 0; October: revenue 12, orders 4.
  results[3] = given("revenue", {10.0, 12.0});
  results[4] = given("orders", {0.0, 4.0});
  auto r = compute(kpis, results);
  EXPECT_EQ(r["per_order"].previous, std::nullopt);  // a denominator of 0
  EXPECT_EQ(r["per_order"].value, 3.0);
  EXPECT_EQ(r["margin"].previous, std::nullopt);  // 10 / 0 is not finite
  EXPECT_EQ(r["margin"].value, 2.0);
  // The running total starts at the first value: none in September.
  EXPECT_EQ(r["running"].previous, std::nullopt);
  EXPECT_EQ(r["running"].value, 2.0);
  EXPECT_EQ(r["running"].unit, "");  // margin's: an expression states none
}

TEST(MetricReferences, AnExpressionWithAMissingValueHasNone) {
  const PeriodValues a = {1.0, std::nullopt, 3.0};
  const PeriodValues b = {2.0, 2.0, 2.0};
  auto v = expression_values("a * b + 1", {{"a", &a}, {"b", &b}}, 3);
  EXPECT_EQ(v, (PeriodValues{3.0, std::nullopt, 7.0}));
}

TEST(MetricReferences, CumulativeRunsOverTheConsecutivePeriodsEndingWithP) {
  // Compared with a year before: P' (October 2025) stands alone ahead of
  // the trend (September, October 2026) and gets no running total.
  spec::Report report = paris(2);
  report.comparison = spec::Comparison::PreviousYear;
  const PeriodPlan plan = plan_periods(report, kOctober);
  ASSERT_EQ(plan.periods.size(), 3u);
  ASSERT_EQ(plan.previous, 0u);
  EXPECT_EQ(cumulative_values({1.0, 2.0, 3.0}, plan.periods, plan.current),
            (PeriodValues{std::nullopt, 2.0, 5.0}));
  // Missing values add nothing; none before the first value.
  const PeriodPlan months = plan_periods(paris(4), kOctober);
  EXPECT_EQ(cumulative_values({std::nullopt, 2.0, std::nullopt, 3.0},
                              months.periods, months.current),
            (PeriodValues{std::nullopt, 2.0, 2.0, 5.0}));
}

// The months planned for the comparison lines of a chart lie before the
// trend: a running total still starts with the trend.
TEST(MetricReferences, CumulativeStartsWithTheTrendWhateverLiesBefore) {
  spec::Report report = paris(2);
  report.comparison = spec::Comparison::PreviousPeriod;
  const PeriodPlan plan = plan_periods(report, kOctober, true);
  ASSERT_EQ(plan.periods.size(), 3u);  // August, then the trend
  EXPECT_EQ(cumulative_values({1.0, 2.0, 3.0}, plan.periods, plan.current, 1),
            (PeriodValues{std::nullopt, 2.0, 5.0}));
  EXPECT_EQ(cumulative_values({1.0, 2.0, 3.0}, plan.periods, plan.current),
            (PeriodValues{1.0, 3.0, 6.0}));
}

}  // namespace
}  // namespace vigie::compute
