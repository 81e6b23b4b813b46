// A spec full of mistakes: every one is reported at once, at its line and
// column, with its path. Positions are counted by hand on the text below
// (line 1 is its first line; columns count from 1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using ::testing::HasSubstr;
using testing::read;

const char* const kMistakes = R"(report:
  id: management
  tittle: "Report"
  period: fortnight
  series: many
sources:
  - id: orders
    connector: crm_sqll
    dataset: order
    config: {url: x}
  - id: orders
    connector: crm_sql
    dataset: orders
    config:
      url: "sqlite3://${MISSING_VAR}"
      pasword: secret
      batch_size: ten
    mapping:
      amout: "qty * price"
  - id: web
    connector: customer_base
    dataset: web_events
parameters:
  activty_window: 30
kpis:
  - id: revenue
    indicator: customer_base
    parameters: {activity_window: 1.5}
    target: {value: "high", direction: up}
  - id: revenue
    indicator: customer_base
  - id: revnue
    indicator: customer_base
  - indicator: self_care
sections:
  - title: "Synthèse"
    blocks:
      - tiles: [revenue, value_segmnts]
      - table: revenue
      - chart: revenue
outputs:
  raw_customer_id: true
  pdf: yes please
)";

struct Expected {
  int line;
  int column;
  std::string path;
  std::string message;  // a part of the message
};

TEST(ReadSpecWithMistakes, ReportsEveryOneWithItsPosition) {
  auto r = read(kMistakes);
  EXPECT_FALSE(r.spec);
  // A map's position is that of its first key ("  - id" -> column 5); a
  // value's is its first character, e.g. "  period: " is 10 characters, so
  // "week" is at column 11.
  const std::vector<Expected> expected = {
      {2, 3, "report.title", "missing required key 'title'"},
      {3, 3, "report.tittle", "unknown key 'tittle'; did you mean 'title'?"},
      {4, 11, "report.period",
       "expected one of month, week, day, got 'fortnight'"},
      {5, 11, "report.series", "expected an integer, got 'many'"},
      // "    connector: " is 15 characters.
      {8, 16, "sources[0].connector",
       "unknown connector 'crm_sqll'; did you mean 'crm_sql'?"},
      // "    dataset: " is 13.
      {9, 14, "sources[0].dataset",
       "unknown dataset 'order'; did you mean 'orders'?"},
      {11, 5, "sources[1].config.table",
       "missing required option 'table' of connector 'crm_sql'"},
      // "  - id: " is 8.
      {11, 9, "sources[1].id",
       "duplicate source id 'orders' (first defined at line 7)"},
      // "      url: " is 11.
      {15, 12, "sources[1].config.url",
       "environment variable 'MISSING_VAR' is not set"},
      {16, 7, "sources[1].config.pasword",
       "unknown option 'pasword' of connector 'crm_sql'; did you mean "
       "'password'? valid options: url, table, password, pin, batch_size, "
       "timeout_s, read_only, headers, columns"},
      // "      batch_size: " is 18.
      {17, 19, "sources[1].config.batch_size",
       "expected an integer, got 'ten'"},
      {19, 7, "sources[1].mapping.amout",
       "'amout' is not a column of dataset 'orders'; did you mean 'amount'?"},
      {21, 16, "sources[2].connector",
       "'customer_base' is an indicator, not a connector"},
      {24, 3, "parameters.activty_window",
       "parameter 'activty_window' is not declared by any indicator of this "
       "spec (customer_base, self_care); did you mean 'activity_window'?"},
      {26, 5, "kpis[0].parameters.currency",
       "missing required parameter 'currency' of indicator 'customer_base'"},
      // "    parameters: {" is 17, "activity_window: " 17 more.
      {28, 35, "kpis[0].parameters.activity_window",
       "expected an integer, got '1.5'"},
      // "    target: {" is 13, "value: " 7 more.
      {29, 21, "kpis[0].target.value", "expected a number, got 'high'"},
      // then '"high", ' (8) and "direction: " (11): 20 + 8 + 11 = 39.
      {29, 40, "kpis[0].target.direction",
       "expected one of higher, lower, got 'up'"},
      {30, 5, "kpis[1].parameters.currency", "missing required parameter"},
      {30, 9, "kpis[1].id",
       "duplicate KPI id 'revenue' (first defined at "
       "line 26)"},
      {32, 5, "kpis[2].parameters.currency", "missing required parameter"},
      {32, 9, "kpis[2].id",
       "indicator 'customer_base' has no output 'revnue'; did you mean "
       "'revenue'? its outputs: revenue, orders, value_segments, alert_1m"},
      {34, 5, "kpis[3].id", "missing required key 'id'"},
      // "      - tiles: [" is 16, "revenue, " 9 more.
      {38, 26, "sections[0].blocks[0].tiles[1]",
       "unknown KPI 'value_segmnts'; define it under kpis (defined: revenue, "
       "revnue)"},
      // "      - table: " is 15.
      {39, 16, "sections[0].blocks[1].table",
       "KPI 'revenue' is a single value, but a table block shows tables or "
       "lists"},
      {40, 9, "sections[0].blocks[2].chart",
       "unknown key 'chart'; valid keys: tiles, line_chart, bar_chart, "
       "table, list, note"},
      // "  raw_customer_id: " is 19.
      {42, 20, "outputs.raw_customer_id",
       "raw_customer_id: true needs raw_customer_id_reason"},
      {43, 8, "outputs.pdf", "expected true or false, got 'yes please'"},
  };
  ASSERT_EQ(r.errors.size(), expected.size()) << all(r);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(format_diagnostic(r.errors[i]));
    EXPECT_EQ(r.errors[i].where.file, "spec.yaml");
    EXPECT_EQ(r.errors[i].where.line, expected[i].line);
    EXPECT_EQ(r.errors[i].where.column, expected[i].column);
    EXPECT_EQ(r.errors[i].where.path, expected[i].path);
    EXPECT_THAT(r.errors[i].message, HasSubstr(expected[i].message));
  }
}

