// The Document a spec's chart blocks become, from hand-made KPI results:
// the right rows and columns in each chart, the comparison periods'
// values, the axes' titles in the report's language, the status colours
// of tables, and a clear error for a chart mixing units.
#include "pipeline/report_document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/errors.hpp"

namespace vigie::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kNnbsp = "\u202f";

class ReportDocument : public ::testing::Test {
 protected:
  void SetUp() override {
    report_.title = "Rapport";
    report_.time_zone = "UTC";
    report_.comparison = spec::Comparison::PreviousYear;
    plan_ = compute::plan_periods(
        report_,
        table::CalendarPeriod{
            table::Grain::Month,
            date::local_days(date::year(2026) / date::October / 1)},
        true);
    // 24 months: the value of month i is 100 + i.
    compute::KpiResult revenue;
    revenue.id = "revenue";
    revenue.label = "Chiffre d'affaires";
    revenue.unit = "currency";
    for (size_t i = 0; i < plan_.periods.size(); ++i)
      revenue.values.push_back(100.0 + static_cast<double>(i));
    revenue.series.assign(revenue.values.end() - 12, revenue.values.end());
    revenue.value = revenue.values.back();
    revenue.previous = revenue.values[plan_.previous];
    revenue.target = spec::Target{130, spec::Direction::Higher, 120, 110};
    revenue.status = compute::Status::Warning;
    kpis_.push_back(revenue);

    compute::KpiResult churn = revenue;
    churn.id = "churn";
    churn.label = "Attrition";
    churn.unit = "ratio";
    churn.target = spec::Target{0.08, spec::Direction::Lower, 0.10, 0.15};
    churn.status = compute::Status::Ok;
    kpis_.push_back(churn);

    compute::KpiResult segments;
    segments.id = "segments";
    segments.label = "Segments";
    segments.kind = plugin_host::OutputKind::Table;
    Table t;
    auto& name = t.add("segment", Type::String);
    auto& customers = t.add("customers", Type::Int64);
    auto& amount = t.add("revenue", Type::Decimal);
    auto& rate = t.add("rate", Type::Double, "ratio");
    const struct {
      const char* name;
      int64_t customers;
      double revenue, rate;
    } rows[] = {{"Or", 10, 5000.5, 0.05},
                {"Argent", 30, 3000, 0.12},
                {"Bronze", 60, -200, 0.2}};
    for (const auto& r : rows) {
      name.push_string(r.name);
      customers.push_int(r.customers);
      amount.push_int(static_cast<int64_t>(r.revenue * kDecimalScale));
      rate.push_double(r.rate);
    }
    segments.table = std::move(t);
    kpis_.push_back(segments);

    // A table in long form: step x channel -> satisfaction.
    compute::KpiResult touchpoints;
    touchpoints.id = "touchpoints";
    touchpoints.label = "Points de contact";
    touchpoints.kind = plugin_host::OutputKind::Table;
    Table l;
    auto& step = l.add("step", Type::String);
    auto& channel = l.add("channel", Type::String);
    auto& csat = l.add("csat", Type::Double, "ratio");
    const struct {
      const char* step;
      const char* channel;
      double csat;
    } cells[] = {{"achat", "web", 0.5},
                 {"achat", "appel", 0.6},
                 {"usage", "web", 0.7},
                 {"achat", "web", 0.9}};  // met twice: the first counts
    for (const auto& c : cells) {
      step.push_string(c.step);
      channel.push_string(c.channel);
      csat.push_double(c.csat);
    }
    touchpoints.table = std::move(l);
    kpis_.push_back(touchpoints);
  }

  spec::Block block(spec::BlockKind kind, std::vector<std::string> kpis) {
    spec::Block b;
    b.kind = kind;
    b.kpis = std::move(kpis);
    b.location = {"spec.yaml", 12, 9, "sections[0].blocks[0]"};
    return b;
  }

  render::Block one(const spec::Block& b) {
    const render::Document doc =
        build_document(report_, {spec::Section{"S", {b}, {}}}, true, plan_,
                       kpis_, "2026-11-01 06:00 UTC", {});
    EXPECT_EQ(doc.sections.at(0).blocks.size(), 1u);
    return doc.sections.at(0).blocks.at(0);
  }

