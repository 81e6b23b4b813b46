// The bounds a spec is held to (size, alias expansion, nesting) and the
// YAML syntax errors said in plain words, each at its file:line:column.
// Positions are counted by hand on the texts (lines and columns from 1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "spec/document.hpp"
#include "spec/yaml_load.hpp"
#include "test_support.hpp"

namespace vigie::spec {
namespace {

using testing::all;
using ::testing::HasSubstr;
using testing::read;
using ::testing::StartsWith;

// A valid spec up to its parameters, which the tests complete.
const std::string kHead =
    "report: {id: r, title: T}\n"
    "sources: []\n"
    "kpis:\n"
    "  - {id: revenue, indicator: customer_base, parameters: {currency: "
    "EUR}}\n"
    "sections: []\n";

// "k0: v\n" ... : a map of `count` keys under `parameters`, indented by two.
std::string many_keys(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i)
    out += "    k" + std::to_string(i) + ": v\n";
  return out;
}

TEST(SpecLimits, ATextOverOneMebibyteIsRefusedUnread) {
  // A 10 MB spec of many keys: refused for its size alone, at once.
  std::string text = kHead + "parameters:\n  action_costs:\n";
  while (text.size() <= 10 * 1000 * 1000) text += many_keys(10000);
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1u) << all(r).substr(0, 2000);
  EXPECT_EQ(r.errors[0].where.line, 0);
  EXPECT_THAT(format_diagnostic(r.errors[0]),
              StartsWith("spec.yaml: the spec is 9."));
  EXPECT_THAT(r.errors[0].message,
              HasSubstr(std::to_string(text.size()) +
                        " bytes); a spec may be at most 1 MiB"));
}

TEST(SpecLimits, AFileOverTheBoundIsRefusedByName) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("vigie-limits-" + std::to_string(getpid()) + ".yaml");
  {
    std::ofstream out(file);
    out << kHead << "parameters:\n  action_costs:\n";
    for (int i = 0; i < 30; ++i) out << many_keys(10000);
  }
  static const testing::FakeCatalog catalog;
  auto r = read_spec(file, catalog, testing::env_of({}));
  std::filesystem::remove(file);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(format_diagnostic(r.errors[0]),
              StartsWith(file.string() + ": the spec is "));
  EXPECT_THAT(r.errors[0].message, HasSubstr("a spec may be at most 1 MiB"));
}

TEST(SpecLimits, TheLargestAcceptedSpecIsReadWithEveryDuplicateFound) {
  // Just under 1 MiB: a map parameter of ~76,000 keys where every key
  // appears twice, the second time 1,000 lines later. Each duplicate is
  // found, at its own line, naming the first; the first 1,000 are kept
  // and the others counted.
  const std::size_t pairs = 1000;
  std::string text = kHead + "parameters:\n  action_costs:\n";
  const int first_line = 8;  // of "    k0: v"
  std::size_t blocks = 0;
  while (text.size() + 2 * (pairs * 14) < YamlLimits::kMaxBytes) {
    std::string block;
    for (std::size_t i = 0; i < pairs; ++i)
      block += "    k" + std::to_string(blocks * pairs + i) + ": v\n";
    text += block + block;
    ++blocks;
  }
  ASSERT_LE(text.size(), YamlLimits::kMaxBytes);
  ASSERT_GT(text.size(), YamlLimits::kMaxBytes * 9 / 10);
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), Document::kMaxErrors + 1)
      << all(r).substr(0, 2000);
  // The first duplicate: key k0 again, 1,000 lines after the first one.
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            fmt::format("spec.yaml:{}:5: parameters.action_costs.k0: "
                        "duplicate key 'k0' (first at line {})",
                        first_line + pairs, first_line));
  // The 1,000th: k999, the last of the first block's second copy.
  EXPECT_EQ(r.errors[999].where.line,
            static_cast<int>(first_line + 2 * pairs - 1));
  EXPECT_EQ(r.errors[999].where.path, "parameters.action_costs.k999");
  EXPECT_EQ(format_diagnostic(r.errors.back()),
            fmt::format("spec.yaml: {} more error(s) not shown (at most 1000 "
                        "are listed)",
                        blocks * pairs - 1000));
}

