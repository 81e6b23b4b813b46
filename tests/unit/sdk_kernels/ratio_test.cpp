#include "vigie/sdk/kernels/ratio.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include "vigie/sdk/exact_sum.hpp"

namespace vigie::kernels_test {
namespace {

using sdk::kernels::safe_ratio;

TEST(SafeRatioTest, AZeroDenominatorHasNoValue) {
  EXPECT_FALSE(safe_ratio(0, 0));
  EXPECT_FALSE(safe_ratio(int64_t{5}, int64_t{0}));
  EXPECT_FALSE(safe_ratio(1.5, 0.0));
  EXPECT_FALSE(safe_ratio(1.5, -0.0));
  EXPECT_FALSE(safe_ratio(sdk::WideInt{3}, sdk::WideInt{0}));
}

TEST(SafeRatioTest, OtherwiseTheQuotient) {
  EXPECT_EQ(safe_ratio(0, 4), 0.0);  // a true zero stays a value
  EXPECT_EQ(safe_ratio(int64_t{1}, int64_t{4}), 0.25);
  EXPECT_EQ(safe_ratio(-3.0, 2), -1.5);
  // Two 128-bit sums beyond int64 still divide.
  sdk::WideInt big = sdk::WideInt{INT64_MAX} * 4;
  EXPECT_EQ(safe_ratio(big, big / 2), 2.0);
}

TEST(SafeRatioTest, AMissingSideHasNoValue) {
  EXPECT_FALSE(safe_ratio(std::optional<double>(), std::optional<double>(2)));
  EXPECT_FALSE(safe_ratio(std::optional<double>(1), std::optional<int64_t>()));
  EXPECT_FALSE(safe_ratio(std::optional<double>(1), std::optional<int64_t>(0)));
  EXPECT_EQ(safe_ratio(std::optional<double>(1), std::optional<int64_t>(4)),
            0.25);
}

}  // namespace
}  // namespace vigie::kernels_test
