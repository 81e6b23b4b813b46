// Metrics written in the spec: every rule of the reader, each at its
// line and column. Positions are counted by hand on the texts below (line
// 1 is the first line; columns count from 1; a value's column is the
// length of what precedes it on its line, plus one).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using ::testing::HasSubstr;
using testing::read;

// Sources fill orders and web_events; no source fills calls.
const std::string kHead =
    "report: {id: r, title: T}\n"                                     // 1
    "sources:\n"                                                      // 2
    "  - {id: o, connector: crm_sql, dataset: orders,\n"              // 3
    "     config: {url: x, table: orders}}\n"                         // 4
    "  - {id: w, connector: analytics_csv, dataset: web_events,\n"    // 5
    "     config: {path: x}}\n"                                       // 6
    "kpis:\n"                                                         // 7
    "  - {id: revenue, indicator: customer_base,\n"                   // 8
    "     parameters: {currency: EUR}}\n"                             // 9
    "  - {id: segments, output: value_segments,\n"                    // 10
    "     indicator: customer_base, parameters: {currency: EUR}}\n";  // 11

const std::string kTail =
    "sections:\n"
    "  - title: S\n"
    "    blocks:\n"
    "      - tiles: [revenue]\n";

struct Expected {
  int line;
  int column;
  std::string path;
  std::string message;  // a part of it
};

void expect_errors(const std::string& kpis,
                   const std::vector<Expected>& expected,
                   const std::string& tail = kTail) {
  auto r = read(kHead + kpis + tail);
  EXPECT_FALSE(r.spec);
  ASSERT_EQ(r.errors.size(), expected.size()) << all(r);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& d = r.errors[i];
    const auto& e = expected[i];
    EXPECT_EQ(d.where.file, "spec.yaml");
    EXPECT_EQ(d.where.line, e.line) << format_diagnostic(d);
    EXPECT_EQ(d.where.column, e.column) << format_diagnostic(d);
    EXPECT_EQ(d.where.path, e.path) << format_diagnostic(d);
    EXPECT_THAT(d.message, HasSubstr(e.message)) << format_diagnostic(d);
  }
}

TEST(Metrics, AValidSpecReadsEveryForm) {
  auto r =
      read(kHead +
           "  - id: views\n"
           "    metric:\n"
           "      aggregate: count\n"
           "      dataset: web_events\n"
           "      filter: {event_type: page_view, device: [mobile, "
           "tablet],\n"
           "               load_time_ms: {'>=': 3000, '<': 10000}}\n"
           "  - id: p95\n"
           "    metric: {aggregate: percentile, percentile: 99.9,\n"
           "             dataset: web_events, column: load_time_ms}\n"
           "  - id: by_device\n"
           "    metric: {aggregate: sum, dataset: orders, column: amount,\n"
           "             by: channel}\n"
           "  - id: daily\n"
           "    metric: {aggregate: count, dataset: orders, series: day}\n"
           "  - {id: per_view, metric: {ratio: [revenue, views]}}\n"
           "  - {id: margin, metric: {expression: \"revenue / views * "
           "2\"}}\n"
           "  - {id: running, metric: {cumulative: margin, unit: "
           "currency}}\n"
           "sections:\n"
           "  - title: S\n"
           "    blocks:\n"
           "      - tiles: [views, p95, per_view, margin, running]\n"
           "      - table: {kpi: by_device, columns: [channel, value, "
           "change]}\n"
           "      - bar_chart: {kpi: daily, label: period, value: "
           "value}\n");
  ASSERT_TRUE(r.spec) << all(r);
  const auto& kpis = r.spec->kpis;
  ASSERT_EQ(kpis.size(), 9u);
  const Metric& views = *kpis[2].metric;
  EXPECT_TRUE(kpis[2].indicator.empty());
  EXPECT_EQ(views.kind, Metric::Kind::Aggregate);
  EXPECT_EQ(views.unit, "count");
  ASSERT_EQ(views.filter.size(), 4u);
  EXPECT_EQ(views.filter[1].values.size(), 2u);
  EXPECT_EQ(views.filter[1].values[1].text, "tablet");
  EXPECT_EQ(views.filter[2].op, FilterOp::GreaterOrEqual);
  EXPECT_EQ(views.filter[2].values[0].number, 3000);
  EXPECT_EQ(views.filter[3].op, FilterOp::Less);
  EXPECT_EQ(kpis[3].metric->percentile, 999000);  // 99.9 x 10^4
  EXPECT_EQ(kpis[3].metric->unit, "ms");          // load_time_ms
  EXPECT_EQ(kpis[4].metric->unit, "currency");    // a decimal
  EXPECT_EQ(kpis[4].metric->by, "channel");
  EXPECT_EQ(kpis[5].metric->series, table::Grain::Day);
  EXPECT_EQ(kpis[6].metric->references,
            (std::vector<std::string>{"revenue", "views"}));
  EXPECT_EQ(kpis[6].metric->unit, "ratio");
  EXPECT_EQ(kpis[7].metric->references,
            (std::vector<std::string>{"revenue", "views"}));
  EXPECT_EQ(kpis[8].metric->unit, "currency");
}