TEST(SpecLimits, AThousandErrorsAreKeptAndTheRestCounted) {
  std::string text =
      "report: {id: r, title: T}\nsources: []\nkpis: []\n"
      "sections: []\noutputs:\n";
  for (int i = 0; i < 1500; ++i) text += fmt::format("  unknown{}: x\n", i);
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1001u);
  EXPECT_EQ(r.errors[0].where.line, 6);
  EXPECT_THAT(r.errors[0].message, StartsWith("unknown key 'unknown0'"));
  EXPECT_EQ(r.errors[999].where.line, 1005);
  EXPECT_EQ(format_diagnostic(r.errors[1000]),
            "spec.yaml: 500 more error(s) not shown (at most 1000 are "
            "listed)");
}

TEST(SpecLimits, ParametersCopiedIntoManyKpisAreBounded) {
  // A report-wide map of 30,000 entries reaches each of the four KPIs of
  // customer_base: 120,000 values, past the bound of 100,000.
  std::string text =
      "report: {id: r, title: T}\nsources: []\nsections: []\nkpis:\n";
  for (const char* id : {"revenue", "orders", "value_segments", "alert_1m"})
    text += fmt::format("  - {{id: {}, indicator: customer_base}}\n", id);
  text += "parameters:\n  currency: EUR\n  action_costs:\n";
  for (int i = 0; i < 30000; ++i) text += fmt::format("    a{}: 1\n", i);
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1u) << all(r).substr(0, 2000);
  // At the KPI whose parameters pass the bound: the fourth, line 8.
  EXPECT_EQ(r.errors[0].where.line, 8);
  EXPECT_EQ(r.errors[0].where.path, "kpis[3]");
  EXPECT_THAT(r.errors[0].message,
              StartsWith("the KPIs' parameters add up to more than 100000 "
                         "values"));
  // Three KPIs share 90,000 values: within the bound.
  text.replace(
      text.find("  - {id: alert_1m"),
      std::string("  - {id: alert_1m, indicator: customer_base}\n").size(), "");
  EXPECT_TRUE(read(text).errors.empty());
}

TEST(SpecLimits, AnAliasBombInAParameterMapStopsAtTheAlias) {
  // Nine levels of ten aliases: 10^9 values once expanded.
  std::string text = kHead + "parameters:\n  action_costs:\n";
  text += "    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 9; ++level) {
    text += fmt::format("    l{0}: &l{0} [", level);
    for (int i = 0; i < 10; ++i)
      text += fmt::format("{}*l{}", i == 0 ? "" : ", ", level - 1);
    text += "]\n";
  }
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  // Level n is a list of 1 + 10 + ... + 10^(n+1) nodes. The aliases of
  // levels 1 to 3 add 110 + 1,110 + 11,110 = 12,330 nodes, and each alias
  // of level 4 (line 12) adds 11,111: the 8th passes 100,000. On
  // "    l4: &l4 [*l3, *l3, ..." the first alias is at column 14, the 8th
  // at 14 + 7 * 5.
  const Diagnostic& d = r.errors[0];
  EXPECT_EQ(d.where.line, 12) << format_diagnostic(d);
  EXPECT_EQ(d.where.column, 49) << format_diagnostic(d);
  EXPECT_THAT(d.message,
              HasSubstr("aliases expand the document by more than 100000 "
                        "nodes"));
}

TEST(SpecLimits, AnAliasInsideItsOwnAnchorIsRefused) {
  // "  action_costs: &a {k: *a}": the alias is at column 24.
  auto r = read(kHead + "parameters:\n  action_costs: &a {k: *a}\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:7:24: this alias is used inside the node its anchor "
            "names, so it would repeat without end");
}

TEST(SpecLimits, OrdinaryAliasesAreRead) {
  auto r = read(
      "report: {id: r, title: T}\n"
      "sources:\n"
      "  - {id: a, connector: crm_sql, dataset: orders,\n"
      "     config: &db {url: x, table: orders, headers: {h: v}}}\n"
      "  - {id: b, connector: crm_sql, dataset: customers, config: *db}\n"
      "kpis: []\nsections: []\n");
  ASSERT_TRUE(r.errors.empty()) << all(r);
  EXPECT_EQ(r.spec->sources[1].config.values.at("headers.h"), "v");
}

