// Each KPI of experience reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is left out, and the fixture is rich enough that
// nulling any one declared column changes it. Every cell with a csat below
// 100 % is an irritant here, so that the irritants show every source of
// volume.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "experience_fixture.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace vigie::testing {
namespace {

IndicatorCase every_column_matters() {
  ExperienceData d;
  d.survey(at(9, 3), "usage", "app", 2, 3);
  d.survey(at(10, 2), "subscribe", "web", 3, 9);
  d.survey(at(10, 3), "subscribe", "web", 5, 4);
  d.survey(at(10, 4), "usage", "app", 2, 3);
  d.survey(at(10, 5), "usage", "app", 4, 10);
  d.survey(at(10, 6), "support", "phone", 3, 5);
  d.call(at(10, 7), "billing_question", 4);
  d.call(at(10, 8), "billing_question", 1, "outbound");
  d.call(at(9, 8), "billing_question", 5);
  // A desktop session at subscribe, an app session whose action is usage.
  d.web(at(10, 2, 9), "v1", "desktop", "/inscription");
  d.web(at(10, 3, 9), "v2", "app", "/mentions-legales");
  d.web(at(10, 3, 9, 2), "v2", "app", "", "change_address");
  d.order_line("O1", at(10, 4), 30, "web");
  d.order_line("O2", at(10, 5), 30, "web")
      .order_line("O2", at(10, 5), -30, "web");
  d.order_line("O2", at(9, 5), 10, "web");
  auto parameters = journey_parameters();
  parameters["irritant_csat_below"] = "1";
  parameters["irritant_min_answers"] = "1";
  return {"experience", parameters, d.datasets(), months(9, 10), 1};
}

TEST(ExperienceDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = every_column_matters();
  const std::vector<KpiReads> kpis = declared_reads("experience");
  ASSERT_EQ(kpis.size(), 5u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(ExperienceDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = every_column_matters();
  for (const KpiReads& kpi : declared_reads("experience"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