TEST(Metrics, AggregateMistakesAreReportedAtTheirPlace) {
  expect_errors(
      "  - id: a\n"                                        // 12
      "    metric:\n"                                      // 13
      "      aggregate: avg\n"                             // 14
      "      dataset: calls\n"                             // 15
      "      colour: red\n"                                // 16
      "  - id: b\n"                                        // 17
      "    metric:\n"                                      // 18
      "      aggregate: sum\n"                             // 19
      "      dataset: orders\n"                            // 20
      "      column: product_id\n"                         // 21
      "  - id: c\n"                                        // 22
      "    metric:\n"                                      // 23
      "      aggregate: mean\n"                            // 24
      "      dataset: orders\n"                            // 25
      "      column: amout\n"                              // 26
      "  - id: d\n"                                        // 27
      "    metric:\n"                                      // 28
      "      aggregate: percentile\n"                      // 29
      "      dataset: web_events\n"                        // 30
      "  - id: e\n"                                        // 31
      "    metric:\n"                                      // 32
      "      aggregate: max\n"                             // 33
      "      dataset: orders\n"                            // 34
      "      percentile: 95\n"                             // 35
      "  - id: f\n"                                        // 36
      "    metric:\n"                                      // 37
      "      aggregate: percentile\n"                      // 38
      "      dataset: web_events\n"                        // 39
      "      column: load_time_ms\n"                       // 40
      "      percentile: 0\n"                              // 41
      "      by: devise\n"                                 // 42
      "  - id: g\n"                                        // 43
      "    metric:\n"                                      // 44
      "      aggregate: count\n"                           // 45
      "      dataset: orders\n"                            // 46
      "      by: channel\n"                                // 47
      "      series: day\n"                                // 48
      "  - id: h\n"                                        // 49
      "    indicator: customer_base\n"                     // 50
      "    metric: {aggregate: count, dataset: order}\n",  // 51
      {
          // An unknown aggregate is left as count: no column asked for.
          // "      aggregate: " is 17 characters.
          {14, 18, "kpis[2].metric.aggregate",
           "expected one of count, count_distinct, sum, mean, min, max, "
           "percentile, got 'avg'"},
          // "      dataset: " is 15.
          {15, 16, "kpis[2].metric.dataset",
           "no source of the spec fills dataset 'calls' (filled: orders, "
           "web_events)"},
          {16, 7, "kpis[2].metric.colour", "unknown key 'colour'"},
          // "      column: " is 14.
          {21, 15, "kpis[3].metric.column",
           "sum needs a number column (integer or decimal); 'product_id' is "
           "text"},
          {26, 15, "kpis[4].metric.column",
           "'amout' is not a column of dataset 'orders'; did you mean "
           "'amount'? columns: order_id, customer_id, ordered_at, amount, "
           "margin, quantity, product_id, category, channel"},
          {29, 7, "kpis[5].metric.column", "missing required key 'column'"},
          {29, 7, "kpis[5].metric.percentile",
           "missing required key 'percentile'"},
          {33, 7, "kpis[6].metric.column", "missing required key 'column'"},
          // "      percentile: " is 18.
          {35, 19, "kpis[6].metric.percentile",
           "'percentile' goes with aggregate: percentile"},
          {41, 19, "kpis[7].metric.percentile",
           "expected a percent above 0 and at most 100, got '0'"},
          // "      by: " is 10.
          {42, 11, "kpis[7].metric.by",
           "'devise' is not a column of dataset 'web_events'; did you mean "
           "'device'?"},
          // "      series: " is 14.
          {48, 15, "kpis[8].metric.series",
           "either by a column (by) or by period (series), not both"},
          // "    indicator: " is 15.
          {50, 16, "kpis[9].indicator",
           "a KPI has either `indicator:` or `metric:`"},
          // "    metric: {" is 13, "aggregate: count, " 18, "dataset: " 9.
          {51, 41, "kpis[9].metric.dataset",
           "unknown dataset 'order'; did you mean 'orders'?"},
      });
}

