// A spec without mistakes reads into the expected model.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using testing::read;

// Line numbers matter below: the text starts on line 1.
const char* const kValid = R"yaml(report:
  id: management
  title: "Tableau de bord"
  locale: en_GB
  time_zone: Europe/London
  period: month
  comparison: year
  series: 6
  reject_threshold: 0.02
sources:
  - id: orders
    connector: crm_sql
    dataset: orders
    config:
      url: "sqlite3://db=${VIGIE_DATA}/crm.sqlite"
      table: orders
      password: hunter2
      headers: {x: 1, y: two}
      columns: [a, b]
    mapping:
      amount: "quantity * unit_price"
      customer_id: "integer(CustomerID)"
  - id: visits
    connector: analytics_csv
    dataset: web_events
    config: {path: visits.csv}
parameters:
  currency: EUR
  action_costs: {change_address: 4.20, invoice: 2.5}
kpis:
  - id: revenue
    indicator: customer_base
    label: "Chiffre d'affaires"
    target: {value: 100000, direction: higher, warning: 95000, alert: 90000}
  - id: orders
    indicator: customer_base
    parameters: {activity_window: 60, currency: USD}
  - id: value_segments
    indicator: customer_base
  - id: alert_1m
    indicator: customer_base
  - id: self_care_rate
    indicator: self_care
    parameters:
      action_costs: {invoice: 3}
    target: {value: 0.6, direction: lower}
sections:
  - title: "Synthèse"
    blocks:
      - tiles: [revenue, orders]
      - line_chart: revenue
      - line_chart: {kpi: self_care_rate, title: "Self-care"}
      - bar_chart: {kpi: value_segments, label: segment, value: revenue, title: "Segments"}
      - table: {kpi: value_segments, columns: [segment, customers], title: "Detail"}
      - list: alert_1m
      - note: "free text"
  - title: "Vide"
    blocks: []
outputs: {pdf: true, svg: false, json: no, raw_customer_id: true, raw_customer_id_reason: "call centre", hmac_key_env: MY_KEY}
)yaml";

const std::map<std::string, std::string> kEnv = {{"VIGIE_DATA", "/data"}};

TEST(ReadValidSpec, HasNoErrors) {
  auto r = read(kValid, kEnv);
  EXPECT_TRUE(r.errors.empty()) << all(r);
  ASSERT_TRUE(r.spec.has_value());
  EXPECT_EQ(r.spec->file, "spec.yaml");
}

TEST(ReadValidSpec, Report) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const Report& report = r.spec->report;
  EXPECT_EQ(report.id, "management");
  EXPECT_EQ(report.title, "Tableau de bord");
  EXPECT_EQ(report.locale, "en_GB");
  EXPECT_EQ(report.time_zone, "Europe/London");
  EXPECT_EQ(report.period, table::Grain::Month);
  EXPECT_EQ(report.comparison, Comparison::PreviousYear);
  EXPECT_EQ(report.series, 6);
  EXPECT_DOUBLE_EQ(report.reject_threshold, 0.02);
}

TEST(ReadValidSpec, SourceConfigIsFlattenedWithDefaultsAndSecrets) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  ASSERT_EQ(r.spec->sources.size(), 2u);
  const Source& s = r.spec->sources[0];
  EXPECT_EQ(s.id, "orders");
  EXPECT_EQ(s.connector, "crm_sql");
  EXPECT_EQ(s.dataset, "orders");
  // Given keys, maps as "key.sub", lists as "key.N", and the two declared
  // defaults (batch_size 5000, read_only true); timeout_s has no default.
  std::map<std::string, std::string> expected = {
      {"url", "sqlite3://db=/data/crm.sqlite"},
      {"table", "orders"},
      {"password", "hunter2"},
      {"headers.x", "1"},
      {"headers.y", "two"},
      {"columns.0", "a"},
      {"columns.1", "b"},
      {"batch_size", "5000"},
      {"read_only", "true"},
  };
  EXPECT_EQ(s.config.values, expected);
  // password is declared secret; url came from the environment.
  EXPECT_EQ(s.config.secrets, (std::set<std::string>{"password", "url"}));
  // `url: "...` on line 15: the value starts after 6 spaces and "url: ".
  const Location& url = s.config.locations.at("url");
  EXPECT_EQ(url.str(), "spec.yaml:15:12");
  EXPECT_EQ(url.path, "sources[0].config.url");
  EXPECT_EQ(s.mapping.at("amount"), "quantity * unit_price");
  EXPECT_EQ(s.mapping.at("customer_id"), "integer(CustomerID)");
  EXPECT_EQ(s.mapping_locations.at("amount").str(), "spec.yaml:21:15");
  // "  - id" on line 11: the source's map starts at "id", column 5.
  EXPECT_EQ(s.location.str(), "spec.yaml:11:5");
  EXPECT_EQ(s.location.path, "sources[0]");
  EXPECT_EQ(r.spec->sources[1].config.values,
            (std::map<std::string, std::string>{{"path", "visits.csv"}}));
}