  spec::Report report_;
  compute::PeriodPlan plan_;
  std::vector<compute::KpiResult> kpis_;
};

TEST_F(ReportDocument, ALineChartWithItsComparisonYear) {
  spec::Block b = block(spec::BlockKind::LineChart, {"revenue"});
  b.comparison = true;
  const auto chart = std::get<render::LineChart>(one(b));
  EXPECT_FALSE(chart.area);
  ASSERT_EQ(chart.series.size(), 1u);
  EXPECT_EQ(chart.series[0].name, "Chiffre d'affaires");
  // Months 12..23 of the plan, each compared with the same month a year
  // before, 12 periods earlier.
  EXPECT_EQ(chart.series[0].values.front(), 112.0);
  ASSERT_EQ(chart.series[0].comparison.size(), 12u);
  EXPECT_EQ(chart.series[0].comparison.front(), 100.0);
  EXPECT_EQ(chart.series[0].comparison.back(), 111.0);
  EXPECT_EQ(chart.comparison_name, "Année précédente");
  EXPECT_EQ(chart.labels.front(), "nov. 25");
  EXPECT_EQ(chart.target, 130.0);
  EXPECT_EQ(chart.axes.category, "Mois");
  EXPECT_EQ(chart.axes.value, "Montant (€)");
}

TEST_F(ReportDocument, AnAreaChartOfTwoKpisNeedsOneUnit) {
  spec::Block b = block(spec::BlockKind::AreaChart, {"revenue", "revenue"});
  b.value_title = "";
  const auto chart = std::get<render::LineChart>(one(b));
  EXPECT_TRUE(chart.area);
  EXPECT_EQ(chart.series.size(), 2u);
  EXPECT_FALSE(chart.target);  // whose would it be?
  EXPECT_EQ(chart.axes.value, "");
  b.kpis = {"revenue", "churn"};
  try {
    one(b);
    FAIL() << "a chart of currency and ratio";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), kUsageError);
    EXPECT_THAT(e.what(), HasSubstr("spec.yaml:12:9: sections[0].blocks[0]: "
                                    "KPIs of one chart share one value axis, "
                                    "and 'revenue' is in currency while "
                                    "'churn' is in ratio"));
  }
}

TEST_F(ReportDocument, ALineChartOfATableDrawsAColumnALine) {
  spec::Block b = block(spec::BlockKind::LineChart, {"segments"});
  b.label_column = "segment";
  b.value_columns = {"customers", "revenue"};
  b.value_headers = {"", "CA"};
  const auto chart = std::get<render::LineChart>(one(b));
  EXPECT_THAT(chart.labels, ElementsAre("Or", "Argent", "Bronze"));
  ASSERT_EQ(chart.series.size(), 2u);
  // Named by the catalog's header of the column (locale/labels.hpp).
  EXPECT_EQ(chart.series[0].name, "Clients");
  EXPECT_EQ(chart.series[1].name, "CA");
  EXPECT_EQ(chart.series[1].values[0], 5000.5);
  EXPECT_EQ(chart.unit, "count");
  EXPECT_EQ(chart.axes.category, "Segment");
}

TEST_F(ReportDocument, StackedBarsTakeAColumnAPart) {
  spec::Block b = block(spec::BlockKind::StackedBarChart, {"segments"});
  b.label_column = "segment";
  b.value_columns = {"customers", "customers"};
  b.percent = true;
  b.max_categories = 2;
  b.orientation = spec::Orientation::Horizontal;
  const auto chart = std::get<render::StackedBarChart>(one(b));
  EXPECT_THAT(chart.labels, ElementsAre("Or", "Argent", "Bronze"));
  EXPECT_THAT(chart.series, ElementsAre("Clients", "Clients"));
  EXPECT_THAT(chart.values[0], ElementsAre(10, 30, 60));
  EXPECT_TRUE(chart.percent);
  EXPECT_EQ(chart.max_bars, 2u);
  EXPECT_EQ(chart.orientation, render::BarOrientation::Horizontal);
  EXPECT_EQ(chart.axes.value, "Taux (%)");
}