TEST(Metrics, FilterMistakesAreReportedAtTheirPlace) {
  expect_errors(
      "  - id: a\n"                           // 12
      "    metric:\n"                         // 13
      "      aggregate: count\n"              // 14
      "      dataset: web_events\n"           // 15
      "      filter:\n"                       // 16
      "        load_time_ms: {'=>': 3000}\n"  // 17
      "        device: {'<': mobile}\n"       // 18
      "        ts: {'>=': 2026-13-01}\n"      // 19
      "        load_time_ms: {'>': fast}\n"   // 20
      "        evnt_type: page_view\n"        // 21
      "        page: {'<=': [a, b]}\n",       // 22
      {
          // "        load_time_ms: {" is 23 characters.
          {17, 24, "kpis[2].metric.filter.load_time_ms.=>",
           "unknown operator '=>'; did you mean '='? operators: = != < <= > "
           ">="},
          {18, 18, "kpis[2].metric.filter.device.<",
           "'<' compares numbers, times and months; 'device' is text: use = "
           "or !="},
          // "        ts: {'>=': " is 19.
          {19, 20,
           "kpis[2].metric.filter.ts.>=", "expected a time (2026-10-03"},
          {20, 9, "kpis[2].metric.filter.load_time_ms",
           "duplicate key 'load_time_ms' (first at line 17)"},
          {21, 9, "kpis[2].metric.filter.evnt_type",
           "'evnt_type' is not a column of dataset 'web_events'; did you mean "
           "'event_type'?"},
          {22, 16, "kpis[2].metric.filter.page.<=",
           "'<=' compares numbers, times and months"},
      });
}

TEST(Metrics, ReferencesAndCyclesAreChecked) {
  expect_errors(
      "  - {id: a, metric: {ratio: [revenue, revnue]}}\n"         // 12
      "  - {id: b, metric: {ratio: [revenue]}}\n"                 // 13
      "  - {id: c, metric: {cumulative: segments}}\n"             // 14
      "  - {id: d, metric: {expression: e + 1}}\n"                // 15
      "  - {id: e, metric: {expression: d * f}}\n"                // 16
      "  - {id: f, metric: {cumulative: f}}\n"                    // 17
      "  - {id: g, metric: {expression: revenue * (2 + }}\n"      // 18
      "  - {id: h, metric: {ratio: [a, b], dataset: orders}}\n",  // 19
      {
          // "  - {id: a, metric: {ratio: [revenue, " is 38 characters.
          {12, 39, "kpis[2].metric.ratio[1]",
           "unknown KPI 'revnue'; did you mean 'revenue'? a metric refers to "
           "value KPIs of the spec"},
          // "  - {id: b, metric: {ratio: " is 28.
          {13, 29, "kpis[3].metric.ratio",
           "expected two KPI ids, [numerator, denominator], got 1"},
          // "  - {id: c, metric: {cumulative: " is 33.
          {14, 34, "kpis[4].metric.cumulative",
           "KPI 'segments' is a table or list"},
          // "  - {id: d, metric: " is 20: the metric map.
          {15, 21, "kpis[5].metric",
           "metrics refer to each other in a cycle: d -> e -> d"},
          {17, 21, "kpis[7].metric",
           "metrics refer to each other in a cycle: f -> f"},
          // "  - {id: g, metric: {expression: " is 33; muparser stops at
          // the end of "revenue * (2 + " (15 characters).
          {18, 49, "kpis[8].metric.expression", "(at character 16)"},
          // "  - {id: h, metric: {ratio: [a, b], dataset: " is 45.
          {19, 46, "kpis[9].metric.dataset",
           "'dataset' belongs to an aggregate metric"},
      });
}

