// Each KPI of self_care reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the fixture is rich enough that nulling
// any one declared column changes it. The fixture: generated visitors,
// linked to customers or not, on topic pages and acts, and calls of every
// direction, outcome and reason, many of them soon after a web event.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "self_care_fixture.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace vigie::testing {
namespace {

IndicatorCase rich_case() {
  Draw draw(11);
  SelfCareData d;
  const char* customers[] = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"};
  const char* pages[] = {"/espace-client/demenagement", "/aide/adresse",
                         "/espace-client/factures", "/"};
  const char* actions[] = {"change_address", "pay_invoice", "report_meter",
                           "other", nullptr};
  const char* directions[] = {"inbound", "inbound", "outbound", nullptr};
  const char* outcomes[] = {"answered", "answered", "abandoned"};
  std::vector<std::string> visitors;
  for (int v = 0; v < 24; ++v) visitors.push_back("w" + std::to_string(v));
  for (const std::string& visitor : visitors) {
    const char* home = draw.below(4) == 0 ? nullptr : draw.pick(customers);
    d.by_visitor(visitor.c_str(), [&] {
      for (int e = 0; e < 8; ++e) {
        const int64_t ts = day(draw.below(32) - 2) + draw.below(kMicrosPerDay);
        const int64_t who = draw.below(10);
        const char* customer = who < 4   ? home
                               : who < 5 ? draw.pick(customers)
                                         : nullptr;
        const bool act = draw.below(2) == 0;
        const char* action = act ? draw.pick(actions) : nullptr;
        if (act)
          d.action(ts, customer, action);
        else
          d.page_view(ts, customer, draw.pick(pages));
        // The visitor's customer often calls soon after, about the act or
        // the page's topic.
        if (home != nullptr && draw.below(2) == 0)
          d.call(ts + hours(1 + draw.below(60)), home, draw.pick(directions),
                 act && action ? action : "change_address",
                 draw.pick(outcomes));
      }
    });
  }
  for (int c = 0; c < 40; ++c)
    d.call(day(draw.below(34) - 2) + draw.below(kMicrosPerDay),
           draw.below(4) == 0 ? nullptr : draw.pick(customers),
           draw.pick(directions), draw.pick(actions), draw.pick(outcomes));

  IndicatorCase c;
  c.plugin = "self_care";
  c.parameters = standard_parameters();
  c.tables = d.datasets();
  c.periods = {{day(0), day(10)}, {day(10), day(20)}, {day(20), day(30)}};
  c.current = 1;
  return c;
}

TEST(SelfCareDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = rich_case();
  const std::vector<KpiReads> kpis = declared_reads("self_care");
  ASSERT_EQ(kpis.size(), 9u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(SelfCareDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = rich_case();
  for (const KpiReads& kpi : declared_reads("self_care"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
