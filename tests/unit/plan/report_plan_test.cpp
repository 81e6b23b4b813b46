// The report plan (plan/report_plan.hpp) built from a spec and the
// descriptors: datasets in canonical order with the columns read, one run
// an (indicator, parameters) with its defaults, the derived datasets
// needed, and the plan's own errors at their place in the spec.
#include "plan/report_plan.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plan_catalog.hpp"

namespace vigie::plan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

spec::Environment no_environment() {
  return [](const std::string&) -> std::optional<std::string> {
    return std::nullopt;
  };
}

PlanResult plan_of(const std::string& kpis,
                   const std::string& extra_sources = "") {
  const std::string yaml =
      "report: {id: r, title: R}\n"
      "sources:\n"
      "  - {id: web, connector: file, dataset: web_events, config: {path: "
      "w.csv}}\n"
      "  - {id: shop, connector: file, dataset: orders, config: {path: "
      "o.csv}}\n" +
      extra_sources + "kpis:\n" + kpis +
      "sections:\n"
      "  - {title: S, blocks: [{note: n}]}\n";
  testing::PlanCatalog catalog;
  auto read = spec::read_spec_text(yaml, "r.yaml", catalog, no_environment());
  EXPECT_THAT(read.errors, IsEmpty());
  if (!read.spec) return {};
  return build_plan(*read.spec, catalog);
}

const DatasetPlan* dataset(const ReportPlan& plan, std::string_view name) {
  for (const auto& d : plan.datasets)
    if (d.name == name) return &d;
  return nullptr;
}

TEST(ReportPlan, DatasetsInCanonicalOrderWithTheColumnsRead) {
  auto result = plan_of("  - {id: revenue, indicator: shop}\n");
  ASSERT_TRUE(result.plan);
  const ReportPlan& plan = *result.plan;
  // orders comes before web_events whatever the order of the sources.
  ASSERT_THAT(plan.datasets, SizeIs(2));
  EXPECT_EQ(plan.datasets[0].name, "orders");
  EXPECT_EQ(plan.datasets[1].name, "web_events");
  EXPECT_THAT(plan.datasets[0].columns_read,
              ElementsAre("amount", "ordered_at"));
  // The indicator takes sessions: built, hence its columns of web_events.
  EXPECT_THAT(plan.derived, ElementsAre("sessions"));
  EXPECT_TRUE(plan.datasets[1].columns_read.contains("visitor_id"));
  EXPECT_FALSE(plan.datasets[1].columns_read.contains("page"));
  EXPECT_EQ(plan.datasets[0].sources.at(0).config.at("path"), "o.csv");
}

TEST(ReportPlan, TheColumnsReadAreTheUnionOfTheKpisAsked) {
  auto result = plan_of(
      "  - {id: revenue, indicator: shop}\n"
      "  - {id: visits, indicator: shop}\n");
  ASSERT_TRUE(result.plan);
  EXPECT_TRUE(
      dataset(*result.plan, "web_events")->columns_read.contains("page"));
}

TEST(ReportPlan, AKpiWithoutReadsReadsEverything) {
  auto result = plan_of("  - {id: anything, indicator: shop}\n");
  ASSERT_TRUE(result.plan);
  EXPECT_THAT(dataset(*result.plan, "orders")->columns_read, SizeIs(9));
  EXPECT_THAT(dataset(*result.plan, "web_events")->columns_read, SizeIs(9));
}

TEST(ReportPlan, AListReadsTheCustomersConsent) {
  auto result = plan_of("  - {id: at_risk, indicator: shop}\n",
                        "  - {id: crm, connector: file, dataset: customers, "
                        "config: {path: c.csv}}\n");
  ASSERT_TRUE(result.plan);
  EXPECT_THAT(dataset(*result.plan, "customers")->columns_read,
              ElementsAre("consent_marketing", "customer_id"));
}

TEST(ReportPlan, OneRunAnIndicatorAndParametersWithDefaults) {
  auto result = plan_of(
      "  - {id: revenue, indicator: shop}\n"
      "  - {id: visits, indicator: shop, parameters: {window: 30}}\n"
      "  - {id: anything, indicator: shop}\n");
  ASSERT_TRUE(result.plan);
  const auto& runs = result.plan->runs;
  ASSERT_THAT(runs, SizeIs(2));
  std::map<std::string, std::vector<std::size_t>> by_window;
  for (const auto& run : runs)
    by_window[run.parameters.at("window")] = run.kpis;
  EXPECT_THAT(by_window["90"], ElementsAre(0u, 2u));
  EXPECT_THAT(by_window["30"], ElementsAre(1u));
}

TEST(ReportPlan, AnUnknownReadIsAnErrorAtTheKpi) {
  auto result = plan_of(
      "  - {id: revenue, indicator: shop}\n"
      "  - {id: misread, indicator: shop}\n");
  EXPECT_FALSE(result.plan);
  ASSERT_THAT(result.errors, SizeIs(1));
  EXPECT_EQ(result.errors[0].where.str(), "r.yaml:7:5");
  EXPECT_THAT(result.errors[0].message, HasSubstr("'orders.amunt'"));
}

}  // namespace
}  // namespace vigie::plan
