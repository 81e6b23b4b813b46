// Each KPI of web_analytics reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the fixture is rich enough that nulling
// any one declared column changes it. The tables are web_events and the
// datasets derived from it (sessions, session_events, visitor_links), as a
// run gets them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/declared_reads/declared_reads.hpp"
#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kOct = 1;  // P; September is P'

// Visits in both months touching every column a web KPI can read: page
// groups and life moments, load times, devices, customers on two devices,
// a bounce, a lone action, journeys ending in an action and a conversion.
IndicatorCase every_column_matters() {
  WebLog d;
  d.view(utc(2026, 9, 10, 9), "v4", "/espace-client/resiliation", "c2",
         "desktop", 250);
  d.view(utc(2026, 9, 10, 9, 5), "v4", "/offres", "c2", "desktop", 350);
  d.view(utc(2026, 9, 12, 14), "v5", "/", "", "tablet", 120);
  d.view(utc(2026, 10, 20, 10), "v1", "/", "c1", "desktop", 100);
  d.view(utc(2026, 10, 20, 10, 5), "v1", "/offres", "c1", "desktop", 300);
  d.view(utc(2026, 10, 20, 10, 9), "v1", "/espace-client/demenagement", "c1",
         "desktop", 200);
  d.act(utc(2026, 10, 20, 10, 12), "v1", "action", "c1", "desktop");
  d.view(utc(2026, 10, 21, 8), "v2", "/aide", "", "mobile", 500);
  d.view(utc(2026, 10, 22, 19), "v3", "/panier", "c1", "mobile", 700);
  d.act(utc(2026, 10, 22, 19, 3), "v3", "conversion", "c1", "mobile");
  d.act(utc(2026, 10, 23, 12), "v6", "action", "", "");
  d.view(utc(2026, 10, 25, 9), "v4", "/", "c2", "desktop", 150);
  return {"web_analytics", demo_parameters(), d.datasets(), months(9, 10),
          kOct};
}

TEST(WebDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = every_column_matters();
  const std::vector<KpiReads> kpis = declared_reads("web_analytics");
  ASSERT_EQ(kpis.size(), 15u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(WebDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = every_column_matters();
  for (const KpiReads& kpi : declared_reads("web_analytics"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
