// One burst value's data: the dimension's rows, and for a burst over
// customers, every dataset narrowed to those customers.
#include "pipeline/burst_slice.hpp"

#include <gtest/gtest.h>

namespace vigie::pipeline {
namespace {

// customers c0..c3 in regions fr, be, fr, (none); orders of c0, c1, c3 and
// an anonymous one; calls with a queue.
compute::Datasets sample() {
  auto ids = std::make_shared<StringPool>();
  for (const char* s : {"c0", "c1", "c2", "c3"}) ids->append(s);
  auto customers = std::make_shared<Table>();
  auto& id = customers->add("customer_id", Type::Dictionary);
  id.dictionary = ids;
  auto& region = customers->add("region", Type::String);
  const char* regions[] = {"fr", "be", "fr", nullptr};
  for (int i = 0; i < 4; ++i) {
    id.push_code(i);
    if (regions[i])
      region.push_string(regions[i]);
    else
      region.push_null();
  }
  auto orders = std::make_shared<Table>();
  auto& who = orders->add("customer_id", Type::Dictionary);
  who.dictionary = ids;
  auto& amount = orders->add("amount", Type::Decimal);
  const int buyers[] = {0, 1, 3, -1, 0};
  for (int i = 0; i < 5; ++i) {
    if (buyers[i] < 0)
      who.push_null();
    else
      who.push_code(buyers[i]);
    amount.push_int((i + 1) * 10000);
  }
  auto calls = std::make_shared<Table>();
  auto& queue = calls->add("queue", Type::String);
  for (const char* q : {"billing", "sales", "billing"}) queue.push_string(q);
  return {{"customers", customers}, {"orders", orders}, {"calls", calls}};
}

spec::Burst by(const std::string& dataset, const std::string& column) {
  spec::Burst burst;
  burst.dataset = dataset;
  burst.column = column;
  return burst;
}

TEST(BurstSlice, ACustomerDimensionNarrowsEveryDatasetToItsCustomers) {
  const auto all = sample();
  const auto fr = burst_slice(all, by("customers", "region"), "fr");
  EXPECT_EQ(fr.at("customers")->rows(), 2);  // c0, c2
  const auto& orders = *fr.at("orders");
  ASSERT_EQ(orders.rows(), 2);  // c0's two orders; c1, c3, anonymous out
  EXPECT_EQ(orders.find("amount")->ints, (std::vector<int64_t>{10000, 50000}));
  // A dataset without customer ids is shared.
  EXPECT_EQ(fr.at("calls"), all.at("calls"));
  // The data itself is untouched.
  EXPECT_EQ(all.at("orders")->rows(), 5);
  const auto none = burst_slice(all, by("customers", "region"), "de");
  EXPECT_EQ(none.at("customers")->rows(), 0);
  EXPECT_EQ(none.at("orders")->rows(), 0);
}

TEST(BurstSlice, AnotherDimensionNarrowsItsDatasetOnly) {
  const auto all = sample();
  const auto billing = burst_slice(all, by("calls", "queue"), "billing");
  EXPECT_EQ(billing.at("calls")->rows(), 2);
  EXPECT_EQ(billing.at("orders"), all.at("orders"));
  EXPECT_EQ(billing.at("customers"), all.at("customers"));
}

}  // namespace
}  // namespace vigie::pipeline
