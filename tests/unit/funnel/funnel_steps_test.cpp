// The funnel's step counts, counted by hand from the rows of shop_data():
// persons (the stitched person of section 3, at the as_of of the period
// computed; a purchase is its customer's) reaching each step within the
// period, with e1.ts <= ... <= ek.ts across the devices of a person.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "funnel_fixture.hpp"

namespace vigie::testing {
namespace {

// Periods: P0 = [day -10, day 0) holds no row, P' = [day 0, day 10),
// P = [day 10, day 20).
const std::vector<vigie_period> kPeriods = {
    {day(-10), day(0)}, {day(0), day(10)}, {day(10), day(20)}};
constexpr uint32_t kP = 2;
constexpr uint32_t kPrevious = 1;

FunnelData shop_data() {
  FunnelData d;
  // C1 on two devices. At day 11 + 10 h, the same microsecond, the laptop
  // views the basket (its row first) and the phone the offers: equal times
  // count in either order, so both steps are reached. The checkout carries
  // no customer_id but the laptop is linked to C1. Purchase O1 of C1 at
  // 12 h: C1 reaches all 4 steps.
  d.page_view(day(11) + hours(10), "a-laptop", "C1", "/panier");
  d.page_view(day(11) + hours(10), "a-phone", "C1", "/offres/fibre");
  d.action(day(11) + hours(11), "a-laptop", nullptr, "checkout");
  d.order_line("O1", "C1", day(11) + hours(12), 100);
  // C2: the basket at 9 h, before the offers at 10 h: out of order, it does
  // not count; the checkout after does not either (no basket after the
  // offers). C2 reaches step 1 only, though it buys.
  d.page_view(day(12) + hours(9), "b", "C2", "/panier");
  d.page_view(day(12) + hours(10), "b", "C2", "/offres");
  d.action(day(12) + hours(11), "b", "C2", "checkout");
  d.order_line("O2", "C2", day(12) + hours(12), 80);
  // C3: offers, basket, checkout on the web; the last step only through
  // orders: O3 of two lines, 60 - 10 = 50 > 0, a purchase. 4 steps.
  d.page_view(day(13), "c", "C3", "/offres");
  d.page_view(day(13) + hours(1), "c", "C3", "/panier/recap");
  d.action(day(13) + hours(2), "c", "C3", "checkout");
  d.order_line("O3", "C3", day(13) + hours(3), 60);
  d.order_line("O3", "C3", day(13) + hours(4), -10);
  // C4: the same path, but O4's total is 30 - 30 = 0: not a purchase.
  // 3 steps. An anonymous purchase after it belongs to no person.
  d.page_view(day(14), "d", "C4", "/offres");
  d.page_view(day(14) + hours(1), "d", "C4", "/panier");
  d.action(day(14) + hours(2), "d", "C4", "checkout");
  d.order_line("O4", "C4", day(14) + hours(3), 30);
  d.order_line("O4", "C4", day(14) + hours(3), -30);
  d.order_line("O5", nullptr, day(14) + hours(4), 40);
  // C5 starts in P' (offers on day 9) and goes on in P (basket, checkout,
  // purchase on day 10): within P its first step is missing, so it
  // reaches none in P; in P' it reaches step 1.
  d.page_view(day(9), "e", "C5", "/offres");
  d.page_view(day(10) + hours(1), "e", "C5", "/panier");
  d.action(day(10) + hours(2), "e", "C5", "checkout");
  d.order_line("O6", "C5", day(10) + hours(3), 20);
  // An anonymous visitor, its own person: offers and basket, 2 steps.
  d.page_view(day(14), "f", nullptr, "/offres/mobile");
  d.page_view(day(14) + hours(1), "f", nullptr, "/panier");
  // Not a step: a page that only ends like the pattern (it must cover the
  // whole path), and the offers page on an event that is not a page_view.
  d.page_view(day(15), "g", nullptr, "/mes-offres");
  d.event(day(15), "g2", nullptr, "click", "/offres", nullptr);
  // C6: the offers viewed before logging in on h1, the basket once logged
  // in (h1 is linked to C6 at as_of, so both are C6's), the checkout on a
  // second device h2: 3 steps.
  d.page_view(day(16), "h1", nullptr, "/offres");
  d.page_view(day(16) + hours(1), "h1", "C6", "/panier");
  d.action(day(16) + hours(2), "h2", "C6", "checkout");
  return d;
}

class FunnelSteps : public ::testing::Test {
 protected:
  void SetUp() override {
    results_ = run_funnel(shop_funnel(), shop_data().datasets(), kPeriods, kP);
  }
  IndicatorRun results_;
};

TEST_F(FunnelSteps, CountsThePersonsReachingEachStepInP) {
  // Step 1, offers in P: C1, C2, C3, C4, f, C6 = 6 (C5's is in P', g's
  // pages are not steps). Step 2: C1, C3, C4, f, C6 = 5. Step 3: C1, C3,
  // C4, C6 = 4. Step 4: C1, C3 = 2.
  const auto& table = results_.table("funnel_steps");
  ASSERT_EQ(table.view().rows(), 4);
  const int64_t expected_persons[] = {6, 5, 4, 2};
  const char* expected_names[] = {"Offres", "Panier", "Commande", "Achat"};
  const int64_t* step = table.column("step").ints();
  const int64_t* persons = table.column("persons").ints();
  for (int64_t k = 0; k < 4; ++k) {
    EXPECT_EQ(step[k], k + 1);
    EXPECT_EQ(table.column("name").string_at(k), expected_names[k]);
    EXPECT_EQ(persons[k], expected_persons[k]) << "step " << k + 1;
  }
}

TEST_F(FunnelSteps, GivesStepAndOverallConversions) {
  const auto& table = results_.table("funnel_steps");
  const auto& step_conversion = table.column("step_conversion");
  const auto& overall = table.column("overall_conversion");
  EXPECT_FALSE(step_conversion.is_valid(0));  // no step before the first
  EXPECT_DOUBLE_EQ(step_conversion.doubles()[1], 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(step_conversion.doubles()[2], 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(step_conversion.doubles()[3], 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(overall.doubles()[0], 1.0);
  EXPECT_DOUBLE_EQ(overall.doubles()[1], 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(overall.doubles()[2], 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(overall.doubles()[3], 2.0 / 6.0);
  // P' persons: only C5, whose offers of day 9 are in P'.
  const int64_t* previous = table.column("previous_persons").ints();
  EXPECT_EQ(previous[0], 1);
  EXPECT_EQ(previous[1], 0);
  EXPECT_EQ(previous[2], 0);
  EXPECT_EQ(previous[3], 0);
}

TEST_F(FunnelSteps, GivesTheValuesOfEveryPeriod) {
  EXPECT_DOUBLE_EQ(*results_.value("funnel_conversion", kP), 2.0 / 6.0);
  EXPECT_EQ(results_.value("funnel_completions", kP), 2.0);
  // P': 1 person at step 1 (C5), no completion: 0 / 1.
  EXPECT_EQ(results_.value("funnel_conversion", kPrevious), 0.0);
  EXPECT_EQ(results_.value("funnel_completions", kPrevious), 0.0);
  // The empty period: nobody entered, so the conversion has no value.
  EXPECT_EQ(results_.value("funnel_conversion", 0), std::nullopt);
  EXPECT_EQ(results_.value("funnel_completions", 0), 0.0);
}

TEST(FunnelEmptyStep, AStepNobodyReachedLeavesTheNextConversionWithoutValue) {
  // P' as the report period: 1, 0, 0, 0 persons.
  const IndicatorRun run =
      run_funnel(shop_funnel(), shop_data().datasets(), kPeriods, kPrevious);
  const auto& table = run.table("funnel_steps");
  const auto& step_conversion = table.column("step_conversion");
  EXPECT_FALSE(step_conversion.is_valid(0));
  EXPECT_DOUBLE_EQ(step_conversion.doubles()[1], 0.0);  // 0 / 1
  EXPECT_FALSE(step_conversion.is_valid(2));            // 0 / 0
  EXPECT_FALSE(step_conversion.is_valid(3));            // 0 / 0
  EXPECT_DOUBLE_EQ(table.column("overall_conversion").doubles()[3], 0.0);
  // The period before P' holds nothing.
  const int64_t* previous = table.column("previous_persons").ints();
  for (int64_t k = 0; k < 4; ++k) EXPECT_EQ(previous[k], 0);
}

TEST(FunnelEmptyStep, AnEmptyReportPeriodHasNoConversionAnywhere) {
  const IndicatorRun run =
      run_funnel(shop_funnel(), shop_data().datasets(), kPeriods, 0);
  const auto& table = run.table("funnel_steps");
  for (int64_t k = 0; k < 4; ++k) {
    EXPECT_EQ(table.column("persons").ints()[k], 0);
    EXPECT_FALSE(table.column("step_conversion").is_valid(k));
    EXPECT_FALSE(table.column("overall_conversion").is_valid(k));
    // No period before the first of the request.
    EXPECT_FALSE(table.column("previous_persons").is_valid(k));
  }
}

// Steps "any page_view", then "a page_view of /offres*": one event that
// matches both takes one step only; of two events of one time, the one
// that matches only the first step takes it, whatever their row order.
TEST(FunnelEqualTimes, EachStepNeedsItsOwnEventAndTiesAreMatched) {
  const std::map<std::string, std::string> parameters = {
      {"steps.0", "event:page_view"}, {"steps.1", "page:/offres*"}};
  FunnelData d;
  // x: one view of /offres: 1 step.
  d.page_view(day(11), "x", nullptr, "/offres");
  // y: /offres then /aide at the same microsecond (in that row order):
  // /aide takes step 1, /offres step 2: 2 steps.
  d.page_view(day(12), "y", nullptr, "/offres");
  d.page_view(day(12), "y", nullptr, "/aide");
  // z: /offres at 10 h, /aide at 11 h: the later /aide cannot come first;
  // 1 step.
  d.page_view(day(13) + hours(10), "z", nullptr, "/offres");
  d.page_view(day(13) + hours(11), "z", nullptr, "/aide");
  const IndicatorRun run = run_funnel(parameters, d.datasets(), kPeriods, kP);
  const int64_t* persons = run.table("funnel_steps").column("persons").ints();
  EXPECT_EQ(persons[0], 3);
  EXPECT_EQ(persons[1], 1);
  // Without step_names, a step is named by its predicate.
  EXPECT_EQ(run.table("funnel_steps").column("name").string_at(1),
            "page:/offres*");
}

TEST(FunnelPurchases, APurchaseStepNeedsTheOrders) {
  FunnelData d;
  d.page_view(day(11), "x", "C1", "/offres");
  const auto without_orders = [&] {
    NamedTables tables = d.datasets();
    std::erase_if(tables, [](const auto& t) { return t.first == "orders"; });
    return tables;
  };
  try {
    run_funnel(shop_funnel(), without_orders(), kPeriods, kP);
    ADD_FAILURE() << "a purchase step ran without orders";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("needs dataset 'orders'"));
  }
  // Without a purchase step, no orders are needed.
  const IndicatorRun run = run_funnel(
      {{"steps.0", "page:/offres*"}, {"steps.1", "event:conversion"}},
      without_orders(), kPeriods, kP);
  EXPECT_EQ(run.table("funnel_steps").column("persons").ints()[0], 1);
}

}  // namespace
}  // namespace vigie::testing