TEST(SpecLimits, DeepFlowNestingIsRefusedWhereItGoesTooDeep) {
  // 100,000 '[' after "sources: " (9 characters). The root map is the
  // first level: the 32nd '[' (column 9 + 32) opens the 33rd.
  std::string text = "report: {id: r, title: T}\nsources: ";
  text += std::string(100000, '[') + std::string(100000, ']') + "\n";
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:2:41: maps and lists are nested more than 32 deep; a "
            "spec needs far fewer (is a '[' or '{' left open?)");
}

TEST(SpecLimits, DeepBlockNestingIsRefusedToo) {
  std::string text;
  for (int depth = 0; depth < 40; ++depth)
    text += std::string(static_cast<std::size_t>(2 * depth), ' ') + "k:\n";
  auto r = read(text);
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  // The root map is depth 1: the 33rd map opens on line 33 at column 65.
  EXPECT_EQ(r.errors[0].where.line, 33);
  EXPECT_EQ(r.errors[0].where.column, 65);
  EXPECT_THAT(r.errors[0].message, HasSubstr("nested more than 32 deep"));
}

TEST(YamlSyntax, ATabInTheIndentationIsNamed) {
  auto r = read("report:\n  id: r\n\ttitle: T\nsources: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:3:1: invalid YAML: a tab character is used for "
            "indentation; YAML indents with spaces");
  // A tab after spaces, where yaml-cpp itself says "illegal map value".
  auto after_spaces = read("report:\n  \tid: r\n");
  ASSERT_EQ(after_spaces.errors.size(), 1u) << all(after_spaces);
  EXPECT_EQ(after_spaces.errors[0].where.line, 2);
  EXPECT_EQ(after_spaces.errors[0].where.column, 3);
  EXPECT_THAT(after_spaces.errors[0].message, HasSubstr("a tab character"));
}

TEST(YamlSyntax, AQuoteNeverClosedIsReportedWhereItOpens) {
  // yaml-cpp reads to the end of the text and takes it all as the value.
  auto r = read("report:\n  id: r\n  title: \"Monthly\n  locale: en_GB\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:3:10: invalid YAML: the quote (\") opened here is "
            "never closed");
  // After two-byte characters: the quote is found by its byte offset.
  auto accents = read("report:\n  title: \"Synthèse été\"\n  id: \"r\n");
  ASSERT_EQ(accents.errors.size(), 1u) << all(accents);
  EXPECT_EQ(format_diagnostic(accents.errors[0]),
            "spec.yaml:3:7: invalid YAML: the quote (\") opened here is "
            "never closed");
  auto single = read("report: {id: 'r, title: T}\nsources: []\n");
  ASSERT_EQ(single.errors.size(), 1u) << all(single);
  EXPECT_EQ(format_diagnostic(single.errors[0]),
            "spec.yaml:1:14: invalid YAML: the quote (') opened here is "
            "never closed");
}

TEST(YamlSyntax, AQuoteClosedByTheNextValuesQuoteIsPointedAt) {
  // The quote of line 2 is closed by the first quote of line 3, so the
  // text after it breaks the map.
  auto r = read("report:\n  id: \"r\n  title: \"T\"\nsources: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("the quoted value opened at line 2, column 7 runs on "
                        "to line 3: is its closing quote missing?"));
}

TEST(YamlSyntax, CommonMistakesInPlainWords) {
  // The second ':' of "  id: a: b" is at column 8.
  auto colon = read("report:\n  id: a: b\nsources: []\n");
  ASSERT_EQ(colon.errors.size(), 1u) << all(colon);
  EXPECT_EQ(format_diagnostic(colon.errors[0]),
            "spec.yaml:2:8: invalid YAML: unexpected ':' here: a key starts "
            "its own line, and a value that contains ': ' must be quoted");
  auto bracket = read("report:\n  id: [unclosed\n  title: x\n");
  ASSERT_EQ(bracket.errors.size(), 1u) << all(bracket);
  EXPECT_THAT(bracket.errors[0].message,
              HasSubstr("a '[' is not closed: expected ',' or ']'"));
  auto indent = read("report:\n    id: r\n  title: T\n");
  ASSERT_EQ(indent.errors.size(), 1u) << all(indent);
  EXPECT_EQ(indent.errors[0].where.line, 3);
  EXPECT_THAT(indent.errors[0].message,
              HasSubstr("not indented like the keys of its map"));
}

