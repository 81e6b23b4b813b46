// Each KPI of call_centre reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the hand-computed fixture is rich
// enough that nulling any one declared column changes it (outbound calls,
// abandoned calls, repeats, customers, queues and reasons, with costs for
// the online reasons).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

#include "call_centre_fixture.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace vigie::testing {
namespace {

IndicatorCase standard_case() {
  IndicatorCase c;
  c.plugin = "call_centre";
  // billing_question is the reason of the outbound call: the costs show
  // online_reasons reads the direction.
  c.parameters = {{"action_costs.change_address", "4.20"},
                  {"action_costs.billing_question", "2.00"},
                  {"action_costs.complaint", "3.00"}};
  c.tables = standard_calls().datasets();
  c.periods = standard_periods();
  c.current = 1;
  return c;
}

TEST(CallCentreDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = standard_case();
  const std::vector<KpiReads> kpis = declared_reads("call_centre");
  ASSERT_EQ(kpis.size(), 12u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(CallCentreDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = standard_case();
  for (const KpiReads& kpi : declared_reads("call_centre"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
