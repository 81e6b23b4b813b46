#include "vigie/sdk/kernels/percentile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <vector>

namespace vigie::kernels_test {
namespace {

using sdk::kernels::nearest_rank;
using sdk::kernels::Percent;
using sdk::kernels::percentile;
using sdk::kernels::percentile_of_sorted;

// 1..n, shuffled by a fixed stride so that no test relies on sorted input.
std::vector<int64_t> one_to(int64_t n) {
  std::vector<int64_t> v(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i)
    v[static_cast<size_t>(i)] = (i * 7) % n + 1;  // 7 is prime to 1, 2, 10, 20
  return v;
}

std::optional<int64_t> pct(int64_t n, Percent p) {
  auto values = one_to(n);
  return percentile(std::span<int64_t>(values), p);
}

TEST(PercentileTest, NoValueOfNoValues) {
  EXPECT_EQ(nearest_rank(0, 50), 0);
  EXPECT_FALSE(pct(0, 50));
  EXPECT_FALSE(pct(0, 95));
}

TEST(PercentileTest, NearestRankAtSmallN) {
  // rank = ceil(p/100 * n), by hand:
  EXPECT_EQ(pct(1, 50), 1);    // ceil(0.5) = 1
  EXPECT_EQ(pct(1, 95), 1);    // ceil(0.95) = 1
  EXPECT_EQ(pct(2, 50), 1);    // ceil(1) = 1: the lower of two
  EXPECT_EQ(pct(2, 95), 2);    // ceil(1.9) = 2
  EXPECT_EQ(pct(10, 50), 5);   // ceil(5) = 5, not 6
  EXPECT_EQ(pct(10, 95), 10);  // ceil(9.5) = 10
  EXPECT_EQ(pct(20, 50), 10);  // ceil(10) = 10
  EXPECT_EQ(pct(20, 95), 19);  // ceil(19) = 19, not 20
}

TEST(PercentileTest, RanksAreExactWhereDoublesAreNot) {
  // In double, 7/100 * 100 is 7.000000000000001, whose ceil is 8.
  ASSERT_GT(7.0 / 100 * 100, 7.0);
  EXPECT_EQ(nearest_rank(100, 7), 7);
  EXPECT_EQ(nearest_rank(50, 14), 7);
  EXPECT_EQ(nearest_rank(100, 57), 57);
  // A rational percent: 99.9 % of 1000 is rank 999, of 1001 rank 1000.
  EXPECT_EQ(nearest_rank(1000, Percent(999, 10)), 999);
  EXPECT_EQ(nearest_rank(1001, Percent(999, 10)), 1000);
}

TEST(PercentileTest, TheEndsOfTheRange) {
  EXPECT_EQ(nearest_rank(20, 0), 1);  // the smallest value
  EXPECT_EQ(nearest_rank(20, 100), 20);
  EXPECT_EQ(pct(20, 0), 1);
  EXPECT_EQ(pct(20, 100), 20);
  EXPECT_THROW(nearest_rank(20, 101), std::invalid_argument);
  EXPECT_THROW(nearest_rank(20, -1), std::invalid_argument);
  EXPECT_THROW(nearest_rank(20, Percent(1, 0)), std::invalid_argument);
}

TEST(PercentileTest, EqualValuesAndSortedInput) {
  std::vector<int64_t> load{300, 100, 100, 100, 2000};
  EXPECT_EQ(percentile(std::span<int64_t>(load), 50), 100);  // rank 3
  std::sort(load.begin(), load.end());
  std::span<const int64_t> sorted(load);
  EXPECT_EQ(percentile_of_sorted(sorted, 50), 100);
  EXPECT_EQ(percentile_of_sorted(sorted, 80), 300);   // rank 4
  EXPECT_EQ(percentile_of_sorted(sorted, 95), 2000);  // rank 5
  std::vector<double> seconds{0.5, 0.25};
  EXPECT_EQ(percentile(std::span<double>(seconds), 50), 0.25);
}

}  // namespace
}  // namespace vigie::kernels_test
