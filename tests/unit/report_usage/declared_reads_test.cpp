// Each KPI of report_usage reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is left out, and the fixture is rich enough that
// nulling any one declared column changes it. The management report is
// excluded, so that a KPI's output depends on report_id too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/declared_reads/declared_reads.hpp"
#include "usage_fixture.hpp"

namespace vigie::testing {
namespace {

IndicatorCase every_column_matters() {
  return {"report_usage",
          {{"exclude_reports.0", "management"}},
          two_months_of_history().datasets(),
          november_december(),
          kDec};
}

TEST(ReportUsageDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = every_column_matters();
  const std::vector<KpiReads> kpis = declared_reads("report_usage");
  ASSERT_EQ(kpis.size(), 7u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(ReportUsageDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = every_column_matters();
  for (const KpiReads& kpi : declared_reads("report_usage"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