TEST(SpecBounds, SeriesIsOneToOneHundredTwenty) {
  auto spec = [](const std::string& series) {
    return "report: {id: r, title: T, series: " + series +
           "}\nsources: []\nkpis: []\nsections: []\n";
  };
  EXPECT_TRUE(read(spec("1")).errors.empty());
  EXPECT_TRUE(read(spec("120")).errors.empty());
  for (const char* bad : {"0", "121", "100000"}) {
    auto r = read(spec(bad));
    ASSERT_EQ(r.errors.size(), 1u) << all(r);
    // "report: {id: r, title: T, series: " is 34 characters.
    EXPECT_EQ(format_diagnostic(r.errors[0]),
              "spec.yaml:1:35: report.series: expected between 1 and 120 "
              "periods (ten years of months)");
  }
}

TEST(SpecBounds, AnUnknownLocaleListsTheSupportedOnes) {
  auto spec = [](const std::string& locale) {
    return "report: {id: r, title: T, locale: " + locale +
           "}\nsources: []\nkpis: []\nsections: []\n";
  };
  auto ok = read(spec("en_US"));
  ASSERT_TRUE(ok.errors.empty()) << all(ok);
  EXPECT_EQ(ok.spec->report.locale, "en_US");
  auto typo = read(spec("en_GX"));
  ASSERT_EQ(typo.errors.size(), 1u) << all(typo);
  // "report: {id: r, title: T, locale: " is 34 characters.
  EXPECT_EQ(format_diagnostic(typo.errors[0]),
            "spec.yaml:1:35: report.locale: expected one of fr_FR, fr, en_GB, "
            "en_US, en, got 'en_GX'; did you mean 'en_GB'?");
  auto german = read(spec("de_DE"));
  ASSERT_EQ(german.errors.size(), 1u) << all(german);
  EXPECT_THAT(german.errors[0].message,
              HasSubstr("expected one of fr_FR, fr, en_GB, en_US, en, got "
                        "'de_DE'"));
}

TEST(SpecBounds, ANoteHoldsAtMostTenThousandCharacters) {
  auto spec = [](const std::string& text) {
    return "report: {id: r, title: T}\nsources: []\nkpis: []\nsections:\n"
           "  - title: S\n    blocks:\n      - note: \"" +
           text + "\"\n";
  };
  // 10,000 characters of two bytes each is within the bound.
  std::string e_acute;
  for (int i = 0; i < 10000; ++i) e_acute += "é";
  EXPECT_TRUE(read(spec(e_acute)).errors.empty());
  auto r = read(spec(std::string(100000, 'a')));
  ASSERT_EQ(r.errors.size(), 1u);
  // "      - note: " is 14 characters.
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:7:15: sections[0].blocks[0].note: a note holds at most "
            "10000 characters, this one has 100000; a longer text belongs in "
            "a document of its own");
}

TEST(MapOptions, ANestedMapOrListInsideIsAnErrorAtItsPosition) {
  auto r = read(
      "report: {id: r, title: T}\n"
      "sources:\n"
      "  - id: s\n"
      "    connector: crm_sql\n"
      "    dataset: orders\n"
      "    config:\n"
      "      url: u\n"
      "      table: t\n"
      "      headers: {a: 1, b: {c: 2}}\n"
      "      columns: [x, [y]]\n"
      "parameters:\n"
      "  action_costs:\n"
      "    call: 4.5\n"
      "    mail: {cost: 1}\n"
      "kpis:\n"
      "  - id: revenue\n"
      "    indicator: customer_base\n"
      "    parameters:\n"
      "      currency: EUR\n"
      "      action_costs: {web: [1, 2]}\n"
      "sections: []\n");
  ASSERT_EQ(r.errors.size(), 4u) << all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:9:26: sources[0].config.headers.b: expected a single "
            "value (a map option holds key: value), got a map");
  EXPECT_EQ(format_diagnostic(r.errors[1]),
            "spec.yaml:10:20: sources[0].config.columns[1]: expected a single "
            "value (a list option holds single values), got a list");
  EXPECT_EQ(format_diagnostic(r.errors[2]),
            "spec.yaml:14:11: parameters.action_costs.mail: expected a single "
            "value (a map option holds key: value), got a map");
  EXPECT_EQ(format_diagnostic(r.errors[3]),
            "spec.yaml:20:27: kpis[0].parameters.action_costs.web: expected a "
            "single value (a map option holds key: value), got a list");
}

}  // namespace
}  // namespace vigie::spec
