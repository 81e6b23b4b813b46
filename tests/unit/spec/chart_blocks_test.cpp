// The chart blocks of a spec: every form read into its Block, and every
// mistake refused where it is written, with file:line:column, what was
// expected and a "did you mean".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using ::testing::HasSubstr;

// One section holding `block` on line 14: value KPIs revenue and orders,
// the table value_segments (segment, customers, revenue) and the list
// alert_1m of the fake catalog's customer_base.
std::string spec_with(const std::string& block) {
  return "report: {id: r, title: T}\n"
         "sources:\n"
         "  - {id: o, connector: crm_sql, dataset: orders,\n"
         "     config: {url: x, table: orders}}\n"
         "parameters: {currency: EUR}\n"
         "kpis:\n"
         "  - {id: revenue, indicator: customer_base}\n"
         "  - {id: orders, indicator: customer_base}\n"
         "  - {id: value_segments, indicator: customer_base}\n"
         "  - {id: alert_1m, indicator: customer_base}\n"
         "sections:\n"
         "  - title: S\n"
         "    blocks:\n"
         "      - " +
         block + "\n";
}

ReadResult read_block(const std::string& block) {
  return testing::read(spec_with(block), {});
}

// The block read from a valid spec.
Block block_of(const std::string& text) {
  const ReadResult r = read_block(text);
  EXPECT_TRUE(r.errors.empty()) << text << "\n" << testing::all(r);
  if (!r.spec || r.spec->sections.empty() || r.spec->sections[0].blocks.empty())
    return {};
  return r.spec->sections[0].blocks[0];
}

TEST(ChartBlocks, EveryFormIsRead) {
  for (const char* text : {
           "line_chart: revenue",
           "line_chart: {kpi: revenue, comparison: true, title: CA}",
           "line_chart: {kpis: [revenue, orders], value_title: Nombre}",
           "line_chart: {kpi: value_segments, label: segment, values: "
           "[customers, {revenue: CA}]}",
           "area_chart: {kpis: [revenue, orders], category_title: ''}",
           "stacked_bar_chart: {kpi: value_segments, label: segment, values: "
           "[customers, revenue], percent: true, orientation: horizontal, "
           "max_bars: 5}",
           "donut_chart: {kpi: value_segments, label: segment, value: revenue, "
           "max_slices: 4}",
           "funnel_chart: {kpi: value_segments, label: segment, value: "
           "customers}",
           "heatmap: {kpi: value_segments, row: segment, column: segment, "
           "value: revenue, row_title: Segment, column_title: ''}",
           "waterfall_chart: {kpi: value_segments, label: segment, value: "
           "revenue}",
           "bar_chart: {kpi: value_segments, label: segment, value: revenue, "
           "orientation: vertical, max_bars: 3, value_title: Euros}",
           "bullet_chart: [revenue, orders]",
           "bullet_chart: {kpis: [revenue], title: Objectifs}",
           "small_multiples: {kpis: [revenue, orders], comparison: true}",
           "small_multiples: {kpi: value_segments, category: segment, label: "
           "segment, value: revenue}",
           "kpi_table: [revenue, orders]",
           "tiles: {kpis: [revenue], sparkline: true}",
           "table: {kpi: value_segments, thresholds: {revenue: {value: 100, "
           "warning: 80, alert: 50}}, bars: [customers]}",
       }) {
    block_of(text);
  }
}

TEST(ChartBlocks, TheKeysLandInTheBlock) {
  Block b = block_of(
      "stacked_bar_chart: {kpi: value_segments, label: segment, values: "
      "[customers, {revenue: CA}], percent: true, orientation: horizontal, "
      "max_bars: 5, category_title: Segment}");
  EXPECT_EQ(b.kind, BlockKind::StackedBarChart);
  EXPECT_EQ(b.label_column, "segment");
  EXPECT_EQ(b.value_columns,
            (std::vector<std::string>{"customers", "revenue"}));
  EXPECT_EQ(b.value_headers, (std::vector<std::string>{"", "CA"}));
  EXPECT_TRUE(b.percent);
  EXPECT_EQ(b.orientation, Orientation::Horizontal);
  EXPECT_EQ(b.max_categories, 5);
  EXPECT_EQ(b.category_title, "Segment");
  EXPECT_FALSE(b.value_title.has_value());

  b = block_of(
      "area_chart: {kpis: [revenue, orders], comparison: true, "
      "value_title: ''}");
  EXPECT_EQ(b.kind, BlockKind::AreaChart);
  EXPECT_EQ(b.kpis, (std::vector<std::string>{"revenue", "orders"}));
  EXPECT_TRUE(b.comparison);
  EXPECT_EQ(b.value_title, "");  // given empty: no title

  b = block_of(
      "heatmap: {kpi: value_segments, row: segment, column: "
      "segment, value: customers}");
  EXPECT_EQ(b.row_column, "segment");
  EXPECT_EQ(b.column_column, "segment");
  EXPECT_EQ(b.value_column, "customers");

  b = block_of(
      "table: {kpi: value_segments, thresholds: {revenue: {value: "
      "100, direction: lower, warning: 120}}, bars: [customers]}");
  ASSERT_EQ(b.thresholds.size(), 1u);
  EXPECT_EQ(b.thresholds[0].column, "revenue");
  EXPECT_EQ(b.thresholds[0].zones.objective, 100);
  EXPECT_EQ(b.thresholds[0].zones.direction, Direction::Lower);
  EXPECT_EQ(b.thresholds[0].zones.warning, 120);
  EXPECT_EQ(b.bar_columns, (std::vector<std::string>{"customers"}));

  b = block_of("tiles: {kpis: [revenue, orders], sparkline: true}");
  EXPECT_TRUE(b.sparkline);
  EXPECT_EQ(b.kpis.size(), 2u);
}

