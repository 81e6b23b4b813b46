// A report block names only columns its KPI's table or list declares
// (OutputDescriptor::columns): table and list `columns:`, bar chart
// `label:` and `value:`, checked when the spec is read, with
// file:line:column, the valid columns and a "did you mean".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vigie::spec {
namespace {

using ::testing::HasSubstr;

// One section holding `block` (line 12), over the fake catalog's
// customer_base: value_segments declares segment, customers, revenue;
// alert_1m declares customer_id, email, consent_marketing, recency_days.
ReadResult read_block(const std::string& block,
                      const std::string& outputs = "") {
  return testing::read(testing::spec_with_block(block, outputs),
                       {{"CURRENCY", "EUR"}});  // unused, keeps env explicit
}

TEST(BlockColumns, DeclaredColumnsAreAccepted) {
  for (const char* block :
       {"table: {kpi: value_segments, columns: [segment, {revenue: CA}]}",
        "bar_chart: {kpi: value_segments, label: segment, value: revenue}",
        "list: {kpi: alert_1m, columns: [customer_key, recency_days]}",
        "table: value_segments"}) {
    auto r = read_block(block);
    EXPECT_TRUE(r.errors.empty()) << block << "\n" << testing::all(r);
  }
}

TEST(BlockColumns, ATableColumnItDoesNotDeclareIsRefusedWhereItIsNamed) {
  // "      - table: {kpi: value_segments, columns: [segment, " is 56
  // characters: "revnue" starts at column 57 of line 12.
  auto r =
      read_block("table: {kpi: value_segments, columns: [segment, revnue]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(format_diagnostic(r.errors[0]),
            "spec.yaml:12:57: sections[0].blocks[0].table.columns[1]: KPI "
            "'value_segments' has no column 'revnue'; did you mean "
            "'revenue'? its columns: segment, customers, revenue");
}

TEST(BlockColumns, AColumnWithAHeaderIsCheckedAtItsKey) {
  auto r =
      read_block("table: {kpi: value_segments, columns: [{shops: Shops}]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.line, 12);
  EXPECT_EQ(r.errors[0].where.column, 49);  // the key "shops"
  EXPECT_EQ(r.errors[0].message,
            "KPI 'value_segments' has no column 'shops'; its columns: "
            "segment, customers, revenue");
}

TEST(BlockColumns, ABarChartsLabelAndValueAreChecked) {
  // "      - bar_chart: {kpi: value_segments, label: " is 48 characters.
  auto r = read_block(
      "bar_chart: {kpi: value_segments, label: segmnt, value: share}");
  ASSERT_EQ(r.errors.size(), 2u) << testing::all(r);
  EXPECT_EQ(r.errors[0].where.str(), "spec.yaml:12:49");
  EXPECT_EQ(r.errors[0].message,
            "KPI 'value_segments' has no column 'segmnt'; did you mean "
            "'segment'? its columns: segment, customers, revenue");
  EXPECT_EQ(r.errors[1].where.str(), "spec.yaml:12:64");
  EXPECT_THAT(r.errors[1].message, HasSubstr("has no column 'share';"));
}

TEST(BlockColumns, AListShowsWhatThePersonalDataRuleLeaves) {
  // customer_id is shown as its keyed hash, customer_key; e-mail and
  // consent are never shown.
  for (const char* column : {"customer_id", "email", "consent_marketing"}) {
    auto r = read_block(std::string("list: {kpi: alert_1m, columns: [") +
                        column + "]}");
    ASSERT_EQ(r.errors.size(), 1u) << column << testing::all(r);
    EXPECT_THAT(r.errors[0].message,
                HasSubstr("its columns: customer_key, recency_days"));
  }
  // Lists that carry raw ids show customer_id.
  const std::string raw =
      "outputs: {raw_customer_id: true, raw_customer_id_reason: audit}\n";
  auto r = read_block("list: {kpi: alert_1m, columns: [customer_id]}", raw);
  EXPECT_TRUE(r.errors.empty()) << testing::all(r);
  r = read_block("list: {kpi: alert_1m, columns: [customer_key]}", raw);
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_EQ(r.errors[0].message,
            "KPI 'alert_1m' has no column 'customer_key'; did you mean "
            "'customer_id'? its columns: customer_id, recency_days, "
            "value_segment, rfm_score, experience_profile, "
            "consumption_profile, preferred_channel");
}

TEST(BlockColumns, AListOfCustomersHasTheProfileColumns) {
  // Joined to every list with a customer_id (KPI catalog 8b).
  auto r = read_block(
      "list: {kpi: alert_1m, columns: [customer_key, value_segment, "
      "rfm_score, experience_profile, consumption_profile, "
      "preferred_channel]}");
  EXPECT_TRUE(r.errors.empty()) << testing::all(r);
  r = read_block("list: {kpi: alert_1m, columns: [prefered_channel]}");
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r);
  EXPECT_THAT(r.errors[0].message,
              HasSubstr("did you mean 'preferred_channel'?"));
}

}  // namespace
}  // namespace vigie::spec