TEST(ReadSpecWithMistakes, FormatsFileLineColumnPathMessage) {
  auto r = read(kMistakes);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(format_diagnostic(r.errors[3]),
            "spec.yaml:5:11: report.series: expected an integer, got 'many'");
}

TEST(ReadSpec, SyntaxErrorIsOneDiagnosticAtItsPosition) {
  // The second ':' on line 2 ("  id: a: b") is at column 8.
  auto r = read("report:\n  id: a: b\nsources: []\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_FALSE(r.spec);
  EXPECT_THAT(format_diagnostic(r.errors[0]),
              ::testing::StartsWith("spec.yaml:2:8: invalid YAML: unexpected "
                                    "':' here"));
}

TEST(ReadSpec, EmptyDocument) {
  auto r = read("");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(r.errors[0].where.line, 1);
  EXPECT_EQ(r.errors[0].where.column, 1);
  EXPECT_THAT(r.errors[0].message, HasSubstr("expected a report spec"));
}

TEST(ReadSpec, MissingTopLevelSectionsAreNamed) {
  auto r = read("report: {id: r, title: T}\n");
  ASSERT_EQ(r.errors.size(), 3u) << all(r);
  EXPECT_EQ(r.errors[0].where.path, "sources");
  EXPECT_EQ(r.errors[1].where.path, "kpis");
  EXPECT_EQ(r.errors[2].where.path, "sections");
}

TEST(ReadSpec, WrongShapes) {
  auto r = read(R"(report: [a]
sources: {id: x}
kpis: 3
sections: []
outputs: yes
)");
  ASSERT_EQ(r.errors.size(), 4u) << all(r);
  EXPECT_EQ(r.errors[0].message, "expected a map, got a list");
  EXPECT_EQ(r.errors[1].message, "expected a list, got a map");
  EXPECT_EQ(r.errors[2].message, "expected a list, got '3'");
  EXPECT_EQ(r.errors[3].message, "expected a map, got 'yes'");
}

TEST(ReadSpec, DuplicateYamlKey) {
  auto r = read(R"(report: {id: r, title: T, id: s}
sources: []
kpis: []
sections: []
)");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  // "report: {id: r, title: T, " is 26 characters.
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:1:27: report.id: duplicate key 'id' (first at line 1)");
}

const std::string kHead = "report: {id: r, title: T}\nsources: []\n";

TEST(ReadSpec, UnknownIndicatorAndWrongKind) {
  auto r = read(kHead + R"(parameters: {anything: 1}
kpis:
  - {id: revenue, indicator: customer_bas}
  - {id: x, indicator: crm_sql}
sections: []
)");
  ASSERT_EQ(r.errors.size(), 2u) << all(r);
  // While an indicator is unknown, a report-wide parameter may be its own:
  // it is not reported.
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:5:30: kpis[0].indicator: unknown indicator "
            "'customer_bas'; did you mean 'customer_base'? available: "
            "customer_base, self_care");
  EXPECT_EQ(r.errors[1].message, "'crm_sql' is a connector, not an indicator");
}

TEST(ReadSpec, ARefusedPluginSaysWhy) {
  const std::string spec = R"(report: {id: r, title: T}
sources:
  - {id: s, connector: broken, dataset: orders}
kpis: []
sections: []
)";
  auto r = read(spec);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            std::string("spec.yaml:3:24: sources[0].connector: connector "
                        "'broken' was not loaded: ") +
                testing::FakeCatalog::kBrokenRefusal)
      << all(r);
  // A name from the environment is refused (only plugin options take one)
  // and never printed, nor the file it names.
  auto hidden = read(spec.substr(0, spec.find("broken")) + "\"${PLUGIN}\"" +
                         spec.substr(spec.find("broken") + 6),
                     {{"PLUGIN", "broken"}});
  ASSERT_FALSE(hidden.errors.empty());
  EXPECT_THAT(all(hidden),
              ::testing::HasSubstr("may only be used in a plugin option"));
  EXPECT_THAT(all(hidden), ::testing::Not(::testing::HasSubstr("broken")));
}

