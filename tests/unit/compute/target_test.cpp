#include <gtest/gtest.h>

#include "compute/kpi_result.hpp"

namespace vigie::compute {
namespace {

spec::Target target(double objective, spec::Direction d,
                    std::optional<double> warning,
                    std::optional<double> alert) {
  spec::Target t;
  t.objective = objective;
  t.direction = d;
  t.warning = warning;
  t.alert = alert;
  return t;
}

TEST(Target, HigherIsBetterZones) {
  auto t = target(100, spec::Direction::Higher, 95, 90);
  EXPECT_EQ(evaluate_target(100, t), Status::Ok);
  EXPECT_EQ(evaluate_target(95, t), Status::Ok);  // at the warning line: ok
  EXPECT_EQ(evaluate_target(94.99, t), Status::Warning);
  EXPECT_EQ(evaluate_target(90, t), Status::Warning);
  EXPECT_EQ(evaluate_target(89.99, t), Status::Alert);
  EXPECT_EQ(evaluate_target(std::nullopt, t), Status::None);
  EXPECT_EQ(evaluate_target(50, std::nullopt), Status::None);
}

TEST(Target, WithoutBandsTheObjectiveSplitsOkFromWarning) {
  auto t = target(0.05, spec::Direction::Lower, std::nullopt, std::nullopt);
  EXPECT_EQ(evaluate_target(0.05, t), Status::Ok);
  EXPECT_EQ(evaluate_target(0.06, t), Status::Warning);
  EXPECT_EQ(evaluate_target(0.90, t), Status::Warning);  // no alert zone
}

TEST(Target, LowerIsBetterMirrors) {
  auto t = target(0.05, spec::Direction::Lower, 0.06, 0.08);
  EXPECT_EQ(evaluate_target(0.04, t), Status::Ok);
  EXPECT_EQ(evaluate_target(0.06, t), Status::Ok);
  EXPECT_EQ(evaluate_target(0.07, t), Status::Warning);
  EXPECT_EQ(evaluate_target(0.08, t), Status::Warning);
  EXPECT_EQ(evaluate_target(0.081, t), Status::Alert);
}

TEST(Summarise, ValuePreviousChangeAndSeries) {
  KpiResult k;
  std::vector<std::optional<double>> v(13);
  for (int i = 0; i < 13; ++i) v[static_cast<size_t>(i)] = 100.0 + i;
  v[0] = std::nullopt;
  summarise(k, v, 12, 11, 12);
  EXPECT_EQ(k.value, 112.0);
  EXPECT_EQ(k.previous, 111.0);
  EXPECT_EQ(k.change, 1.0);
  EXPECT_DOUBLE_EQ(*k.change_ratio, 1.0 / 111.0);
  ASSERT_EQ(k.series.size(), 12u);  // periods 1..12
  EXPECT_EQ(k.series.front(), 101.0);
  // Year-ago comparison: index 0 has no value, so no change either.
  summarise(k, v, 12, 0, 12);
  EXPECT_FALSE(k.previous);
  EXPECT_FALSE(k.change);
  // A previous value of 0 gives an absolute change but no relative one.
  v[11] = 0.0;
  summarise(k, v, 12, 11, 12);
  EXPECT_EQ(k.change, 112.0);
  EXPECT_FALSE(k.change_ratio);
}

// KPI-CATALOG "Time": the relative change divides by |v'|, so that it keeps
// the sign of the change when v' is negative (a net margin going from -100
// to -50 improved by 50 %, it did not fall by 50 %).
TEST(Summarise, RelativeChangeDividesByTheMagnitudeOfThePrevious) {
  KpiResult k;
  std::vector<std::optional<double>> v{-100.0, -50.0};
  summarise(k, v, 1, 0, 2);
  EXPECT_EQ(k.change, 50.0);
  EXPECT_DOUBLE_EQ(*k.change_ratio, 0.5);
  v = {-100.0, -150.0};
  summarise(k, v, 1, 0, 2);
  EXPECT_EQ(k.change, -50.0);
  EXPECT_DOUBLE_EQ(*k.change_ratio, -0.5);
}

}  // namespace
}  // namespace vigie::compute