TEST_F(ReportDocument, DonutFunnelAndWaterfallTakeALabelAndAValue) {
  spec::Block b = block(spec::BlockKind::DonutChart, {"segments"});
  b.label_column = "segment";
  b.value_column = "revenue";
  const auto donut = std::get<render::DonutChart>(one(b));
  EXPECT_THAT(donut.labels, ElementsAre("Or", "Argent", "Bronze"));
  EXPECT_THAT(donut.values, ElementsAre(5000.5, 3000, -200));
  EXPECT_EQ(donut.unit, "currency");  // a decimal column is money
  EXPECT_EQ(donut.max_slices, render::kMaxSlices);
  b.kind = spec::BlockKind::FunnelChart;
  b.value_column = "customers";
  const auto funnel = std::get<render::FunnelChart>(one(b));
  EXPECT_THAT(funnel.values, ElementsAre(10, 30, 60));
  EXPECT_EQ(funnel.unit, "count");
  b.kind = spec::BlockKind::WaterfallChart;
  b.value_column = "revenue";
  b.category_title = "Segment de valeur";
  const auto waterfall = std::get<render::WaterfallChart>(one(b));
  EXPECT_THAT(waterfall.values, ElementsAre(5000.5, 3000, -200));
  EXPECT_EQ(waterfall.axes.category, "Segment de valeur");
  EXPECT_EQ(waterfall.axes.value, "Montant (€)");
}

TEST_F(ReportDocument, AValueThatIsNotANumberStopsTheRun) {
  spec::Block b = block(spec::BlockKind::DonutChart, {"segments"});
  b.label_column = "segment";
  b.value_column = "segment";
  EXPECT_THROW(one(b), RunError);
  b.value_column = "missing";
  try {
    one(b);
    FAIL();
  } catch (const RunError& e) {
    EXPECT_THAT(e.what(),
                HasSubstr("the table of 'segments' has no column 'missing'"));
  }
}

TEST_F(ReportDocument, AHeatmapPivotsALongTable) {
  spec::Block b = block(spec::BlockKind::Heatmap, {"touchpoints"});
  b.row_column = "step";
  b.column_column = "channel";
  b.value_column = "csat";
  const auto map = std::get<render::Heatmap>(one(b));
  // Codes the catalog knows are written as it says (locale::term).
  EXPECT_THAT(map.rows, ElementsAre("achat", "Usage"));
  EXPECT_THAT(map.columns, ElementsAre("Web", "appel"));
  EXPECT_EQ(map.values[0][0], 0.5);  // the first of the two
  EXPECT_EQ(map.values[0][1], 0.6);
  EXPECT_EQ(map.values[1][0], 0.7);
  EXPECT_FALSE(map.values[1][1].has_value());
  EXPECT_EQ(map.unit, "ratio");
  EXPECT_EQ(map.row_title, "Étape");
  EXPECT_EQ(map.column_title, "Canal");
}

TEST_F(ReportDocument, SmallMultiplesOfKpisOrOfATable) {
  spec::Block b =
      block(spec::BlockKind::SmallMultiples, {"revenue", "revenue"});
  b.comparison = true;
  auto chart = std::get<render::SmallMultiples>(one(b));
  ASSERT_EQ(chart.panels.size(), 2u);
  EXPECT_EQ(chart.panels[0].comparison.front(), 100.0);
  EXPECT_EQ(chart.labels.size(), 12u);
  b = block(spec::BlockKind::SmallMultiples, {"touchpoints"});
  b.category_column = "channel";
  b.label_column = "step";
  b.value_column = "csat";
  chart = std::get<render::SmallMultiples>(one(b));
  EXPECT_THAT(chart.labels, ElementsAre("achat", "Usage"));
  ASSERT_EQ(chart.panels.size(), 2u);
  EXPECT_EQ(chart.panels[0].name, "Web");
  EXPECT_EQ(chart.panels[0].values[1], 0.7);
  EXPECT_FALSE(chart.panels[1].values[1].has_value());  // appel, usage
}

