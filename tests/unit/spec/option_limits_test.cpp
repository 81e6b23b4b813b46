// An option's range and choices (ABI 1.1) are checked when the spec is
// read, with file:line:column, in a KPI's parameters and report-wide ones
// alike, for single values and for each entry of a map.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

// The KPI's parameters are on line 7, after "    parameters: {" (17).
std::string spec_with(const std::string& parameters) {
  return "report: {id: r, title: T}\n"
         "sources:\n"
         "  - {id: o, connector: crm_sql, dataset: orders,\n"
         "     config: {url: x, table: orders}}\n"
         "kpis:\n"
         "  - id: revenue\n"
         "    parameters: {currency: EUR, " +
         parameters +
         "}\n"
         "    indicator: customer_base\n"
         "sections: []\n";
}

std::vector<std::string> errors_of(const std::string& parameters) {
  auto r = testing::read(spec_with(parameters));
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(format_diagnostic(d));
  return out;
}

TEST(OptionLimits, ValuesWithinTheRangeOrAmongTheChoicesPass) {
  for (const char* ok :
       {"horizon_days: 1", "horizon_days: 3650", "method: exact",
        "weights: {web: 0, call: 2.5}", "window: auto", "window: 7"}) {
    auto r = testing::read(spec_with(ok));
    EXPECT_TRUE(r.errors.empty()) << ok << "\n" << testing::all(r);
  }
}

TEST(OptionLimits, AValueOutsideIsRefusedWhereItIsWritten) {
  // "    parameters: {currency: EUR, horizon_days: " is 46 characters.
  EXPECT_THAT(errors_of("horizon_days: 0"),
              ::testing::ElementsAre(
                  "spec.yaml:7:47: kpis[0].parameters.horizon_days: expected "
                  "an integer >= 1 and <= 3650, got '0'"));
  EXPECT_THAT(errors_of("method: slow"),
              ::testing::ElementsAre(
                  "spec.yaml:7:41: kpis[0].parameters.method: expected one "
                  "of fast, exact, got 'slow'"));
  EXPECT_THAT(errors_of("window: soon"),
              ::testing::ElementsAre(
                  "spec.yaml:7:41: kpis[0].parameters.window: expected auto, "
                  "or a number >= 1, got 'soon'"));
  // Each entry of a map: "-2" is at column 57.
  EXPECT_THAT(errors_of("weights: {web: 1, call: -2}"),
              ::testing::ElementsAre(
                  "spec.yaml:7:57: kpis[0].parameters.weights.call: expected "
                  "a number >= 0, got '-2'"));
  // A value of the wrong type is reported once, as such.
  EXPECT_THAT(errors_of("horizon_days: many"),
              ::testing::ElementsAre(
                  "spec.yaml:7:47: kpis[0].parameters.horizon_days: expected "
                  "an integer, got 'many'"));
}

TEST(OptionLimits, ReportWideParametersAreCheckedToo) {
  auto r = testing::read(
      "report: {id: r, title: T}\n"
      "sources: []\n"
      "parameters: {horizon_days: 5000}\n"
      "kpis:\n"
      "  - {id: revenue, indicator: customer_base, parameters: {currency: "
      "EUR}}\n"
      "sections: []\n");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:3:28: parameters.horizon_days: expected an integer >= "
            "1 and <= 3650, got '5000'");
}

}  // namespace
}  // namespace vigie::spec
