// The report-usage plugin loaded as the engine loads it: its descriptor,
// and the value KPIs of November (P') and December 2026 (P) counted by hand
// on the history of usage_fixture.hpp (rows R1.., D1.. there), with every
// status, rows on the month boundaries and outside both months, an
// excluded report, empty datasets and no report_deliveries at all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "support/load_plugin.hpp"
#include "usage_fixture.hpp"

namespace vigie::testing {
namespace {

TEST(ReportUsagePlugin, DescribesItsKpisInputsAndOption) {
  auto library = load_plugin("report_usage");
  const auto& info = library->info();
  EXPECT_EQ(info.kind, VIGIE_KIND_INDICATOR);
  EXPECT_STREQ(info.name, "report_usage");
  ASSERT_EQ(info.input_count, 2u);
  EXPECT_STREQ(info.inputs[0].dataset, "report_runs");
  EXPECT_EQ(info.inputs[0].required, 1);
  EXPECT_STREQ(info.inputs[1].dataset, "report_deliveries");
  EXPECT_EQ(info.inputs[1].required, 0);

  struct Output {
    int32_t kind;
    std::string unit;
    int32_t better;
    bool operator==(const Output&) const = default;
  };
  std::map<std::string, Output> outputs;
  for (uint32_t i = 0; i < info.output_count; ++i)
    outputs[info.outputs[i].id] = {info.outputs[i].kind, info.outputs[i].unit,
                                   info.outputs[i].better};
  const std::map<std::string, Output> expected{
      {"reports_generated", {VIGIE_OUTPUT_VALUE, "count", VIGIE_BETTER_HIGHER}},
      {"runs_failed", {VIGIE_OUTPUT_VALUE, "count", VIGIE_BETTER_LOWER}},
      {"deliveries_delivered",
       {VIGIE_OUTPUT_VALUE, "count", VIGIE_BETTER_HIGHER}},
      {"deliveries_failed", {VIGIE_OUTPUT_VALUE, "count", VIGIE_BETTER_LOWER}},
      {"recipients_reached",
       {VIGIE_OUTPUT_VALUE, "count", VIGIE_BETTER_HIGHER}},
      {"delivery_rate", {VIGIE_OUTPUT_VALUE, "ratio", VIGIE_BETTER_HIGHER}},
      {"usage_by_report", {VIGIE_OUTPUT_TABLE, "", VIGIE_BETTER_HIGHER}},
  };
  EXPECT_TRUE(outputs == expected);

  ASSERT_EQ(info.option_count, 1u);
  EXPECT_STREQ(info.options[0].key, "exclude_reports");
  EXPECT_EQ(info.options[0].type, VIGIE_OPTION_LIST);
  EXPECT_EQ(info.options[0].required, 0);
}

TEST(ReportUsagePlugin, CountsRunsByStatusInThePeriodOfTheirSlot) {
  const IndicatorRun run = run_usage(two_months_of_history());
  // November: R1 and R3 (its slot one second before December) succeeded;
  // R2 failed (after 3 attempts: a run, not an attempt, is counted); R4
  // abandoned is neither. R13 (October) and R14 (January) are in no
  // period.
  EXPECT_EQ(run.value("reports_generated", kNov), 2.0);
  EXPECT_EQ(run.value("runs_failed", kNov), 1.0);
  // December: R5 (at midnight on the 1st), R6, R8 succeeded; R7 and R11
  // failed; R9 running, R10 waiting and R12 abandoned are no outcome.
  EXPECT_EQ(run.value("reports_generated", kDec), 3.0);
  EXPECT_EQ(run.value("runs_failed", kDec), 2.0);
}

TEST(ReportUsagePlugin, CountsDeliveriesByOutcomeAndPendingOnesAsNone) {
  const IndicatorRun run = run_usage(two_months_of_history());
  // November: D3, D4 delivered; D1 expired; D2 pending (no outcome yet).
  EXPECT_EQ(run.value("deliveries_delivered", kNov), 2.0);
  EXPECT_EQ(run.value("deliveries_failed", kNov), 1.0);
  EXPECT_DOUBLE_EQ(*run.value("delivery_rate", kNov), 2.0 / 3);
  // December: D5, D7, D8, D9, D10 and D13 delivered (D9 and D10 are two
  // burst instances to one recipient: two e-mails); D6 failed and D11
  // expired; D12 pending. D14 (October) is in no period.
  EXPECT_EQ(run.value("deliveries_delivered", kDec), 6.0);
  EXPECT_EQ(run.value("deliveries_failed", kDec), 2.0);
  EXPECT_DOUBLE_EQ(*run.value("delivery_rate", kDec), 6.0 / 8);
}

TEST(ReportUsagePlugin, CountsEachRecipientReachedOnceAPeriod) {
  const IndicatorRun run = run_usage(two_months_of_history());
  // November: a (D3) and b (D4); a's expired D1 changes nothing.
  EXPECT_EQ(run.value("recipients_reached", kNov), 2.0);
  // December: a (D5, D7), b (D8; its failed D6 does not matter), c (D9,
  // D10), g (D13). d (expired) and e (pending) were not reached.
  EXPECT_EQ(run.value("recipients_reached", kDec), 4.0);
}

TEST(ReportUsagePlugin, LeavesOutTheExcludedReportsEverywhere) {
  const IndicatorRun run = run_usage(two_months_of_history(), true,
                                     {{"exclude_reports.0", "management"}});
  // November without management: R3 succeeded; D1 expired is the only
  // outcome, so the rate is 0 / 1.
  EXPECT_EQ(run.value("reports_generated", kNov), 1.0);
  EXPECT_EQ(run.value("runs_failed", kNov), 0.0);
  EXPECT_EQ(run.value("deliveries_delivered", kNov), 0.0);
  EXPECT_EQ(run.value("deliveries_failed", kNov), 1.0);
  EXPECT_EQ(run.value("recipients_reached", kNov), 0.0);
  EXPECT_EQ(run.value("delivery_rate", kNov), 0.0);
  // December: R8 succeeded, R11 failed; D9, D10, D13 delivered to c and g;
  // D11 expired.
  EXPECT_EQ(run.value("reports_generated", kDec), 1.0);
  EXPECT_EQ(run.value("runs_failed", kDec), 1.0);
  EXPECT_EQ(run.value("deliveries_delivered", kDec), 3.0);
  EXPECT_EQ(run.value("deliveries_failed", kDec), 1.0);
  EXPECT_EQ(run.value("recipients_reached", kDec), 2.0);
  EXPECT_DOUBLE_EQ(*run.value("delivery_rate", kDec), 3.0 / 4);
}

TEST(ReportUsagePlugin, GivesNoDeliveryFigureWithoutReportDeliveries) {
  const IndicatorRun run = run_usage(two_months_of_history(), false);
  for (uint32_t p : {kNov, kDec}) {
    EXPECT_EQ(run.value("deliveries_delivered", p), std::nullopt);
    EXPECT_EQ(run.value("deliveries_failed", p), std::nullopt);
    EXPECT_EQ(run.value("recipients_reached", p), std::nullopt);
    EXPECT_EQ(run.value("delivery_rate", p), std::nullopt);
  }
  // The runs' figures do not need it.
  EXPECT_EQ(run.value("reports_generated", kDec), 3.0);
  EXPECT_EQ(run.value("runs_failed", kDec), 2.0);
}

TEST(ReportUsagePlugin, CountsZeroOnEmptyDatasetsAndHasNoRateOverNothing) {
  const IndicatorRun run = run_usage(History());
  for (uint32_t p : {kNov, kDec}) {
    EXPECT_EQ(run.value("reports_generated", p), 0.0);
    EXPECT_EQ(run.value("runs_failed", p), 0.0);
    EXPECT_EQ(run.value("deliveries_delivered", p), 0.0);
    EXPECT_EQ(run.value("deliveries_failed", p), 0.0);
    EXPECT_EQ(run.value("recipients_reached", p), 0.0);
    EXPECT_EQ(run.value("delivery_rate", p), std::nullopt);
  }
}

TEST(ReportUsagePlugin, HasNoRateWhenEveryDeliveryIsPending) {
  History h;
  h.run("management", utc(2026, 12, 1, 6), "succeeded");
  h.delivery("management", utc(2026, 12, 1, 6), "a@example.fr", "pending");
  const IndicatorRun run = run_usage(h);
  // Nothing has an outcome yet: 0 delivered, 0 failed, no rate (not 0 %).
  EXPECT_EQ(run.value("deliveries_delivered", kDec), 0.0);
  EXPECT_EQ(run.value("deliveries_failed", kDec), 0.0);
  EXPECT_EQ(run.value("delivery_rate", kDec), std::nullopt);
}

}  // namespace
}  // namespace vigie::testing