TEST(ReadValidSpec, ReportParametersKeepTheirText) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  std::map<std::string, std::string> expected = {
      {"currency", "EUR"},
      {"action_costs.change_address", "4.20"},  // not 4.2
      {"action_costs.invoice", "2.5"},
  };
  EXPECT_EQ(r.spec->parameters.values, expected);
  EXPECT_TRUE(r.spec->parameters.secrets.empty());
}

TEST(ReadValidSpec, KpiParametersMergeReportWideOwnAndDefaults) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const auto& kpis = r.spec->kpis;
  ASSERT_EQ(kpis.size(), 5u);
  // revenue: the report-wide ones + the default activity_window.
  EXPECT_EQ(kpis[0].parameters.values,
            (std::map<std::string, std::string>{
                {"currency", "EUR"},
                {"action_costs.change_address", "4.20"},
                {"action_costs.invoice", "2.5"},
                {"activity_window", "90"}}));
  // orders: its own activity_window and currency win. "currency" is at
  // column 49: 4 spaces, "parameters: {" (13), "activity_window: 60, "
  // (21), then "currency: " (10) = 48 characters before it.
  EXPECT_EQ(kpis[1].parameters.values,
            (std::map<std::string, std::string>{
                {"currency", "USD"},
                {"action_costs.change_address", "4.20"},
                {"action_costs.invoice", "2.5"},
                {"activity_window", "60"}}));
  EXPECT_EQ(kpis[1].parameters.locations.at("currency").str(),
            "spec.yaml:37:49");
  // self_care declares action_costs but not currency; its own map replaces
  // the report's whole map (change_address is gone).
  EXPECT_EQ(
      kpis[4].parameters.values,
      (std::map<std::string, std::string>{{"action_costs.invoice", "3"}}));
}

TEST(ReadValidSpec, KpisAndTargets) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const auto& kpis = r.spec->kpis;
  EXPECT_EQ(kpis[0].id, "revenue");
  EXPECT_EQ(kpis[0].indicator, "customer_base");
  EXPECT_EQ(kpis[0].label, "Chiffre d'affaires");
  EXPECT_EQ(kpis[0].location.str(), "spec.yaml:31:5");
  ASSERT_TRUE(kpis[0].target);
  EXPECT_DOUBLE_EQ(kpis[0].target->objective, 100000);
  EXPECT_EQ(kpis[0].target->direction, Direction::Higher);
  EXPECT_EQ(kpis[0].target->warning, 95000);
  EXPECT_EQ(kpis[0].target->alert, 90000);
  EXPECT_EQ(kpis[1].label, "");
  EXPECT_FALSE(kpis[1].target);
  ASSERT_TRUE(kpis[4].target);
  EXPECT_DOUBLE_EQ(kpis[4].target->objective, 0.6);
  EXPECT_EQ(kpis[4].target->direction, Direction::Lower);
  EXPECT_FALSE(kpis[4].target->warning);
  EXPECT_FALSE(kpis[4].target->alert);
}