TEST_F(ReportDocument, BulletsCarryTheTargetsZones) {
  const auto chart = std::get<render::BulletChart>(
      one(block(spec::BlockKind::BulletChart, {"revenue", "churn"})));
  ASSERT_EQ(chart.bullets.size(), 2u);
  EXPECT_EQ(chart.bullets[0].target, 130.0);
  EXPECT_EQ(chart.bullets[0].warning, 120.0);
  EXPECT_EQ(chart.bullets[0].alert, 110.0);
  EXPECT_TRUE(chart.bullets[0].higher_is_better);
  EXPECT_EQ(chart.bullets[0].status, render::Status::Warning);
  EXPECT_FALSE(chart.bullets[1].higher_is_better);
  EXPECT_EQ(chart.bullets[1].value, 123.0);
  EXPECT_EQ(chart.bullets[1].previous, 111.0);
}

TEST_F(ReportDocument, AKpiTableColoursEachValueByItsStatus) {
  const auto table = std::get<render::TableBlock>(
      one(block(spec::BlockKind::KpiTable, {"revenue", "churn"})));
  EXPECT_THAT(table.header, ElementsAre("Indicateur", "Valeur", "Précédent",
                                        "Évolution", "Objectif"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][0], "Chiffre d'affaires");
  EXPECT_EQ(table.rows[0][1], "123,00" + kNnbsp + "€");
  EXPECT_EQ(table.styles[0][1].status, render::Status::Warning);
  EXPECT_EQ(table.styles[1][1].status, render::Status::Ok);
  EXPECT_EQ(table.styles[0][0].status, render::Status::None);
}

TEST_F(ReportDocument, ATableColoursItsThresholdsAndDrawsItsBars) {
  spec::Block b = block(spec::BlockKind::Table, {"segments"});
  b.columns = {"segment", "revenue", "rate"};
  b.column_headers = {"", "", ""};
  b.thresholds = {{"rate", {0.08, spec::Direction::Lower, 0.10, 0.18}}};
  b.bar_columns = {"revenue"};
  const auto table = std::get<render::TableBlock>(one(b));
  ASSERT_EQ(table.styles.size(), 3u);
  // Lower is better: 5 % ok, 12 % warning (past 10 %, not past 18 %),
  // 20 % alert.
  EXPECT_EQ(table.styles[0][2].status, render::Status::Ok);
  EXPECT_EQ(table.styles[1][2].status, render::Status::Warning);
  EXPECT_EQ(table.styles[2][2].status, render::Status::Alert);
  // Bars: each revenue over the largest (5 000,50), sign kept.
  EXPECT_DOUBLE_EQ(*table.styles[0][1].bar, 1.0);
  EXPECT_DOUBLE_EQ(*table.styles[1][1].bar, 3000 / 5000.5);
  EXPECT_DOUBLE_EQ(*table.styles[2][1].bar, -200 / 5000.5);
  EXPECT_FALSE(table.styles[0][0].bar.has_value());
}

TEST_F(ReportDocument, TilesCarryTheirTrendWhenAsked) {
  spec::Block b = block(spec::BlockKind::Tiles, {"revenue"});
  auto row = std::get<render::TileRow>(one(b));
  EXPECT_TRUE(row.tiles[0].sparkline.empty());
  b.sparkline = true;
  row = std::get<render::TileRow>(one(b));
  EXPECT_EQ(row.tiles[0].sparkline.size(), 12u);
  EXPECT_EQ(row.tiles[0].sparkline.back(), 123.0);
}

TEST_F(ReportDocument, TheComparisonLinesNeedThePlansPeriods) {
  spec::Block b = block(spec::BlockKind::LineChart, {"revenue"});
  EXPECT_FALSE(draws_comparison_lines({spec::Section{"S", {b}, {}}}));
  b.comparison = true;
  EXPECT_TRUE(draws_comparison_lines({spec::Section{"S", {b}, {}}}));
}

// ---- the executive summary (theme.summary)

TEST_F(ReportDocument, NoSummaryUnlessTheTemplateAsks) {
  const spec::Block b = block(spec::BlockKind::Tiles, {"revenue"});
  const render::Document doc = build_document(
      report_, {spec::Section{"S", {b}, {}}}, true, plan_, kpis_, "", {});
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].title, "S");
}