TEST(ReadSpec, OptionTypes) {
  auto r = read(R"(report: {id: r, title: T}
sources:
  - id: s
    connector: crm_sql
    dataset: orders
    config:
      url: u
      table: t
      timeout_s: soon
      read_only: maybe
      headers: [a]
      columns: {a: 1}
      password: [p]
kpis: []
sections: []
)");
  ASSERT_EQ(r.errors.size(), 5u) << all(r);
  EXPECT_EQ(r.errors[0].message, "expected a number, got 'soon'");
  EXPECT_EQ(r.errors[1].message, "expected true or false, got 'maybe'");
  EXPECT_EQ(r.errors[2].message, "expected a map of key: value, got a list");
  EXPECT_EQ(r.errors[3].message, "expected a list of values, got a map");
  EXPECT_EQ(r.errors[4].message, "expected a string, got a list");
}

TEST(ReadSpec, BlockShapes) {
  auto r = read(kHead + R"(kpis:
  - {id: revenue, indicator: customer_base, parameters: {currency: EUR}}
  - {id: value_segments, indicator: customer_base, parameters: {currency: EUR}}
sections:
  - title: S
    blocks:
      - {}
      - tiles: []
      - tiles: [value_segments]
      - bar_chart: value_segments
      - line_chart: {kpi: revenue, colour: red}
      - {note: a, list: value_segments}
      - list: {kpi: revnue, columns: segment}
)");
  ASSERT_EQ(r.errors.size(), 8u) << all(r);
  EXPECT_THAT(r.errors[0].message, HasSubstr("expected one block kind"));
  EXPECT_EQ(r.errors[1].message, "expected at least one KPI");
  EXPECT_THAT(r.errors[2].message,
              HasSubstr("KPI 'value_segments' is a table, but a tiles block "
                        "shows single values"));
  EXPECT_EQ(r.errors[3].message,
            "expected a map with kpi, label and value, got 'value_segments'");
  EXPECT_THAT(r.errors[4].message, HasSubstr("unknown key 'colour'"));
  EXPECT_THAT(
      r.errors[5].message,
      HasSubstr("a block has one kind, and this one is already 'note'"));
  EXPECT_THAT(r.errors[6].message,
              HasSubstr("unknown KPI 'revnue'; did you mean 'revenue'?"));
  EXPECT_EQ(r.errors[7].message,
            "expected a list of column names, got 'segment'");
}