// One output under two ids, each with its own parameters; a block names
// the report's id, and a mistaken output is pointed at where it is written.
TEST(ReadKpiOutput, OneOutputUnderTwoIdsEachWithItsParameters) {
  const std::string text = R"(report: {id: r, title: T}
sources:
  - {id: o, connector: crm_sql, dataset: orders,
     config: {url: x, table: orders}}
kpis:
  - {id: revenue, indicator: customer_base, parameters: {currency: EUR}}
  - {id: revenue_usd, output: revenue, indicator: customer_base,
     parameters: {currency: USD}}
sections:
  - title: S
    blocks:
      - tiles: [revenue, revenue_usd]
)";
  auto r = read(text);
  ASSERT_TRUE(r.spec) << all(r);
  const auto& kpis = r.spec->kpis;
  ASSERT_EQ(kpis.size(), 2u);
  EXPECT_EQ(kpis[0].output, "revenue");
  EXPECT_EQ(kpis[1].id, "revenue_usd");
  EXPECT_EQ(kpis[1].output, "revenue");
  EXPECT_EQ(kpis[1].parameters.values.at("currency"), "USD");

  std::string wrong = text;
  wrong.replace(wrong.find("output: revenue"), 15, "output: revnue");
  EXPECT_THAT(all(read(wrong)),
              ::testing::HasSubstr(
                  "spec.yaml:7:31: kpis[1].output: indicator 'customer_base' "
                  "has no output 'revnue'; did you mean 'revenue'?"));
}

TEST(ReadValidSpec, SectionsAndBlocks) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const auto& sections = r.spec->sections;
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].title, "Synthèse");
  EXPECT_TRUE(sections[1].blocks.empty());
  const auto& b = sections[0].blocks;
  ASSERT_EQ(b.size(), 7u);
  EXPECT_EQ(b[0].kind, BlockKind::Tiles);
  EXPECT_EQ(b[0].kpis, (std::vector<std::string>{"revenue", "orders"}));
  EXPECT_EQ(b[0].location.str(), "spec.yaml:50:9");
  EXPECT_EQ(b[0].location.path, "sections[0].blocks[0]");
  EXPECT_EQ(b[1].kind, BlockKind::LineChart);
  EXPECT_EQ(b[1].kpis, (std::vector<std::string>{"revenue"}));
  EXPECT_EQ(b[1].title, "");
  EXPECT_EQ(b[2].kpis, (std::vector<std::string>{"self_care_rate"}));
  EXPECT_EQ(b[2].title, "Self-care");
  EXPECT_EQ(b[3].kind, BlockKind::BarChart);
  EXPECT_EQ(b[3].kpis, (std::vector<std::string>{"value_segments"}));
  EXPECT_EQ(b[3].label_column, "segment");
  EXPECT_EQ(b[3].value_column, "revenue");
  EXPECT_EQ(b[3].title, "Segments");
  EXPECT_EQ(b[4].kind, BlockKind::Table);
  EXPECT_EQ(b[4].columns, (std::vector<std::string>{"segment", "customers"}));
  EXPECT_EQ(b[4].title, "Detail");
  EXPECT_EQ(b[5].kind, BlockKind::List);
  EXPECT_EQ(b[5].kpis, (std::vector<std::string>{"alert_1m"}));
  EXPECT_TRUE(b[5].columns.empty());
  EXPECT_EQ(b[6].kind, BlockKind::Note);
  EXPECT_EQ(b[6].text, "free text");
}

TEST(ReadValidSpec, Outputs) {
  auto r = read(kValid, kEnv);
  ASSERT_TRUE(r.spec) << all(r);
  const Outputs& o = r.spec->outputs;
  EXPECT_TRUE(o.pdf);
  EXPECT_FALSE(o.svg);
  EXPECT_FALSE(o.json);  // "no" is a YAML false
  EXPECT_TRUE(o.lists);  // default
  EXPECT_TRUE(o.raw_customer_id);
  EXPECT_EQ(o.raw_customer_id_reason, "call centre");
  EXPECT_EQ(o.hmac_key_env, "MY_KEY");
}

const char* const kMinimal = R"(report: {id: r, title: T}
sources: []
kpis: []
sections: []
)";

