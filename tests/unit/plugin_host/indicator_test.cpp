#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_host/indicator.hpp"
#include "plugin_host/plugin_error.hpp"
#include "test_plugins.hpp"

namespace vigie::plugin_host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string compute_error(const std::string& mode) {
  Indicator ind(Library::load(testing::test_plugin("throwing")),
                {{"mode", mode}}, "plugin 'throwing' (indicator)");
  try {
    ind.compute({}, {{0, 10}, {10, 20}}, 1, {"answer"});
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

TEST(Indicator, AnExceptionFailsTheRunWithThePluginsName) {
  EXPECT_THAT(compute_error("throw"),
              AllOf(HasSubstr("plugin 'throwing' (indicator)"),
                    HasSubstr("division by zero in the test indicator")));
}

TEST(Indicator, UndeclaredResultsAreRefused) {
  EXPECT_THAT(compute_error("undeclared_kpi"),
              HasSubstr("'not_declared', which is not one of its value KPIs"));
  EXPECT_THAT(compute_error("bad_period"), HasSubstr("for period 2 of 2"));
}

std::string table_error(const std::string& mode) {
  Indicator ind(Library::load(testing::test_plugin("throwing")),
                {{"mode", mode}}, "plugin 'throwing' (indicator)");
  try {
    auto out = ind.compute({}, {{0, 10}}, 0, {"listing"});
    EXPECT_EQ(out.tables.at("listing").rows(), 1);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

TEST(Indicator, ATableMustHaveItsDeclaredColumns) {
  EXPECT_EQ(table_error("table"), "");
  const auto mismatch = HasSubstr(
      "plugin 'throwing' (indicator): gave a table for 'listing' that does "
      "not match its declaration: ");
  EXPECT_THAT(table_error("table_missing_column"),
              AllOf(mismatch, HasSubstr("its table has no column 'amount' "
                                        "(declared: name, amount)")));
  EXPECT_THAT(table_error("table_wrong_type"),
              AllOf(mismatch, HasSubstr("its column 'amount' is double, "
                                        "declared decimal")));
  EXPECT_THAT(table_error("table_extra_column"),
              AllOf(mismatch, HasSubstr("a column 'note' it does not "
                                        "declare")));
}

TEST(Indicator, CollectsOneValueAPeriod) {
  Indicator ind(Library::load(testing::test_plugin("throwing")),
                {{"mode", "ok"}}, "t");
  auto out = ind.compute({}, {{0, 10}, {10, 20}, {20, 30}}, 2, {"answer"});
  ASSERT_EQ(out.values.at("answer").size(), 3u);
  EXPECT_EQ(out.values.at("answer")[1], 42.0);
}

// Notes given as message ids (ABI 1.1) are written by the engine in the
// report's language; the request carries the report's locale and zone.
TEST(Indicator, MessagesAreWrittenInTheReportsLanguage) {
  Indicator ind(Library::load(testing::test_plugin("throwing")),
                {{"mode", "message"}}, "t");
  const auto notes = [&](const std::string& name, const std::string& zone) {
    return ind.compute({}, {{0, 10}}, 0, {"answer"}, locale::Locale(name, zone))
        .notes.at("answer");
  };
  // 1793489400 s is 2026-10-31T23:30:00Z.
  EXPECT_EQ(notes("fr_FR", "Europe/Paris"),
            (std::vector<std::string>{
                "1\u202f234 client(s) non listé(s) faute de consentement.",
                "Last call : 2026-11-01 00:30", "fr_FR Europe/Paris"}));
  EXPECT_EQ(notes("en_GB", "Europe/London"),
            (std::vector<std::string>{
                "1,234 customer(s) not listed for lack of consent.",
                "Last call: 2026-10-31 23:30", "en_GB Europe/London"}));
}

TEST(Indicator, AnUnknownMessageIdFailsNamingThePluginAndTheId) {
  EXPECT_THAT(compute_error("unknown_message"),
              AllOf(HasSubstr("plugin 'throwing' (indicator)"),
                    HasSubstr("'throwing.no_such_note', which is no message "
                              "id of the engine's catalog")));
}

TEST(Indicator, AMessageWithoutItsValueFailsNamingIt) {
  EXPECT_THAT(compute_error("missing_value"),
              AllOf(HasSubstr("plugin 'throwing' (indicator)"),
                    HasSubstr("message 'privacy.withheld' needs a value named "
                              "'count'")));
}

}  // namespace
}  // namespace vigie::plugin_host
