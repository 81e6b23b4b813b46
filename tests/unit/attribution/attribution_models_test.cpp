// The five models on hand-computed conversions of March 2026 (P; February
// is P'): one, two, three and four touchpoints, the window's two ends, a
// conversion without touchpoint, sessions starting at the same instant,
// a person of two visitors, and which orders are conversions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "attribution_fixture.hpp"

namespace attribution_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr double kTolerance = 1e-9;

// The (credited conversions, credited revenue) of each channel of a model.
using Expected = std::map<std::string, std::pair<double, double>>;

void expect_credit(const vigie::testing::IndicatorRun& r,
                   const std::string& model, const Expected& expected) {
  const std::map<std::string, Row> rows = rows_of(r, model);
  ASSERT_EQ(rows.size(), expected.size()) << model;
  for (const auto& [channel, credit] : expected) {
    ASSERT_EQ(rows.count(channel), 1u) << model << " " << channel;
    EXPECT_NEAR(rows.at(channel).conversions, credit.first, kTolerance)
        << model << " " << channel;
    EXPECT_NEAR(rows.at(channel).revenue, credit.second, kTolerance)
        << model << " " << channel;
  }
}

void expect_every_model(const vigie::testing::IndicatorRun& r,
                        const Expected& expected) {
  for (const char* model :
       {"first", "last", "linear", "time_decay", "position_based"})
    expect_credit(r, model, expected);
}

TEST(AttributionModels, OneTouchpointTakesTheWholeConversionInEveryModel) {
  AttributionData d;
  d.visit(utc(3, 10, 10), "a1", "email", "A");
  d.line("OA", "A", utc(3, 12, 10), 100, 40);
  const auto r = run(d);
  EXPECT_THAT(keys_of(r),
              ElementsAre("first/email", "last/email", "linear/email",
                          "time_decay/email", "position_based/email"));
  expect_every_model(r, {{"email", {1, 100}}});
}

TEST(AttributionModels, TwoTouchpoints) {
  // 14 and 7 days before the conversion; the second session is anonymous
  // but its visitor is B's since the first.
  AttributionData d;
  d.visit(utc(3, 5), "b1", "search", "B");
  d.visit(utc(3, 12), "b1", "social");
  d.line("OB", "B", utc(3, 19), 200, 50);
  const auto r = run(d);
  expect_credit(r, "first", {{"search", {1, 200}}, {"social", {0, 0}}});
  expect_credit(r, "last", {{"search", {0, 0}}, {"social", {1, 200}}});
  expect_credit(r, "linear", {{"search", {0.5, 100}}, {"social", {0.5, 100}}});
  // 2^-2 and 2^-1, normalised: 1/3 and 2/3.
  expect_credit(
      r, "time_decay",
      {{"search", {1.0 / 3, 200.0 / 3}}, {"social", {2.0 / 3, 400.0 / 3}}});
  expect_credit(r, "position_based",
                {{"search", {0.5, 100}}, {"social", {0.5, 100}}});

  // A half-life of 14 days: 2^-1 and 2^-0.5, normalised.
  RunSpec spec;
  spec.parameters = {{"half_life_days", "14"}};
  const auto slower = run(d, spec);
  expect_credit(slower, "time_decay",
                {{"search", {0.41421356237309510, 82.842712474619020}},
                 {"social", {0.58578643762690490, 117.15728752538098}}});
}

TEST(AttributionModels, ThreeTouchpointsOneWithoutSource) {
  // 11, 7 and 3 days before; the last session has no source.
  AttributionData d;
  d.visit(utc(3, 1), "c1", "email", "C");
  d.visit(utc(3, 5), "c1", "search");
  d.visit(utc(3, 9), "c1", "");
  d.line("OC", "C", utc(3, 12), 100, 10);
  const auto r = run(d);
  expect_credit(
      r, "first",
      {{"email", {1, 100}}, {"search", {0, 0}}, {"(no source)", {0, 0}}});
  expect_credit(
      r, "last",
      {{"email", {0, 0}}, {"search", {0, 0}}, {"(no source)", {1, 100}}});
  expect_credit(r, "linear",
                {{"email", {1.0 / 3, 100.0 / 3}},
                 {"search", {1.0 / 3, 100.0 / 3}},
                 {"(no source)", {1.0 / 3, 100.0 / 3}}});
  // 2^(-11/7), 2^(-7/7), 2^(-3/7), normalised.
  expect_credit(r, "time_decay",
                {{"email", {0.21303005504468497, 21.303005504468498}},
                 {"search", {0.31656144521093166, 31.656144521093164}},
                 {"(no source)", {0.47040849974438345, 47.040849974438345}}});
  expect_credit(r, "position_based",
                {{"email", {0.4, 40}},
                 {"search", {0.2, 20}},
                 {"(no source)", {0.4, 40}}});
}

TEST(AttributionModels, FourTouchpoints) {
  // 8, 6, 4 and 2 days before.
  AttributionData d;
  d.visit(utc(3, 2), "d1", "email", "D");
  d.visit(utc(3, 4), "d1", "search");
  d.visit(utc(3, 6), "d1", "social");
  d.visit(utc(3, 8), "d1", "partner");
  d.line("OD", "D", utc(3, 10), 50, 10);
  const auto r = run(d);
  expect_credit(r, "position_based",
                {{"email", {0.4, 20}},
                 {"search", {0.1, 5}},
                 {"social", {0.1, 5}},
                 {"partner", {0.4, 20}}});
  expect_credit(r, "linear",
                {{"email", {0.25, 12.5}},
                 {"search", {0.25, 12.5}},
                 {"social", {0.25, 12.5}},
                 {"partner", {0.25, 12.5}}});
  expect_credit(r, "time_decay",
                {{"email", {0.18127582853783433, 9.0637914268917165}},
                 {"search", {0.22097771016484938, 11.048885508242469}},
                 {"social", {0.26937484596579050, 13.468742298289525}},
                 {"partner", {0.32837161533152590, 16.418580766576295}}});
  expect_credit(r, "first",
                {{"email", {1, 50}},
                 {"search", {0, 0}},
                 {"social", {0, 0}},
                 {"partner", {0, 0}}});
}

