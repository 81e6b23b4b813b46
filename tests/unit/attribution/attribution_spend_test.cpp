// Return on marketing spend against the months of P: roas, roi and
// long-term value per model and channel, a channel without spend, a
// channel with spend and no conversion, a period without conversion, a
// weekly period (spend is monthly: no value, and a note).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "attribution_fixture.hpp"

namespace attribution_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr double kTolerance = 1e-9;

// A: one email session, 100 (margin 40). B: search then social, 200
// (margin 50). Both are new customers of March (A by email, B by search).
// clv_margin at April 1: (40 + 50) / 2 = 45.
AttributionData two_customers() {
  AttributionData d;
  d.visit(utc(3, 10, 10), "a1", "email", "A");
  d.line("OA", "A", utc(3, 12, 10), 100, 40);
  d.visit(utc(3, 5), "b1", "search", "B");
  d.visit(utc(3, 12), "b1", "social");
  d.line("OB", "B", utc(3, 19), 200, 50);
  d.customer("A", "email").customer("B", "search");
  d.spend(3, "email", 50).spend(3, "search", 100).spend(3, "partner", 20);
  d.spend(2, "social", 30);  // not a month of P
  return d;
}

void expect_near(std::optional<double> actual, std::optional<double> expected,
                 const std::string& what) {
  ASSERT_EQ(actual.has_value(), expected.has_value()) << what;
  if (expected) {
    EXPECT_NEAR(*actual, *expected, kTolerance) << what;
  }
}

void expect_return(const Row& row, std::optional<double> spend,
                   std::optional<double> roas, std::optional<double> roi,
                   std::optional<double> long_term, const std::string& what) {
  expect_near(row.spend, spend, what + " spend");
  expect_near(row.roas, roas, what + " roas");
  expect_near(row.roi, roi, what + " roi");
  expect_near(row.long_term_value, long_term, what + " long_term_value");
}

TEST(AttributionSpend, ReturnOnTheSpendOfTheMonthsOfP) {
  const auto r = run(two_customers());
  // Every model lists the same channels: those reached and those with
  // spend in March.
  const auto linear = rows_of(r, "linear");
  EXPECT_EQ(linear.size(), 4u);
  // email: 100 / 50; (40 - 50) / 50; 45 x 1 new customer / 50.
  expect_return(linear.at("email"), 50, 2, -0.2, 0.9, "linear email");
  // search: half of B, 100 / 100; (25 - 100) / 100; 45 x 1 / 100.
  expect_return(linear.at("search"), 100, 1, -0.75, 0.45, "linear search");
  // partner: spend and no conversion: 0 / 20; (0 - 20) / 20; no new one.
  EXPECT_EQ(linear.at("partner").conversions, 0);
  expect_return(linear.at("partner"), 20, 0, -1, 0, "linear partner");
  // social: spend in February only, so none in P: no value.
  EXPECT_NEAR(linear.at("social").revenue, 100, kTolerance);
  expect_return(linear.at("social"), std::nullopt, std::nullopt, std::nullopt,
                std::nullopt, "linear social");

  const auto first = rows_of(r, "first");
  // All of B to search: 200 / 100; (50 - 100) / 100.
  expect_return(first.at("search"), 100, 2, -0.5, 0.45, "first search");
  const auto last = rows_of(r, "last");
  expect_return(last.at("search"), 100, 0, -1, 0.45, "last search");
  EXPECT_EQ(r.notes.count("attribution_by_channel"), 0u);
}

// Sources named otherwise than the spend: google/cpc and bing/cpc are both
// the search channel, whose spend they are measured against together.
TEST(AttributionSpend, SourcesMappedToTheSpendsChannels) {
  AttributionData d;
  d.visit(utc(3, 5), "b1", "google/cpc", "B");
  d.visit(utc(3, 12), "b1", "bing/cpc");
  d.line("OB", "B", utc(3, 19), 200, 50);
  d.visit(utc(3, 6), "c1", "newsletter", "C");
  d.line("OC", "C", utc(3, 20), 100, 10);
  d.customer("B", "search").customer("C", "email");
  d.spend(3, "search", 100);
  RunSpec spec;
  spec.parameters = {{"source_channels.google/cpc", "search"},
                     {"source_channels.bing/cpc", "search"}};
  const auto linear = rows_of(run(d, spec), "linear");
  // search (both halves of B, 200) and the unmapped newsletter (C).
  ASSERT_EQ(linear.size(), 2u);
  EXPECT_NEAR(linear.at("search").conversions, 1, kTolerance);
  // 200 / 100; (50 - 100) / 100; clv_margin (50 + 10) / 2 x 1 / 100.
  expect_return(linear.at("search"), 100, 2, -0.5, 0.3, "linear search");
  EXPECT_NEAR(linear.at("newsletter").revenue, 100, kTolerance);
  expect_return(linear.at("newsletter"), std::nullopt, std::nullopt,
                std::nullopt, std::nullopt, "linear newsletter");
}

TEST(AttributionSpend, WithoutMarginsOnlyRoasHasAValue) {
  AttributionData d = two_customers();
  d.with_margin = false;
  const auto r = run(d);
  expect_return(rows_of(r, "linear").at("email"), 50, 2, std::nullopt,
                std::nullopt, "linear email");
}

TEST(AttributionSpend, WithoutSpendDatasetNoChannelHasAValue) {
  AttributionData d;
  d.visit(utc(3, 10, 10), "a1", "email", "A");
  d.line("OA", "A", utc(3, 12, 10), 100, 40);
  const auto r = run(d);
  expect_return(rows_of(r, "linear").at("email"), std::nullopt, std::nullopt,
                std::nullopt, std::nullopt, "linear email");
  EXPECT_EQ(r.notes.count("attribution_by_channel"), 0u);
}

TEST(AttributionSpend, AWeekHasNoSpendAndSaysWhy) {
  // The ISO weeks of March 2 and March 9 2026 (P): A's conversion of March
  // 12 is credited, but a week is not made of months.
  RunSpec spec;
  spec.periods = {{utc(3, 2), utc(3, 9)}, {utc(3, 9), utc(3, 16)}};
  const auto r = run(two_customers(), spec);
  EXPECT_EQ(r.value("conversions", 1), 1);
  const auto linear = rows_of(r, "linear");
  EXPECT_EQ(linear.size(), 1u);
  EXPECT_NEAR(linear.at("email").conversions, 1, kTolerance);
  EXPECT_NEAR(linear.at("email").revenue, 100, kTolerance);
  expect_return(linear.at("email"), std::nullopt, std::nullopt, std::nullopt,
                std::nullopt, "weekly email");
  EXPECT_THAT(r.notes.at("attribution_by_channel"),
              ElementsAre(HasSubstr("by month")));
}

TEST(AttributionSpend, AMonthWithoutConversionShowsItsSpend) {
  // February: no conversion, social's 30 spent for nothing. clv_margin at
  // March 1 has no buyer yet: no long-term value.
  RunSpec spec;
  spec.periods = {{utc(1, 1), utc(2, 1)}, {utc(2, 1), utc(3, 1)}};
  const auto r = run(two_customers(), spec);
  EXPECT_EQ(r.value("conversions", 1), 0);
  const auto position = rows_of(r, "position_based");
  EXPECT_EQ(position.size(), 1u);
  expect_return(position.at("social"), 30, 0, -1, std::nullopt,
                "february social");
}

}  // namespace
}  // namespace attribution_test
