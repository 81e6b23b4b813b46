// Each KPI of customer_base reads only the dataset columns it declares
// (support/declared_reads): asked alone, it gives the same output when
// every other column is nulls, and the fixture is rich enough that nulling
// any one declared column changes it (so that a missing declaration would
// show). The fixture is thirteen 30-day periods of generated orders:
// multi-line orders, returns that cancel an order, lines of an order with
// other customers, anonymous lines, channels, consent and spend.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "plugin_harness.hpp"
#include "support/declared_reads/declared_reads.hpp"

namespace customer_base_test {
namespace {

using vigie::testing::declarations_the_fixture_cannot_show;
using vigie::testing::declared_reads;
using vigie::testing::Draw;
using vigie::testing::IndicatorCase;
using vigie::testing::KpiReads;
using vigie::testing::reads_beyond_its_declaration;

std::string id(const char* prefix, int64_t n) {
  return prefix + std::to_string(100 + n);
}

IndicatorCase rich_case() {
  Draw draw(7);
  Datasets d;
  const char* channels[] = {"email", "search", "social"};
  for (int64_t c = 0; c < 40; ++c) {
    const int64_t channel = draw.below(4);  // 3: none
    d.customer(id("C", c),
               channel < 3 ? std::optional<std::string>(channels[channel])
                           : std::nullopt,
               draw.below(3) > 0);
    for (int64_t o = draw.below(9); o > 0; --o) {
      const std::string order = id("O", c * 100 + o);
      const int64_t at = day(draw.below(420) - 30) + draw.below(kDay);
      for (int64_t l = 1 + draw.below(3); l > 0; --l) {
        const int64_t kind = draw.below(10);
        const std::string customer = kind == 0   ? ""
                                     : kind == 1 ? id("C", draw.below(40))
                                                 : id("C", c);
        const double amount = 5.0 + static_cast<double>(draw.below(2000)) / 10;
        d.order_line(order, customer, at + draw.below(3) * kDay,
                     kind == 2 ? -amount : amount, amount / 4);
      }
      // Now and then a return that cancels the whole order.
      if (draw.below(8) == 0) d.order_line(order, id("C", c), at, -1000, -250);
    }
  }
  // New customers of the report period, of each channel; the first had
  // an order before, returned whole (no purchase: it is new all the same).
  d.order_line("Z", id("N", 0), day(100), 50, 10);
  d.order_line("Z", id("N", 0), day(101), -50, -10);
  for (int64_t n = 0; n < 6; ++n) {
    d.customer(id("N", n), std::string(channels[n % 3]), true);
    d.order_line(id("P", n), id("N", n), day(366 + 4 * n), 20.0 + n, 5);
  }
  for (int month = 1; month <= 13; ++month)
    for (const char* channel : channels)
      d.spend(month <= 12 ? "2026-" + std::string(month < 10 ? "0" : "") +
                                std::to_string(month)
                          : "2027-01",
              channel, static_cast<double>(100 + draw.below(900)));

  IndicatorCase c;
  c.plugin = "customer_base";
  // `auto`: the activity window depends on the data, as the KPIs do.
  c.parameters = {{"activity_window", "auto"}};
  c.tables.emplace_back("orders", d.orders_table());
  c.tables.emplace_back("customers", d.customers_table());
  c.tables.emplace_back("marketing_spend", d.spend_table());
  // The months of 2026 and January 2027 (P): spend falls in whole months.
  for (unsigned m = 1; m <= 13; ++m)
    c.periods.push_back({month_start(m), month_start(m + 1)});
  c.current = 12;
  return c;
}

TEST(CustomerBaseDeclaredReads, EachKpiReadsOnlyTheColumnsItDeclares) {
  const IndicatorCase c = rich_case();
  const std::vector<KpiReads> kpis = declared_reads("customer_base");
  ASSERT_EQ(kpis.size(), 25u);
  for (const KpiReads& kpi : kpis) {
    EXPECT_FALSE(kpi.reads.empty()) << kpi.kpi << " declares no read";
    if (auto why = reads_beyond_its_declaration(c, kpi)) ADD_FAILURE() << *why;
  }
}

TEST(CustomerBaseDeclaredReads, TheFixtureShowsEveryDeclaredColumnIsRead) {
  const IndicatorCase c = rich_case();
  for (const KpiReads& kpi : declared_reads("customer_base"))
    EXPECT_THAT(declarations_the_fixture_cannot_show(c, kpi),
                ::testing::IsEmpty())
        << kpi.kpi;
}

}  // namespace
}  // namespace customer_base_test