TEST(ReadValidSpec, CurrencyIsTheSpecsIsoCode) {
  auto r = read(
      "report: {id: r, title: T, locale: en_GB, currency: GBP}\n"
      "sources: []\nkpis: []\nsections: []\n");
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_EQ(r.spec->report.currency, "GBP");
}

TEST(ReadMinimalSpec, DefaultsFromTheModel) {
  auto r = read(kMinimal);
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_EQ(r.spec->report.locale, "fr_FR");
  EXPECT_EQ(r.spec->report.currency, "EUR");
  EXPECT_EQ(r.spec->report.time_zone, "Europe/Paris");
  EXPECT_EQ(r.spec->report.comparison, Comparison::PreviousPeriod);
  EXPECT_EQ(r.spec->report.series, 12);
  EXPECT_DOUBLE_EQ(r.spec->report.reject_threshold, 0.01);
  EXPECT_TRUE(r.spec->outputs.pdf);
  EXPECT_TRUE(r.spec->outputs.svg);
  EXPECT_TRUE(r.spec->outputs.html);
  EXPECT_FALSE(r.spec->outputs.raw_customer_id);
  EXPECT_EQ(r.spec->outputs.hmac_key_env, "VIGIE_LIST_KEY");
  // The lists as CSV and XLSX, the CSV's format left to the locale.
  EXPECT_TRUE(r.spec->outputs.lists);
  EXPECT_TRUE(r.spec->outputs.lists_xlsx);
  EXPECT_FALSE(r.spec->outputs.lists_csv.separator);
  EXPECT_FALSE(r.spec->outputs.lists_csv.decimal);
  EXPECT_FALSE(r.spec->outputs.lists_csv.bom);
}

TEST(ReadSpec, TheListsFormats) {
  auto r = read(std::string(kMinimal) +
                "outputs:\n  lists_xlsx: false\n"
                "  lists_csv: {separator: \"\\t\", decimal: ',', bom: no}\n");
  ASSERT_TRUE(r.spec) << all(r);
  const Outputs& o = r.spec->outputs;
  EXPECT_FALSE(o.lists_xlsx);
  EXPECT_EQ(o.lists_csv.separator, '\t');
  EXPECT_EQ(o.lists_csv.decimal, ',');
  EXPECT_EQ(o.lists_csv.bom, false);

  auto semicolon =
      read(std::string(kMinimal) + "outputs: {lists_csv: {separator: ';'}}\n");
  ASSERT_TRUE(semicolon.spec) << all(semicolon);
  EXPECT_EQ(semicolon.spec->outputs.lists_csv.separator, ';');
  EXPECT_FALSE(semicolon.spec->outputs.lists_csv.decimal);
}

TEST(ReadSpec, TheHtmlReportCanBeLeftOut) {
  auto r = read(std::string(kMinimal) + "outputs: {html: false}\n");
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_FALSE(r.spec->outputs.html);
  EXPECT_TRUE(r.spec->outputs.pdf);
  EXPECT_TRUE(r.spec->outputs.svg);
}

TEST(ReadSpecFile, ReadsFromDisk) {
  auto path = std::filesystem::temp_directory_path() /
              ("vigie_spec_test_" + std::to_string(::getpid()) + ".yaml");
  { std::ofstream(path) << kMinimal; }
  testing::FakeCatalog catalog;
  auto r = read_spec(path, catalog, testing::env_of({}));
  std::filesystem::remove(path);
  ASSERT_TRUE(r.spec) << all(r);
  EXPECT_EQ(r.spec->file, path.string());
  EXPECT_EQ(r.spec->report.title, "T");
}

TEST(ReadSpecFile, AMissingFileIsOneDiagnostic) {
  testing::FakeCatalog catalog;
  auto r =
      read_spec("/nonexistent/dir/spec.yaml", catalog, testing::env_of({}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_FALSE(r.spec);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "/nonexistent/dir/spec.yaml: cannot read the spec: No such file "
            "or directory");
}

}  // namespace
}  // namespace vigie::spec
