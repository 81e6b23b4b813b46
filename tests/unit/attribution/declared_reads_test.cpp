// Each KPI of attribution reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the fixture is rich enough that nulling
// any one declared column changes it. The fixture: generated visitors,
// most of them logged in as a customer at some point, with sessions of
// every source (and none), multi-line orders with anonymous lines and
// returns, acquisition channels and monthly spend in the sources' words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "attribution_fixture.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace attribution_test {
namespace {

using vigie::testing::declarations_the_fixture_cannot_show;
using vigie::testing::declared_reads;
using vigie::testing::Draw;
using vigie::testing::IndicatorCase;
using vigie::testing::KpiReads;
using vigie::testing::reads_beyond_its_declaration;

IndicatorCase rich_case() {
  Draw draw(5);
  AttributionData d;
  const char* sources[] = {"email", "search", "social", ""};
  const int64_t start = utc(1, 1);
  for (int64_t v = 0; v < 30; ++v) {
    const std::string visitor = "v" + std::to_string(v);
    const int64_t home = draw.below(12);  // 10 and 11: never logged in
    const std::string customer = "C" + std::to_string(home);
    for (int64_t e = 0; e < 6; ++e) {
      const bool identified = home < 10 && draw.below(3) == 0;
      d.visit(start + draw.below(90) * kDay + draw.below(24) * kHour, visitor,
              sources[draw.below(4)], identified ? customer : "");
    }
  }
  for (int64_t c = 0; c < 12; ++c) {
    const std::string customer = "C" + std::to_string(c);
    if (c < 9) d.customer(customer, sources[c % 3]);
    for (int64_t o = draw.below(4); o >= 0; --o) {
      const std::string order = "O" + std::to_string(c * 10 + o);
      const int64_t at = start + draw.below(90) * kDay + draw.below(24) * kHour;
      for (int64_t l = 1 + draw.below(2); l > 0; --l) {
        const int64_t kind = draw.below(8);
        d.line(order, kind == 0 ? "" : customer, at + draw.below(3) * kHour,
               kind == 1 ? -30.0 : 20.0 + static_cast<double>(draw.below(200)),
               5.0 + static_cast<double>(draw.below(30)));
      }
    }
  }
  for (unsigned month = 1; month <= 3; ++month)
    for (int s = 0; s < 3; ++s)
      d.spend(month, sources[s], 100.0 + static_cast<double>(draw.below(400)));

  IndicatorCase c;
  c.plugin = "attribution";
  c.tables = d.datasets();
  c.periods = {
      {utc(1, 1), utc(2, 1)}, {utc(2, 1), utc(3, 1)}, {utc(3, 1), utc(4, 1)}};
  c.current = 2;
  return c;
}

TEST(AttributionDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = rich_case();
  const std::vector<KpiReads> kpis = declared_reads("attribution");
  ASSERT_EQ(kpis.size(), 2u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(AttributionDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = rich_case();
  for (const KpiReads& kpi : declared_reads("attribution"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace attribution_test