TEST(ChartBlocks, AnUnknownKeyIsNamedWithTheValidOnes) {
  // "      - donut_chart: {kpi: value_segments, label: segment, value: "
  // "revenue, " is 75 characters: "max_slice" starts at column 76.
  auto r = read_block(
      "donut_chart: {kpi: value_segments, label: segment, value: revenue, "
      "max_slice: 4}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.str(), "spec.yaml:14:76");
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("unknown key 'max_slice'; did you mean 'max_slices'?"));
}

TEST(ChartBlocks, AnUnknownKindSuggestsTheNearest) {
  auto r = read_block("donut: {kpi: value_segments}");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("unknown key 'donut'; did you mean 'donut_chart'?"));
  EXPECT_EQ(r.errors[0].where.str(), "spec.yaml:14:9");
}

TEST(ChartBlocks, AValueMustBeANumberColumn) {
  // "      - funnel_chart: {kpi: value_segments, label: segment, value: "
  // is 67 characters.
  auto r = read_block(
      "funnel_chart: {kpi: value_segments, label: segment, value: segment}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:14:68: sections[0].blocks[0].funnel_chart.value: "
            "column 'segment' of KPI 'value_segments' is not a number, and "
            "this place takes numbers; its number columns: customers, "
            "revenue");
  r = read_block(
      "stacked_bar_chart: {kpi: value_segments, label: segment, values: "
      "[customers, segment]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("column 'segment'"));
  r = read_block("table: {kpi: value_segments, bars: [segment]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("is not a number"));
}

TEST(ChartBlocks, AColumnTheKpiLacksIsRefusedWithASuggestion) {
  auto r = read_block(
      "heatmap: {kpi: value_segments, row: segmnt, column: segment, value: "
      "revenue}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("has no column 'segmnt'; did you mean 'segment'?"));
  r = read_block(
      "table: {kpi: value_segments, thresholds: {revenu: {value: 1}}}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("did you mean 'revenue'?"));
}

TEST(ChartBlocks, ARequiredColumnIsAskedFor) {
  auto r = read_block(
      "heatmap: {kpi: value_segments, row: segment, value: "
      "revenue}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("missing required key 'column' (the column giving "
                        "the columns)"));
  r = read_block("stacked_bar_chart: {kpi: value_segments, label: segment}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("missing required key 'values'"));
}

TEST(ChartBlocks, AKpiOfTheWrongKindIsRefusedWithWhatToUse) {
  auto r = read_block("funnel_chart: {kpi: revenue, label: a, value: b}");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("KPI 'revenue' is a single value, but a funnel_chart "
                        "block shows tables or lists"));
  r = read_block("bullet_chart: [revenue, value_segments]");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("KPI 'value_segments' is a table, but a bullet_chart "
                        "block shows single values"));
  // `kpis` of a line chart are single values: a table goes with `kpi`.
  r = read_block("line_chart: {kpis: [revenue, value_segments]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("the `kpis` of a line_chart are single values"));
}

TEST(ChartBlocks, ALineChartOfATableNamesItsColumns) {
  auto r = read_block("line_chart: value_segments");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].message,
            "KPI 'value_segments' is a table: a line_chart of it names its "
            "`label` column (the x axis) and its `values` columns (the "
            "lines)");
  r = read_block("line_chart: {kpi: revenue, label: segment, values: [a]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("and KPI 'revenue' is a single value"));
  r = read_block("small_multiples: {kpi: value_segments, label: segment}");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_THAT(testing::all(r), HasSubstr("`category`"));
}

TEST(ChartBlocks, OneKpiOrSeveralNotBoth) {
  auto r = read_block("line_chart: {kpi: revenue, kpis: [orders]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("not both"));
  r = read_block("small_multiples: {title: T}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("missing required key 'kpi'"));
}

TEST(ChartBlocks, OptionsAreChecked) {
  auto r = read_block(
      "bar_chart: {kpi: value_segments, label: segment, value: revenue, "
      "orientation: horizontl}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("did you mean 'horizontal'?"));
  r = read_block(
      "donut_chart: {kpi: value_segments, label: segment, value: revenue, "
      "max_slices: 1}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("expected at least 2"));
  r = read_block("tiles: {kpis: [revenue], sparkline: maybe}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  // Zones out of order, as a KPI's target's.
  r = read_block(
      "table: {kpi: value_segments, thresholds: {revenue: {value: 100, "
      "warning: 120}}}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("expected at most the target value"));
}

}  // namespace
}  // namespace vigie::spec