TEST(Metrics, AnExpressionNamesItsUnknownVariableAtItsCharacter) {
  // "  - {id: m, metric: {expression: " is 33; "revenue + " 10 more.
  auto r = read(
      kHead + "  - {id: m, metric: {expression: revenue + revenu}}\n" + kTail);
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(r.errors[0].where.line, 12);
  EXPECT_EQ(r.errors[0].where.column, 44);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("unknown KPI 'revenu'; did you mean 'revenue'?"));
}

TEST(Metrics, BlocksKnowAMetricsKindAndColumns) {
  expect_errors(
      "  - {id: v, metric: {aggregate: count, dataset: orders}}\n"  // 12
      "  - {id: t, metric: {aggregate: count, dataset: orders, by: "
      "channel}}\n",  // 13
      {
          // "      - table: " is 15.
          {17, 16, "sections[0].blocks[0].table",
           "KPI 'v' is a single value, but a table block shows tables"},
          // "      - tiles: [" is 16.
          {18, 17, "sections[0].blocks[1].tiles[0]",
           "KPI 't' is a table, but a tiles block shows single values"},
          // "      - bar_chart: {kpi: t, label: chanel" -> "label: " at 30.
          {19, 36, "sections[0].blocks[2].bar_chart.label",
           "KPI 't' has no column 'chanel'; did you mean 'channel'? its "
           "columns: channel, value, previous, change"},
      },
      "sections:\n"                                                   // 14
      "  - title: S\n"                                                // 15
      "    blocks:\n"                                                 // 16
      "      - table: v\n"                                            // 17
      "      - tiles: [t]\n"                                          // 18
      "      - bar_chart: {kpi: t, label: chanel, value: value}\n");  // 19
}

TEST(Metrics, AProfileColumnBreaksDownTheRowsOfACustomer) {
  // by: value_segment reaches the customer's profile (KPI catalog 8b)
  // through the row's customer_id.
  auto r = read(kHead +
                "  - {id: s, metric: {aggregate: sum, dataset: orders, "
                "column: amount, by: value_segment}}\n" +
                kTail);
  ASSERT_TRUE(r.spec) << all(r);
  const auto& metric = *r.spec->kpis.back().metric;
  EXPECT_TRUE(metric.by_profile);
  EXPECT_EQ(metric.by, "value_segment");

  // marketing_spend has no customer: refused at the value.
  r = read(
      "report: {id: r, title: T}\n"
      "sources:\n"
      "  - {id: m, connector: crm_sql, dataset: marketing_spend,\n"
      "     config: {url: x, table: spend}}\n"
      "kpis:\n"
      "  - {id: s, metric: {aggregate: sum, dataset: marketing_spend, "
      "column: spend, by: value_segment}}\n"  // 6
      "sections: [{title: S, blocks: [{table: s}]}]\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:6:83: kpis[0].metric.by: 'value_segment' is a column "
            "of the customer's profile, reached through customer_id, which "
            "dataset 'marketing_spend' does not have");
}

}  // namespace
}  // namespace vigie::spec
