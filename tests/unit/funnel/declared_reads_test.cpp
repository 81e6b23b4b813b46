// Each KPI of funnel reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the fixture is rich enough that nulling
// any one declared column changes it. The fixture: generated visitors,
// logged in or not, on the funnel's pages and actions, and orders of one
// or two lines (some of total 0) of their customers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "funnel_fixture.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace vigie::testing {
namespace {

IndicatorCase rich_case() {
  Draw draw(7);
  FunnelData d;
  const char* customers[] = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"};
  const char* pages[] = {"/offres", "/offres/fibre", "/panier", "/aide"};
  const char* actions[] = {"checkout", "checkout", "change_address"};
  std::vector<std::string> visitors;
  for (int v = 0; v < 30; ++v) visitors.push_back("w" + std::to_string(v));
  int orders = 0;
  for (const std::string& visitor : visitors) {
    const char* home = draw.below(4) == 0 ? nullptr : draw.pick(customers);
    const int64_t start = day(draw.below(30) - 1);
    // A journey in page order, with now and then a step out of order.
    for (int e = 0; e < 6; ++e) {
      const int64_t ts = start + hours(e + draw.below(3) - 1);
      const char* customer = draw.below(3) == 0 ? home : nullptr;
      if (e == 3 && draw.below(3) != 0)
        d.action(ts, visitor.c_str(), customer, draw.pick(actions));
      else if (draw.below(8) == 0)
        d.event(ts, visitor.c_str(), customer, "click", "/panier", nullptr);
      else
        d.page_view(ts, visitor.c_str(), customer, draw.pick(pages));
    }
    if (home == nullptr || draw.below(3) == 0) continue;
    // The customer's order after the journey: one line, or two whose
    // total is sometimes 0 (not a purchase) and whose first line alone
    // would be one.
    const std::string id = "O" + std::to_string(orders++);
    const int64_t at = start + hours(6 + draw.below(4));
    const int64_t amount = 10 + draw.below(50);
    d.order_line(id.c_str(), home, at, amount);
    if (draw.below(2) == 0)
      d.order_line(id.c_str(), home, at + hours(1),
                   draw.below(2) == 0 ? -amount : 5);
  }
  // In P, a customer goes down to the checkout and orders for a total of
  // 0: read line by line (without order_id), the first line is a purchase.
  d.page_view(day(12), "z", "C9", "/offres");
  d.page_view(day(12) + hours(1), "z", "C9", "/panier");
  d.action(day(12) + hours(2), "z", "C9", "checkout");
  d.order_line("OZ", "C9", day(12) + hours(3), 40);
  d.order_line("OZ", "C9", day(12) + hours(4), -40);

  IndicatorCase c;
  c.plugin = "funnel";
  c.parameters = shop_funnel();
  c.tables = d.datasets();
  c.periods = {{day(0), day(10)}, {day(10), day(20)}, {day(20), day(30)}};
  c.current = 1;
  return c;
}

TEST(FunnelDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = rich_case();
  const std::vector<KpiReads> kpis = declared_reads("funnel");
  ASSERT_EQ(kpis.size(), 3u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(FunnelDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = rich_case();
  for (const KpiReads& kpi : declared_reads("funnel"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace vigie::testing
