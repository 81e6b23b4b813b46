#include "vigie/sdk/kernels/periods.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "kernel_columns.hpp"

namespace vigie::kernels_test {
namespace {

using sdk::kernels::kNone;
using sdk::kernels::PeriodIndex;

// Three periods with a gap between the second and the third, as when P' is
// the same month a year before: [0, 10), [10, 20), [30, 40).
const std::vector<vigie_period> kPeriods{{0, 10}, {10, 20}, {30, 40}};

TEST(PeriodIndexTest, ATimeOnAStartIsInThatPeriodAndOnAnEndIsNot) {
  PeriodIndex index(kPeriods);
  EXPECT_EQ(index.size(), 3);
  EXPECT_EQ(index.index(0), 0);
  EXPECT_EQ(index.index(9), 0);
  EXPECT_EQ(index.index(10), 1);  // end of the first = start of the second
  EXPECT_EQ(index.index(19), 1);
  EXPECT_EQ(index.index(20), kNone);  // end of the second, in the gap
  EXPECT_EQ(index.index(29), kNone);
  EXPECT_EQ(index.index(30), 2);
  EXPECT_EQ(index.index(39), 2);
  EXPECT_EQ(index.index(40), kNone);  // end of the last
  EXPECT_EQ(index.index(-1), kNone);  // before the first
}

TEST(PeriodIndexTest, NoPeriodHoldsNoTime) {
  PeriodIndex index({});
  EXPECT_EQ(index.size(), 0);
  EXPECT_EQ(index.index(0), kNone);
}

TEST(PeriodIndexTest, OverlappingUnsortedOrEmptyPeriodsAreRefused) {
  std::vector<vigie_period> overlapping{{0, 10}, {9, 20}};
  std::vector<vigie_period> unsorted{{10, 20}, {0, 10}};
  std::vector<vigie_period> empty{{0, 10}, {10, 10}};
  EXPECT_THROW(PeriodIndex{overlapping}, std::invalid_argument);
  EXPECT_THROW(PeriodIndex{unsorted}, std::invalid_argument);
  EXPECT_THROW(PeriodIndex{empty}, std::invalid_argument);
}

TEST(PeriodIndexTest, AssignGivesEachRowItsPeriodAndNullsNone) {
  testing::ViewedTable t(table_of({int_column(
      "ts", Type::Timestamp, {35, std::nullopt, 10, 20, 0, 9, -5, 40})}));
  PeriodIndex index(kPeriods);
  EXPECT_EQ(index.assign(t.column("ts")),
            (std::vector<int32_t>{2, kNone, 1, kNone, 0, 0, kNone, kNone}));
  EXPECT_EQ(index.count(t.column("ts")), (std::vector<int64_t>{2, 1, 1}));
}

TEST(PeriodIndexTest, RowsOfEachPeriodInRowOrderInOneRead) {
  testing::ViewedTable t(table_of({int_column(
      "ts", Type::Timestamp, {35, std::nullopt, 10, 20, 0, 9, 30, 15})}));
  PeriodIndex index(kPeriods);
  std::vector<int32_t> of_row;
  auto rows = index.rows(t.column("ts"), &of_row);
  EXPECT_EQ(rows.offsets, (std::vector<int64_t>{0, 2, 4, 6}));
  EXPECT_EQ(std::vector<int64_t>(rows.of(0).begin(), rows.of(0).end()),
            (std::vector<int64_t>{4, 5}));
  EXPECT_EQ(std::vector<int64_t>(rows.of(1).begin(), rows.of(1).end()),
            (std::vector<int64_t>{2, 7}));
  EXPECT_EQ(std::vector<int64_t>(rows.of(2).begin(), rows.of(2).end()),
            (std::vector<int64_t>{0, 6}));
  EXPECT_EQ(rows.count(1), 2);
  EXPECT_EQ(of_row, (std::vector<int32_t>{2, kNone, 1, kNone, 0, 0, 2, 1}));
}

TEST(PeriodIndexTest, AnEmptyColumnHasNoRowInAnyPeriod) {
  testing::ViewedTable t(table_of({int_column("ts", Type::Timestamp, {})}));
  PeriodIndex index(kPeriods);
  auto rows = index.rows(t.column("ts"));
  EXPECT_EQ(rows.offsets, (std::vector<int64_t>{0, 0, 0, 0}));
  EXPECT_TRUE(rows.of(2).empty());
  EXPECT_EQ(index.count(t.column("ts")), (std::vector<int64_t>{0, 0, 0}));
}

TEST(PeriodIndexTest, RowsOfRefusesABucketBeyondTheCount) {
  std::vector<int32_t> buckets{0, 3};
  EXPECT_THROW(PeriodIndex::rows_of(buckets, 3), std::out_of_range);
}

}  // namespace
}  // namespace vigie::kernels_test