TEST(AttributionModels, TheWindowTakesItsStartAndLeavesOutTheConversionTime) {
  // The conversion at March 31 00:00: a session at exactly c - 30 days is
  // in, one an hour earlier and one at c are out.
  AttributionData d;
  d.visit(utc(2, 28, 23), "e1", "affiliate", "E");
  d.visit(utc(3, 1), "e1", "partner");
  d.visit(utc(3, 31), "e1", "social");
  d.line("OE", "E", utc(3, 31), 80, 20);
  const auto r = run(d);
  expect_every_model(r, {{"partner", {1, 80}}});

  // A window of 31 days reaches the session of February 28.
  RunSpec spec;
  spec.parameters = {{"window_days", "31"}};
  const auto wider = run(d, spec);
  expect_credit(wider, "first", {{"affiliate", {1, 80}}, {"partner", {0, 0}}});
  expect_credit(wider, "last", {{"affiliate", {0, 0}}, {"partner", {1, 80}}});
}

TEST(AttributionModels, AConversionWithoutTouchpointCreditsNone) {
  // F never visited. H visited anonymously in March but logged in only on
  // April 5, after P's as_of: that visit is not H's at March's end.
  AttributionData d;
  d.line("OF", "F", utc(3, 20), 60, 10);
  d.visit(utc(3, 10), "h1", "social");
  d.visit(utc(4, 5), "h1", "email", "H");
  d.line("OH", "H", utc(3, 20), 40, 10);
  const auto r = run(d);
  expect_every_model(r, {{"(none)", {2, 100}}});
}

TEST(AttributionModels, EqualStartsGoByVisitorCodeAcrossAPersonsVisitors) {
  // G's two visitors (g1 seen first in the web data, so of the lower
  // code). On March 15 both start a session at the same instant, g2's
  // written first: g1's partner session still comes first.
  AttributionData d;
  d.visit(utc(3, 1), "g1", "search", "G");
  d.visit(utc(3, 2), "g2", "email", "G");
  d.visit(utc(3, 15), "g2", "social");
  d.visit(utc(3, 15), "g1", "partner");
  d.line("OG", "G", utc(3, 20), 100, 10);
  const auto r = run(d);
  const Expected none = {{"email", {0, 0}},
                         {"partner", {0, 0}},
                         {"search", {0, 0}},
                         {"social", {0, 0}}};
  Expected first = none, last = none;
  first["search"] = {1, 100};
  last["social"] = {1, 100};
  expect_credit(r, "first", first);
  expect_credit(r, "last", last);
  expect_credit(r, "position_based",
                {{"search", {0.4, 40}},
                 {"email", {0.1, 10}},
                 {"partner", {0.1, 10}},
                 {"social", {0.4, 40}}});
  expect_credit(r, "linear",
                {{"search", {0.25, 25}},
                 {"email", {0.25, 25}},
                 {"partner", {0.25, 25}},
                 {"social", {0.25, 25}}});
}

TEST(AttributionModels, ConversionsArePurchasesOfIdentifiedCustomers) {
  AttributionData d;
  // An order of February 27 with a line in March: a February conversion.
  d.line("O1", "A", utc(2, 27), 50, 10);
  d.line("O1", "A", utc(3, 2), 30, 10);
  // Anonymous, and a total of 0: no conversion.
  d.line("O2", "", utc(3, 5), 100, 10);
  d.line("O3", "A", utc(3, 6), 40, 10);
  d.line("O3", "A", utc(3, 6, 1), -40, -10);
  // B's: its earliest identified line names it; its total is 40.
  d.line("O4", "", utc(3, 7, 10), 20, 5);
  d.line("O4", "B", utc(3, 7, 11), 20, 5);
  d.line("O5", "A", utc(3, 8), 10, 2);
  const auto r = run(d);
  EXPECT_EQ(r.value("conversions", 0), 1);
  EXPECT_EQ(r.value("conversions", 1), 2);
  expect_every_model(r, {{"(none)", {2, 50}}});
}

TEST(AttributionModels, AnEmptyPeriodHasNoConversionAndNoRow) {
  AttributionData d;
  d.visit(utc(2, 3), "a1", "email", "A");
  d.line("OA", "A", utc(2, 10), 100, 40);
  const auto r = run(d);
  EXPECT_EQ(r.value("conversions", 0), 1);
  EXPECT_EQ(r.value("conversions", 1), 0);
  EXPECT_THAT(keys_of(r), IsEmpty());
  EXPECT_EQ(r.notes.count("attribution_by_channel"), 0u);
}

TEST(AttributionModels, RefusesAWindowOrHalfLifeOfZero) {
  EXPECT_TRUE(vigie::testing::parameters_refusal("attribution",
                                                 {{"window_days", "0"}}));
  EXPECT_TRUE(vigie::testing::parameters_refusal("attribution",
                                                 {{"half_life_days", "0"}}));
  EXPECT_FALSE(vigie::testing::parameters_refusal(
      "attribution", {{"window_days", "14"}, {"half_life_days", "3.5"}}));
}

}  // namespace
}  // namespace attribution_test
