#include "vigie/sdk/kernels/group_by.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

#include "kernel_columns.hpp"
#include "vigie/sdk/kernels/percentile.hpp"

namespace vigie::kernels_test {
namespace {

using sdk::OverflowError;
using sdk::kernels::aggregate;
using sdk::kernels::CodeSource;
using sdk::kernels::Count;
using sdk::kernels::DistinctCount;
using sdk::kernels::FirstCode;
using sdk::kernels::GroupKeys;
using sdk::kernels::GroupValues;
using sdk::kernels::IntSource;
using sdk::kernels::kNone;
using sdk::kernels::Mean;
using sdk::kernels::MinMax;
using sdk::kernels::Sum;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// Six orders of three customers (a dictionary of 4: customer 3 has none):
//   row customer amount  quantity shop
//    0     0      10.00     2      0
//    1     2       1.25     null   1
//    2   null      5.00     1      0
//    3     0     null       4      1
//    4     2      -0.25     1      1
//    5     0       2.50     1      0
Table orders() {
  return table_of({
      code_column("customer_id", 4, {0, 2, std::nullopt, 0, 2, 0}),
      int_column("amount", Type::Decimal,
                 {100000, 12500, 50000, std::nullopt, -2500, 25000}),
      int_column("quantity", Type::Int64, {2, std::nullopt, 1, 4, 1, 1}),
      code_column("shop", 2, {0, 1, 0, 1, 1, 0}),
  });
}

TEST(GroupByTest, ByCodeLeavesNullCodesOutAndCountsRowsAndValues) {
  testing::ViewedTable t(orders());
  auto keys = GroupKeys::by_code(t.column("customer_id"));
  EXPECT_EQ(keys.group_count(), 4);
  EXPECT_EQ(std::vector<int32_t>(keys.groups().begin(), keys.groups().end()),
            (std::vector<int32_t>{0, 2, kNone, 0, 2, 0}));
  Count rows(keys.group_count());
  Count with_amount(keys.group_count(), t.column("amount"));
  aggregate(keys, rows, with_amount);
  EXPECT_EQ(std::vector<int64_t>(rows.counts().begin(), rows.counts().end()),
            (std::vector<int64_t>{3, 0, 2, 0}));
  EXPECT_EQ(with_amount[0], 2);  // row 3's amount is null
  EXPECT_EQ(with_amount[2], 2);
}

TEST(GroupByTest, OnePassFeedsEveryAggregate) {
  testing::ViewedTable t(orders());
  auto keys = GroupKeys::by_code(t.column("customer_id"));
  auto n = keys.group_count();
  Sum amount(n, t.column("amount"));
  Mean mean_amount(n, t.column("amount"));
  Mean mean_quantity(n, t.column("quantity"));
  MinMax quantity(n, t.column("quantity"));
  DistinctCount shops(n, t.column("shop"));
  aggregate(keys, amount, mean_amount, mean_quantity, quantity, shops);

  // Customer 0: 10.00 + 2.50 (row 3 null); customer 2: 1.25 - 0.25.
  EXPECT_EQ(amount.value(0, "revenue"), 125000);
  EXPECT_DOUBLE_EQ(amount.number(0), 12.5);
  EXPECT_EQ(amount.value(2, "revenue"), 10000);
  EXPECT_EQ(amount.value(1, "revenue"), 0);
  EXPECT_DOUBLE_EQ(*mean_amount[0], 6.25);  // (10.00 + 2.50) / 2
  EXPECT_DOUBLE_EQ(*mean_amount[2], 0.5);
  EXPECT_FALSE(mean_amount[1]);  // no value, not 0
  EXPECT_EQ(mean_amount.count(0), 2);
  EXPECT_DOUBLE_EQ(*mean_quantity[0], 7.0 / 3);  // integers: no scale
  EXPECT_DOUBLE_EQ(*mean_quantity[2], 1);        // row 1's quantity is null
  EXPECT_EQ(quantity.min(0), 1);
  EXPECT_EQ(quantity.max(0), 4);
  EXPECT_EQ(quantity.min(2), 1);
  EXPECT_EQ(quantity.max(2), 1);
  EXPECT_FALSE(quantity.min(1));
  EXPECT_FALSE(quantity.max(3));
  EXPECT_EQ(shops[0], 2);  // shops 0, 1, 0
  EXPECT_EQ(shops[2], 1);  // shops 1, 1
  EXPECT_EQ(shops[1], 0);
}

TEST(GroupByTest, PeriodAndCodePairsAreGroupsOfTheirOwn) {
  testing::ViewedTable t(orders());
  // Rows 0, 1 in period 1, rows 2, 3 in period 0, row 4 in none, row 5 in 1.
  std::vector<int32_t> period{1, 1, 0, 0, kNone, 1};
  auto keys = GroupKeys::by_period_and_code(period, 2, t.column("customer_id"));
  EXPECT_EQ(keys.group_count(), 8);
  EXPECT_EQ(keys.group(1, 2), 6);
  EXPECT_EQ(keys.period_of(6), 1);
  EXPECT_EQ(keys.code_of(6), 2);
  EXPECT_EQ(std::vector<int32_t>(keys.groups().begin(), keys.groups().end()),
            (std::vector<int32_t>{4, 6, kNone, 0, kNone, 4}));
  // The periods handed over as a vector give the same keys, in place.
  auto moved = GroupKeys::by_period_and_code(std::vector<int32_t>(period), 2,
                                             t.column("customer_id"));
  EXPECT_TRUE(std::ranges::equal(moved.groups(), keys.groups()));
  Count rows(keys.group_count());
  Sum amount(keys.group_count(), t.column("amount"));
  aggregate(keys, rows, amount);
  EXPECT_EQ(rows[keys.group(1, 0)], 2);
  EXPECT_EQ(rows[keys.group(0, 0)], 1);
  EXPECT_EQ(amount.value(keys.group(1, 0), "revenue"), 125000);
  EXPECT_EQ(amount.value(keys.group(0, 0), "revenue"), 0);  // a null amount
  EXPECT_EQ(amount.value(keys.group(1, 2), "revenue"), 12500);
}

TEST(GroupByTest, ByPeriodAndKeepOnly) {
  testing::ViewedTable t(orders());
  auto keys = GroupKeys::by_period({0, 1, 1, kNone, 0, 1}, 2);
  keys.keep_only(
      [&](int64_t row) { return t.column("shop").codes()[row] == 0; });
  EXPECT_EQ(std::vector<int32_t>(keys.groups().begin(), keys.groups().end()),
            (std::vector<int32_t>{0, kNone, 1, kNone, kNone, 1}));
  DistinctCount customers(keys.group_count(), t.column("customer_id"));
  aggregate(keys, customers);
  EXPECT_EQ(customers[0], 1);  // customer 0
  EXPECT_EQ(customers[1], 1);  // row 2 has no customer, row 5 is customer 0
}

TEST(GroupByTest, EmptyInputGivesEmptyGroups) {
  testing::ViewedTable t(table_of({code_column("customer_id", 3, {}),
                                   int_column("amount", Type::Decimal, {})}));
  auto keys = GroupKeys::by_code(t.column("customer_id"));
  Count rows(keys.group_count());
  Sum amount(keys.group_count(), t.column("amount"));
  MinMax range(keys.group_count(), t.column("amount"));
  GroupValues values(keys.group_count(), t.column("amount"));
  aggregate(keys, rows, amount, range, values);
  for (int32_t g = 0; g < 3; ++g) {
    EXPECT_EQ(rows[g], 0);
    EXPECT_EQ(amount.value(g, "revenue"), 0);
    EXPECT_FALSE(range.min(g));
    EXPECT_TRUE(values.of(g).empty());
  }
}

TEST(GroupByTest, ASumBeyondInt64IsExactAndFailsNamingTheFigure) {
  // Two amounts near the int64 limit: their sum needs 65 bits.
  testing::ViewedTable t(table_of({
      code_column("customer_id", 2, {0, 0, 1, 1, 1}),
      int_column("amount", Type::Decimal, {kMax, kMax, kMin, kMin, kMax}),
  }));
  auto keys = GroupKeys::by_code(t.column("customer_id"));
  Sum amount(keys.group_count(), t.column("amount"));
  Mean mean(keys.group_count(), t.column("amount"));
  aggregate(keys, amount, mean);
  EXPECT_TRUE(amount[0].wide() == sdk::WideInt{kMax} * 2);
  EXPECT_TRUE(amount[1].wide() == sdk::WideInt{kMin} * 2 + kMax);
  try {
    (void)amount.value(0, "revenue");
    ADD_FAILURE() << "an overflowing sum was narrowed";
  } catch (const OverflowError& e) {
    EXPECT_NE(std::string(e.what()).find("revenue"), std::string::npos);
  }
  EXPECT_THROW((void)amount.value(1, "revenue"), OverflowError);
  // The mean of the two is exact: the 128-bit sum halved.
  EXPECT_DOUBLE_EQ(*mean[0], static_cast<double>(kMax) / 10000);
}

TEST(GroupByTest, DistinctCountOfManyGroupsSortsPairsInstead) {
  // 2 groups x 2^27 codes is past the bitmap limit: the sorted path.
  constexpr int64_t kCodes = int64_t{1} << 27;
  std::vector<int32_t> visitor{5, 5, 7, -1, 134217727, 5, 7};
  DistinctCount distinct(2, CodeSource(visitor, kCodes));
  auto keys = GroupKeys::by_period({0, 0, 0, 0, 1, 1, kNone}, 2);
  aggregate(keys, distinct);
  EXPECT_EQ(distinct[0], 2);  // 5, 7 (-1 is none)
  EXPECT_EQ(distinct[1], 2);  // 134217727, 5

  // A code at or past the declared count is refused, never written out of
  // bounds.
  DistinctCount too_small(2, CodeSource(visitor, kCodes - 1));
  EXPECT_THROW(aggregate(keys, too_small), std::out_of_range);

  // The bitmap path gives the same counts for the same pairs.
  std::vector<int32_t> small{5, 5, 7, -1, 9, 5, 7};
  DistinctCount bitmap(2, CodeSource(small, 10));
  aggregate(keys, bitmap);
  EXPECT_EQ(bitmap[0], 2);
  EXPECT_EQ(bitmap[1], 2);
}

TEST(GroupByTest, CodesAddedOneByOneAreCountedOnFinish) {
  std::vector<int32_t> none;
  DistinctCount sorted(3, CodeSource(none, int64_t{1} << 30));
  DistinctCount bitmap(3, CodeSource(none, 100));
  for (auto* d : {&sorted, &bitmap}) {
    d->add_code(2, 42);
    d->add_code(2, 42);
    d->add_code(2, 7);
    d->add_code(0, 42);
    d->finish();
    EXPECT_EQ((*d)[0], 1);
    EXPECT_EQ((*d)[1], 0);
    EXPECT_EQ((*d)[2], 2);
  }
}

TEST(GroupByTest, GroupValuesGatherEachGroupForPercentiles) {
  // Load times of two page groups, one null.
  testing::ViewedTable t(table_of({
      code_column("page_group", 3, {1, 0, 1, 1, std::nullopt, 1, 0}),
      int_column("load_time_ms", Type::Int64,
                 {300, 50, 100, std::nullopt, 999, 200, 70}),
  }));
  auto keys = GroupKeys::by_code(t.column("page_group"));
  GroupValues load(keys.group_count(), t.column("load_time_ms"));
  aggregate(keys, load);
  EXPECT_EQ(load.count(0), 2);
  EXPECT_EQ(load.count(1), 3);
  EXPECT_EQ(load.count(2), 0);
  std::vector<int64_t> group1(load.of(1).begin(), load.of(1).end());
  EXPECT_EQ(group1, (std::vector<int64_t>{300, 100, 200}));  // row order
  EXPECT_EQ(sdk::kernels::percentile(load.of(1), 50), 200);  // rank 2 of 3
  EXPECT_EQ(sdk::kernels::percentile(load.of(0), 95), 70);   // rank 2 of 2
  EXPECT_FALSE(sdk::kernels::percentile(load.of(2), 50));
}

TEST(GroupByTest, SpansStandForComputedValues) {
  // Session durations in µs, computed by the indicator: no nulls.
  std::vector<int64_t> durations{60'000'000, 0, 30'000'000};
  auto keys = GroupKeys::by_period({0, 0, 1}, 2);
  Mean duration(keys.group_count(), IntSource(durations));
  aggregate(keys, duration);
  EXPECT_DOUBLE_EQ(*duration[0], 30'000'000);
  EXPECT_DOUBLE_EQ(*duration[1], 30'000'000);
}

TEST(GroupByTest, KeysOutOfRangeOrOfUnequalLengthAreRefused) {
  EXPECT_THROW(GroupKeys({0, 2}, 2), std::out_of_range);
  EXPECT_THROW(GroupKeys({-2}, 2), std::out_of_range);
  std::vector<int32_t> period{0, 1};
  std::vector<int32_t> codes{0};
  EXPECT_THROW(GroupKeys::by_period_and_code(period, 2, CodeSource(codes, 1)),
               std::invalid_argument);
  EXPECT_THROW(
      GroupKeys::by_period_and_code(std::vector<int32_t>{0, 2}, 2,
                                    CodeSource(std::vector<int32_t>{0, 0}, 1)),
      std::out_of_range);
  // 2^16 periods x 2^16 codes do not fit int32 group ids.
  std::vector<int32_t> none;
  EXPECT_THROW(
      GroupKeys::by_period_and_code(none, 1 << 16, CodeSource(none, 1 << 16)),
      std::length_error);
}

TEST(GroupByTest, FirstCodeTakesTheEarliestRowWithACodeFirstOnATie) {
  // Three orders: order 0's lines at 5 (no customer), 7 (customer 2), 7
  // (customer 1): the earliest identified line is the first at 7, row 1.
  // Order 1: customer 0 at 9, then customer 1 at 3 (an earlier line comes
  // later in the rows), then a null time. Order 2: no identified line.
  testing::ViewedTable t(table_of({
      code_column("order", 3, {0, 0, 0, 1, 1, 1, 2}),
      int_column("at", Type::Timestamp, {5, 7, 7, 9, 3, std::nullopt, 1}),
      code_column("customer", 3, {std::nullopt, 2, 1, 0, 1, 2, std::nullopt}),
  }));
  auto keys = GroupKeys::by_code(t.column("order"));
  FirstCode customer(keys.group_count(), t.column("at"), t.column("customer"));
  aggregate(keys, customer);
  EXPECT_EQ(customer[0], 2);
  EXPECT_EQ(customer[1], 1);
  EXPECT_EQ(customer[2], kNone);
}

}  // namespace
}  // namespace vigie::kernels_test
