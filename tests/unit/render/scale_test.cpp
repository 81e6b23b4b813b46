#include "render/scale.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "render/chart_axes.hpp"

namespace vigie::render {
namespace {

void expect_ticks(const Scale& s, std::vector<double> expected) {
  ASSERT_EQ(s.ticks.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(s.ticks[i], expected[i], 1e-9) << "tick " << i;
  }
  EXPECT_NEAR(s.min, expected.front(), 1e-9);
  EXPECT_NEAR(s.max, expected.back(), 1e-9);
}

TEST(NiceScale, ZeroToHundred) {
  // Range 100 is already nice; 100 / 4 intervals = 25, nearest nice is 20.
  expect_ticks(nice_scale(0, 100), {0, 20, 40, 60, 80, 100});
}

TEST(NiceScale, WidensToTheOuterTicks) {
  // Range 94 -> nice 100, step 20; 3 floors to 0 and 97 ceils to 100.
  expect_ticks(nice_scale(3, 97), {0, 20, 40, 60, 80, 100});
}

TEST(NiceScale, AcrossZero) {
  // Range 55 -> nice 100, step 20; -13 floors to -20, 42 ceils to 60.
  expect_ticks(nice_scale(-13, 42), {-20, 0, 20, 40, 60});
}

TEST(NiceScale, LargeValues) {
  // Range 1 150 000 -> nice 2 000 000, / 4 = 500 000 (fraction 5): step
  // 500 000; 850 000 floors to 500 000, 2 000 000 stays.
  expect_ticks(nice_scale(850000, 2000000),
               {500000, 1000000, 1500000, 2000000});
}

TEST(NiceScale, EmptyRangeIsWidened) {
  // 0..0 becomes 0..1: step nice(1 / 4 = 0.25) = 0.2.
  expect_ticks(nice_scale(0, 0), {0, 0.2, 0.4, 0.6, 0.8, 1});
  // 50 +- 10 % = 45..55: range 10, step nice(2.5) = 2, 44..56.
  expect_ticks(nice_scale(50, 50), {44, 46, 48, 50, 52, 54, 56});
}

TEST(NiceScale, ReversedBoundsAreSwapped) {
  expect_ticks(nice_scale(100, 0), {0, 20, 40, 60, 80, 100});
}

TEST(NiceScale, NegativeZeroTickIsPlainZero) {
  const Scale s = nice_scale(-0.3, 0.3);
  for (double t : s.ticks) {
    if (t == 0) {
      EXPECT_FALSE(std::signbit(t));
    }
  }
}

TEST(Scale, MapsLinearly) {
  Scale s;
  s.min = 0;
  s.max = 100;
  // Value axis from y = 200 (at 0) up to y = 100 (at 100): 25 -> 175.
  EXPECT_DOUBLE_EQ(s.map(25, 200, 100), 175);
}

TEST(LabelStride, KeepsEveryLabelWhenThereIsRoom) {
  // 12 slots of 40 for labels 40 wide: all fit.
  EXPECT_EQ(label_stride(12, 40, 480), 1u);
}

TEST(LabelStride, ThinsCrowdedLabels) {
  // 12 slots of 20 for labels 40 wide: every second.
  EXPECT_EQ(label_stride(12, 40, 240), 2u);
  // 24 slots of 10 for labels 45 wide: 4.5 slots, so every fifth.
  EXPECT_EQ(label_stride(24, 45, 240), 5u);
  EXPECT_EQ(label_stride(0, 45, 240), 1u);
}

}  // namespace
}  // namespace vigie::render
