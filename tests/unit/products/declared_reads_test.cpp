// Each KPI of products reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is left out, and the fixture is rich enough that
// nulling any one declared column changes it (so that a missing
// declaration would show). The fixture is three months of generated order
// lines: returns, lines without a product or a category, null quantities.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "order_lines.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace products_test {
namespace {

using vigie::testing::declarations_the_fixture_cannot_show;
using vigie::testing::declared_reads;
using vigie::testing::Draw;
using vigie::testing::IndicatorCase;
using vigie::testing::KpiReads;
using vigie::testing::reads_beyond_its_declaration;

IndicatorCase rich_case() {
  Draw draw(11);
  OrderLines o;
  const char* categories[] = {"books", "garden", "kitchen", "toys"};
  for (int i = 0; i < 600; ++i) {
    const int64_t product = draw.below(40);
    const int64_t kind = draw.below(12);
    Line line;
    line.at = day(draw.below(95)) + draw.below(kDay);
    if (kind != 0) line.product = "P" + std::to_string(100 + product);
    // A product's category, now and then another or none.
    if (kind != 1)
      line.category = categories[(product + (kind == 2 ? 1 : 0)) % 4];
    const int64_t cents = 100 + draw.below(20000);
    const bool returned = kind == 3;
    line.amount = (returned ? "-" : "") + std::to_string(cents / 100) + "." +
                  std::to_string(10 + cents % 90);
    if (kind != 4) line.quantity = (returned ? -1 : 1) * (1 + draw.below(5));
    line.margin = (returned ? "-" : "") + std::to_string(cents / 400);
    o.add(std::move(line));
  }
  IndicatorCase c;
  c.plugin = "products";
  // Fewer rows than products sold, so that the ranking matters.
  c.parameters = {{"top_products", "5"}};
  c.tables.emplace_back("orders", o.table());
  c.periods = kQuarter;
  c.current = 2;
  return c;
}

TEST(ProductsDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = rich_case();
  const std::vector<KpiReads> kpis = declared_reads("products");
  ASSERT_EQ(kpis.size(), 5u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(ProductsDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = rich_case();
  for (const KpiReads& kpi : declared_reads("products"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace products_test
