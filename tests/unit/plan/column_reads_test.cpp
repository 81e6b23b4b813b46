// The union of the columns a run reads (plan/column_reads.hpp): declared
// reads, the fallback of a KPI that declares none, the columns a derived
// dataset is built from, the personal-data rule's, and unknown entries.
#include "plan/column_reads.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_catalog.hpp"

namespace vigie::plan {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::kShop;
using ::testing::UnorderedElementsAre;

const plugin_host::OutputDescriptor& output(std::string_view id) {
  if (const auto* o = kShop.find_output(id)) return *o;
  throw std::logic_error("no output");
}

TEST(ColumnReads, DeclaredColumnsOnly) {
  ColumnReads reads;
  EXPECT_THAT(add_kpi_reads(kShop, output("revenue"), reads), IsEmpty());
  EXPECT_THAT(reads["orders"], ElementsAre("amount", "ordered_at"));
  EXPECT_EQ(reads.size(), 1u);
}

TEST(ColumnReads, UnionOfSeveralKpis) {
  ColumnReads reads;
  add_kpi_reads(kShop, output("revenue"), reads);
  add_kpi_reads(kShop, output("at_risk"), reads);
  EXPECT_THAT(reads["orders"],
              ElementsAre("amount", "customer_id", "ordered_at"));
}

TEST(ColumnReads, ADerivedDatasetReadsWhatItIsBuiltFrom) {
  ColumnReads reads;
  add_kpi_reads(kShop, output("visits"), reads);
  // sessions.*: the visitor order's columns and the first event's device
  // and source; plus the page the KPI reads itself.
  EXPECT_THAT(reads["web_events"],
              UnorderedElementsAre("ts", "visitor_id", "customer_id",
                                   "event_type", "device", "source", "page"));
  EXPECT_EQ(reads.count("orders"), 0u);
}

TEST(ColumnReads, EveryDerivedDatasetDeclaresItsInputs) {
  for (const auto* name : {"visitor_links", "sessions", "session_events"}) {
    ColumnReads reads;
    add_dataset_reads(name, reads);
    EXPECT_TRUE(reads["web_events"].contains("visitor_id")) << name;
    EXPECT_TRUE(reads["web_events"].contains("ts")) << name;
    EXPECT_TRUE(reads["web_events"].contains("customer_id")) << name;
    EXPECT_FALSE(reads["web_events"].contains("load_time_ms")) << name;
  }
}

TEST(ColumnReads, AKpiThatDeclaresNothingReadsEveryInput) {
  ColumnReads reads;
  EXPECT_THAT(add_kpi_reads(kShop, output("anything"), reads), IsEmpty());
  EXPECT_EQ(reads["orders"].size(), 9u);      // every column of orders
  EXPECT_EQ(reads["web_events"].size(), 9u);  // and of web_events
  EXPECT_EQ(reads.count("customers"), 0u);    // not an input of shop
}

TEST(ColumnReads, AnUnknownColumnIsReturned) {
  ColumnReads reads;
  EXPECT_THAT(add_kpi_reads(kShop, output("misread"), reads),
              ElementsAre("orders.amunt"));
  EXPECT_TRUE(reads["orders"].empty());
}

TEST(ColumnReads, TheListRuleReadsConsent) {
  ColumnReads reads;
  add_list_rule_reads(reads);
  EXPECT_THAT(reads["customers"],
              ElementsAre("consent_marketing", "customer_id"));
}

}  // namespace
}  // namespace vigie::plan