TEST(ReadSpec, TargetZonesMustBeInOrder) {
  auto r = read(kHead + R"(kpis:
  - id: revenue
    indicator: customer_base
    parameters: {currency: EUR}
    target: {value: 100, warning: 110, alert: 120}
  - id: orders
    indicator: customer_base
    parameters: {currency: EUR}
    target: {value: 100, direction: lower, alert: 90}
  - id: alert_1m
    indicator: customer_base
    parameters: {currency: EUR}
    target: {direction: lower}
sections: []
)");
  ASSERT_EQ(r.errors.size(), 4u) << all(r);
  // higher: warning 110 above the value 100, alert 120 above warning 110.
  EXPECT_EQ(r.errors[0].where.path, "kpis[0].target.warning");
  EXPECT_EQ(r.errors[1].where.path, "kpis[0].target.alert");
  // lower without warning: the alert (90) must be at least the value (100).
  EXPECT_EQ(r.errors[2].where.path, "kpis[1].target.alert");
  EXPECT_THAT(r.errors[2].message, HasSubstr("at least"));
  EXPECT_EQ(r.errors[3].where.path, "kpis[2].target.value");
}

TEST(ReadSpec, RawCustomerIdNeedsAReason) {
  const std::string head = kHead + "kpis: []\nsections: []\n";
  auto missing = read(head + "outputs: {raw_customer_id: true}\n");
  ASSERT_EQ(missing.errors.size(), 1u) << all(missing);
  // "outputs: {raw_customer_id: " is 27 characters: line 5, column 28.
  EXPECT_EQ(missing.errors[0].where.str(), "spec.yaml:5:28");
  EXPECT_EQ(missing.errors[0].where.path, "outputs.raw_customer_id");

  auto blank = read(head +
                    "outputs: {raw_customer_id: true, "
                    "raw_customer_id_reason: '  '}\n");
  EXPECT_EQ(blank.errors.size(), 1u) << all(blank);

  auto given = read(head +
                    "outputs: {raw_customer_id: true, "
                    "raw_customer_id_reason: 'agents call back'}\n");
  EXPECT_TRUE(given.errors.empty()) << all(given);

  auto hashed = read(head + "outputs: {raw_customer_id: false}\n");
  EXPECT_TRUE(hashed.errors.empty()) << all(hashed);
}

TEST(ReadSpec, TheListsCsvFormatIsChecked) {
  const std::string head = kHead + "kpis: []\nsections: []\n";
  auto r =
      read(head +
           "outputs:\n"
           "  lists_xlsx: maybe\n"
           "  lists_csv: {separator: '.', decimal: ';', bom: 1, quote: x}\n");
  ASSERT_EQ(r.errors.size(), 5u) << all(r);
  // Line 6, "  lists_xlsx: " is 14 characters.
  EXPECT_EQ(r.errors[0].where.str(), "spec.yaml:6:15");
  EXPECT_EQ(r.errors[0].where.path, "outputs.lists_xlsx");
  EXPECT_EQ(r.errors[0].message, "expected true or false, got 'maybe'");
  // Line 7: "  lists_csv: {separator: " is 25 characters.
  EXPECT_EQ(r.errors[1].where.str(), "spec.yaml:7:26");
  EXPECT_EQ(r.errors[1].where.path, "outputs.lists_csv.separator");
  EXPECT_EQ(r.errors[1].message,
            "expected ',', ';', '|' or \"\\t\" (a tab), got '.'");
  EXPECT_EQ(r.errors[2].where.path, "outputs.lists_csv.decimal");
  EXPECT_EQ(r.errors[2].message, "expected '.' or ',', got ';'");
  EXPECT_EQ(r.errors[3].where.path, "outputs.lists_csv.bom");
  EXPECT_EQ(r.errors[4].where.path, "outputs.lists_csv.quote");
  EXPECT_THAT(r.errors[4].message,
              HasSubstr("valid keys: separator, decimal, bom"));

  auto same =
      read(head + "outputs: {lists_csv: {separator: ',', decimal: ','}}\n");
  ASSERT_EQ(same.errors.size(), 1u) << all(same);
  EXPECT_EQ(same.errors[0].where.path, "outputs.lists_csv.decimal");
  EXPECT_THAT(same.errors[0].message, HasSubstr("',' is also the separator"));

  auto shape = read(head + "outputs: {lists_csv: ';'}\n");
  ASSERT_EQ(shape.errors.size(), 1u) << all(shape);
  EXPECT_EQ(shape.errors[0].where.path, "outputs.lists_csv");
}