TEST_F(ReportDocument, TheSummaryHasTheHeadlineTilesAndWhatIsOffTarget) {
  report_.theme.summary = true;
  report_.theme.tiles_per_row = 1;  // two tiles at most
  // Churn in its alert zone, revenue in its warning zone: alert first.
  kpis_[1].status = compute::Status::Alert;
  compute::KpiResult extra = kpis_[0];
  extra.id = "orders";
  extra.label = "Commandes";
  extra.status = compute::Status::Ok;
  kpis_.push_back(extra);
  const std::vector<spec::Section> layout{
      spec::Section{"A",
                    {block(spec::BlockKind::Note, {}),
                     block(spec::BlockKind::Tiles, {"orders"})},
                    {}},
      spec::Section{"B",
                    {block(spec::BlockKind::Tiles,
                           {"segments", "orders", "churn", "revenue"})},
                    {}}};
  const render::Document doc =
      build_document(report_, layout, true, plan_, kpis_, "", {});
  ASSERT_EQ(doc.sections.size(), 3u);
  const render::Section& summary = doc.sections[0];
  EXPECT_EQ(summary.title, "Synthèse");
  EXPECT_TRUE(summary.new_page);
  ASSERT_EQ(summary.blocks.size(), 2u);
  // The value KPIs of the tile blocks in order, each once (the table
  // segments is no tile), two at most, with their trend.
  const auto& tiles = std::get<render::TileRow>(summary.blocks[0]).tiles;
  ASSERT_EQ(tiles.size(), 2u);
  EXPECT_EQ(tiles[0].label, "Commandes");
  EXPECT_EQ(tiles[1].label, "Attrition");
  EXPECT_EQ(tiles[0].sparkline.size(), 12u);
  const auto& table = std::get<render::TableBlock>(summary.blocks[1]);
  EXPECT_EQ(table.title, "Points d'attention");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][0], "Attrition");
  EXPECT_EQ(table.rows[1][0], "Chiffre d'affaires");
  EXPECT_EQ(table.styles[0][1].status, render::Status::Alert);
  EXPECT_EQ(table.styles[1][1].status, render::Status::Warning);
}

TEST_F(ReportDocument, TheSummarySaysWhenEveryTargetIsMet) {
  report_.theme.summary = true;
  report_.locale = "en_GB";
  for (auto& k : kpis_) k.status = compute::Status::Ok;
  const render::Document doc = build_document(
      report_,
      {spec::Section{"S", {block(spec::BlockKind::Tiles, {"revenue"})}, {}}},
      true, plan_, kpis_, "", {});
  const render::Section& summary = doc.sections.at(0);
  EXPECT_EQ(summary.title, "Executive summary");
  ASSERT_EQ(summary.blocks.size(), 2u);
  EXPECT_EQ(std::get<render::Note>(summary.blocks[1]).text,
            "Every KPI with a target meets it this period.");
}

TEST_F(ReportDocument, TheSummaryCountsWhatItCannotList) {
  report_.theme.summary = true;
  for (int i = 0; i < 9; ++i) {
    compute::KpiResult k = kpis_[0];
    k.id = "k" + std::to_string(i);
    k.label = "KPI " + std::to_string(i);
    k.status = compute::Status::Alert;
    kpis_.push_back(k);
  }
  const render::Document doc = build_document(
      report_,
      {spec::Section{"S", {block(spec::BlockKind::Tiles, {"revenue"})}, {}}},
      true, plan_, kpis_, "", {});
  const render::Section& summary = doc.sections.at(0);
  ASSERT_EQ(summary.blocks.size(), 3u);
  EXPECT_EQ(std::get<render::TableBlock>(summary.blocks[1]).rows.size(), 6u);
  // Nine alerts and the revenue's warning: ten, six listed.
  EXPECT_THAT(std::get<render::Note>(summary.blocks[2]).text,
              HasSubstr("Et 4 autre(s) indicateur(s) hors objectif"));
}

}  // namespace
}  // namespace vigie::pipeline