TEST(ReadSpec, TheHtmlSwitchIsABoolean) {
  const std::string head = kHead + "kpis: []\nsections: []\n";
  auto r = read(head + "outputs:\n  html: sometimes\n  htm: true\n");
  ASSERT_EQ(r.errors.size(), 2u) << all(r);
  // Line 6, "  html: " is 8 characters.
  EXPECT_EQ(r.errors[0].where.str(), "spec.yaml:6:9");
  EXPECT_EQ(r.errors[0].where.path, "outputs.html");
  EXPECT_EQ(r.errors[0].message, "expected true or false, got 'sometimes'");
  EXPECT_EQ(r.errors[1].where.path, "outputs.htm");
  EXPECT_THAT(r.errors[1].message, HasSubstr("did you mean 'html'?"));
}

TEST(ReadSpec, ReportRanges) {
  auto r = read(
      R"(report: {id: "", title: T, series: 0, reject_threshold: 1.5, comparison: yeer}
sources: []
kpis: []
sections: []
outputs: {hmac_key_env: "NOT A NAME"}
)");
  ASSERT_EQ(r.errors.size(), 5u) << all(r);
  EXPECT_EQ(r.errors[0].message, "expected a non-empty name");
  EXPECT_EQ(r.errors[1].message,
            "expected between 1 and 120 periods (ten years of months)");
  EXPECT_THAT(r.errors[2].message, HasSubstr("between 0 and 1"));
  EXPECT_EQ(r.errors[3].message,
            "expected one of previous, year, got 'yeer'; did you mean "
            "'year'?");
  EXPECT_THAT(r.errors[4].message,
              HasSubstr("expected the name of an environment variable"));
}

TEST(ReadSpec, CurrencyMustBeAnIso4217Code) {
  // "EURO" starts at column 37 of line 1.
  auto r = testing::read(
      "report: {id: r, title: T, currency: EURO}\n"
      "sources: []\nkpis: []\nsections: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.line, 1);
  EXPECT_EQ(r.errors[0].where.column, 37);
  EXPECT_EQ(r.errors[0].where.path, "report.currency");
  EXPECT_THAT(r.errors[0].message,
              ::testing::HasSubstr("unknown currency 'EURO': expected an ISO "
                                   "4217 code such as EUR, GBP or USD"));
}

}  // namespace
}  // namespace vigie::spec

namespace vigie::spec {
namespace {

TEST(ReadSpec, TimeZoneMustBeKnown) {
  // "Europe/Pariss" starts at column 38 of line 1.
  auto r = testing::read(
      "report: {id: r, title: T, time_zone: Europe/Pariss}\n"
      "sources: []\nkpis: []\nsections: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.line, 1);
  EXPECT_EQ(r.errors[0].where.column, 38);
  EXPECT_EQ(r.errors[0].where.path, "report.time_zone");
  EXPECT_THAT(r.errors[0].message,
              ::testing::HasSubstr("unknown time zone 'Europe/Pariss'"));
}

}  // namespace
}  // namespace vigie::spec

namespace vigie::spec {
namespace {

TEST(ReadSpec, TableColumnsWithHeadersAndMaxRows) {
  auto r = testing::read(testing::spec_with_block(
      "table: {kpi: value_segments, max_rows: 3,"
      " columns: [segment, {customers: \"Clients\"}]}"));
  ASSERT_TRUE(r.errors.empty()) << testing::all(r);
  const Block& b = r.spec->sections[0].blocks[0];
  EXPECT_EQ(b.max_rows, 3);
  EXPECT_EQ(b.columns, (std::vector<std::string>{"segment", "customers"}));
  EXPECT_EQ(b.column_headers, (std::vector<std::string>{"", "Clients"}));
}

TEST(ReadSpec, MaxRowsMustBePositive) {
  // "0" is at column 48 of the block's line (line 12).
  auto r = testing::read(
      testing::spec_with_block("table: {kpi: value_segments, max_rows: 0}"));
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.line, 12);
  EXPECT_EQ(r.errors[0].where.column, 48);
  EXPECT_EQ(r.errors[0].message, "expected at least 1 row");
}

}  // namespace
}  // namespace vigie::spec
