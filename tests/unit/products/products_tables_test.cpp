// The tables of the products indicator, for P with P' columns, on the
// hand-computed shop (shop_fixture.hpp).
#include <gtest/gtest.h>

#include <string>

#include "shop_fixture.hpp"

namespace products_test {
namespace {

std::string text(const vigie::TableView& t, const char* column, int64_t row) {
  const auto& c = t.column(column);
  return c.is_valid(row) ? std::string(c.string_at(row)) : "<null>";
}
// A decimal as its 10^4-scaled integer, an integer as it is; null: nothing.
std::optional<int64_t> raw(const vigie::TableView& t, const char* column,
                           int64_t row) {
  const auto& c = t.column(column);
  if (!c.is_valid(row)) return std::nullopt;
  return c.ints()[row];
}
std::optional<double> number(const vigie::TableView& t, const char* column,
                             int64_t row) {
  const auto& c = t.column(column);
  if (!c.is_valid(row)) return std::nullopt;
  return c.number_at(row);
}

TEST(ProductsTables, SalesByCategoryInPAndPrevious) {
  const Result r = run(shop());
  const auto& t = r.table("sales_by_category").view();
  // Five categories with lines in March, and music, sold in February only.
  ASSERT_EQ(t.rows(), 6);
  // By revenue in P descending, then category in byte order ("books" <
  // "music" at 0).
  const char* order[] = {"garden", "kitchen", "toys",
                         "(none)", "books",   "music"};
  for (int64_t row = 0; row < 6; ++row)
    EXPECT_EQ(text(t, "category", row), order[row]) << row;

  // garden: 80 - 30 + 120.50; in February 20.
  EXPECT_EQ(raw(t, "revenue", 0), money("170.50"));
  EXPECT_DOUBLE_EQ(*number(t, "revenue_share", 0), 170.5 / 431.5);
  EXPECT_EQ(raw(t, "quantity", 0), 6);
  EXPECT_EQ(raw(t, "margin", 0), money("35"));
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 0), 35 / 170.5);
  EXPECT_EQ(raw(t, "previous_revenue", 0), money("20"));
  EXPECT_DOUBLE_EQ(*number(t, "previous_revenue_share", 0), 20.0 / 120);
  EXPECT_EQ(raw(t, "previous_quantity", 0), 1);
  EXPECT_EQ(raw(t, "previous_margin", 0), money("4"));
  EXPECT_DOUBLE_EQ(*number(t, "previous_margin_rate", 0), 0.2);

  // kitchen: 150.50 of A1 and the -25 return of G7.
  EXPECT_EQ(raw(t, "revenue", 1), money("125.50"));
  EXPECT_EQ(raw(t, "quantity", 1), 2);
  EXPECT_EQ(raw(t, "margin", 1), money("50.20"));
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 1), 50.2 / 125.5);
  EXPECT_EQ(raw(t, "previous_revenue", 1), money("60"));

  // toys: no line in February is 0 there, and a margin rate of 0 / 0.
  EXPECT_EQ(raw(t, "revenue", 2), money("120.50"));
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 2), 0.0);
  EXPECT_EQ(raw(t, "previous_revenue", 2), 0);
  EXPECT_DOUBLE_EQ(*number(t, "previous_revenue_share", 2), 0.0);
  EXPECT_EQ(raw(t, "previous_quantity", 2), 0);
  EXPECT_FALSE(number(t, "previous_margin_rate", 2));

  // The fee line: no category. Its null quantity counts 0.
  EXPECT_EQ(raw(t, "revenue", 3), money("15"));
  EXPECT_EQ(raw(t, "quantity", 3), 0);
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 3), 1.0);

  // books: zero revenue in P: a share of 0, no margin rate.
  EXPECT_EQ(raw(t, "revenue", 4), 0);
  EXPECT_DOUBLE_EQ(*number(t, "revenue_share", 4), 0.0);
  EXPECT_EQ(raw(t, "margin", 4), 0);
  EXPECT_FALSE(number(t, "margin_rate", 4));

  // music: February only.
  EXPECT_EQ(raw(t, "revenue", 5), 0);
  EXPECT_EQ(raw(t, "quantity", 5), 0);
  EXPECT_FALSE(number(t, "margin_rate", 5));
  EXPECT_EQ(raw(t, "previous_revenue", 5), money("40"));
  EXPECT_DOUBLE_EQ(*number(t, "previous_revenue_share", 5), 40.0 / 120);
  EXPECT_DOUBLE_EQ(*number(t, "previous_margin_rate", 5), 0.2);
}

TEST(ProductsTables, SharesOfAPeriodWithoutRevenueHaveNoValue) {
  // P is February, P' January: empty, so its total is 0.
  const Result r = run(shop(), kQuarter, 1);
  const auto& t = r.table("sales_by_category").view();
  ASSERT_EQ(t.rows(), 3);  // kitchen 60, music 40, garden 20
  EXPECT_EQ(text(t, "category", 0), "kitchen");
  EXPECT_EQ(text(t, "category", 1), "music");
  EXPECT_EQ(text(t, "category", 2), "garden");
  for (int64_t row = 0; row < 3; ++row) {
    EXPECT_EQ(raw(t, "previous_revenue", row), 0);
    EXPECT_FALSE(number(t, "previous_revenue_share", row)) << row;
    EXPECT_FALSE(number(t, "previous_margin_rate", row)) << row;
  }
}

TEST(ProductsTables, WithoutAPeriodBeforePThePreviousColumnsAreNull) {
  const Result r = run(shop(), {kQuarter[2]}, 0);
  const auto& categories = r.table("sales_by_category").view();
  ASSERT_EQ(categories.rows(), 5);  // no music: February is not asked
  EXPECT_FALSE(raw(categories, "previous_revenue", 0));
  EXPECT_FALSE(raw(categories, "previous_quantity", 0));
  const auto& top = r.table("top_products").view();
  ASSERT_EQ(top.rows(), 4);
  EXPECT_FALSE(raw(top, "previous_revenue", 0));
  EXPECT_FALSE(raw(top, "previous_margin", 0));
}

TEST(ProductsTables, TopProductsWithTiesByProductId) {
  const Result r = run(shop());
  const auto& t = r.table("top_products").view();
  // Only the four products with a revenue > 0, fewer than the default 10.
  ASSERT_EQ(t.rows(), 4);
  const char* order[] = {"A1", "C3", "D4", "B2"};
  for (int64_t row = 0; row < 4; ++row) {
    EXPECT_EQ(text(t, "product_id", row), order[row]) << row;
    EXPECT_EQ(raw(t, "rank", row), row + 1);
  }
  EXPECT_EQ(text(t, "category", 0), "kitchen");
  EXPECT_EQ(raw(t, "revenue", 0), money("150.50"));
  EXPECT_DOUBLE_EQ(*number(t, "revenue_share", 0), 150.5 / 431.5);
  EXPECT_EQ(raw(t, "quantity", 0), 3);
  EXPECT_EQ(raw(t, "margin", 0), money("60.20"));
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 0), 60.2 / 150.5);
  EXPECT_EQ(raw(t, "previous_revenue", 0), money("60"));
  EXPECT_EQ(raw(t, "previous_quantity", 0), 1);
  EXPECT_EQ(raw(t, "previous_margin", 0), money("30"));
  EXPECT_DOUBLE_EQ(*number(t, "previous_margin_rate", 0), 0.5);
  // C3 and D4 tie at 120.50: C3 first by product_id.
  EXPECT_EQ(text(t, "category", 1), "garden");
  EXPECT_EQ(raw(t, "revenue", 1), money("120.50"));
  EXPECT_EQ(raw(t, "previous_revenue", 1), money("20"));
  EXPECT_EQ(text(t, "category", 2), "toys");
  EXPECT_EQ(raw(t, "revenue", 2), money("120.50"));
  EXPECT_DOUBLE_EQ(*number(t, "margin_rate", 2), 0.0);
  // D4 sold nothing in February: 0, and no margin rate.
  EXPECT_EQ(raw(t, "previous_revenue", 2), 0);
  EXPECT_FALSE(number(t, "previous_margin_rate", 2));
  // B2 net of its return.
  EXPECT_EQ(raw(t, "revenue", 3), money("50"));
  EXPECT_EQ(raw(t, "quantity", 3), 3);
  EXPECT_EQ(raw(t, "margin", 3), money("5"));
}

TEST(ProductsTables, TheTieAtTheCutGoesToTheSmallerProductId) {
  const Result r = run(shop(), kQuarter, 2, {{"top_products", "2"}});
  const auto& t = r.table("top_products").view();
  ASSERT_EQ(t.rows(), 2);
  EXPECT_EQ(text(t, "product_id", 0), "A1");
  EXPECT_EQ(text(t, "product_id", 1), "C3");
}

TEST(ProductsTables, AProductTakesTheCategoryOfItsEarliestLineInP) {
  OrderLines o;
  o.add({day(70), "A1", "sale", "5", 1, "0"});
  o.add({day(65), "A1", std::nullopt, "5", 1, "0"});  // earliest, no category
  o.add({day(66), "A1", "kitchen", "5", 1, "0"});
  o.add({day(66), "A1", "garden", "5", 1, "0"});  // same time, later in input
  o.add({day(60), "B2", std::nullopt, "5", 1, "0"});
  const Result r = run(o);
  const auto& t = r.table("top_products").view();
  ASSERT_EQ(t.rows(), 2);
  EXPECT_EQ(text(t, "product_id", 0), "A1");
  EXPECT_EQ(text(t, "category", 0), "kitchen");
  EXPECT_EQ(text(t, "category", 1), "(none)");
}

TEST(ProductsTables, WithoutAMarginColumnMarginsAreNull) {
  OrderLines o = shop();
  o.with_margin = false;
  const Result r = run(o);
  for (const char* kpi : {"sales_by_category", "top_products"}) {
    const auto& t = r.table(kpi).view();
    ASSERT_GT(t.rows(), 0) << kpi;
    for (int64_t row = 0; row < t.rows(); ++row) {
      EXPECT_FALSE(raw(t, "margin", row)) << kpi;
      EXPECT_FALSE(number(t, "margin_rate", row)) << kpi;
      EXPECT_FALSE(raw(t, "previous_margin", row)) << kpi;
      EXPECT_FALSE(number(t, "previous_margin_rate", row)) << kpi;
    }
  }
  // Revenue and quantity are still there.
  const auto& top = r.table("top_products").view();
  EXPECT_EQ(raw(top, "revenue", 0), money("150.50"));
  EXPECT_EQ(raw(top, "quantity", 0), 3);
}

TEST(ProductsTables, WithoutCategoryOrProductColumns) {
  OrderLines o = shop();
  o.with_category = false;
  o.with_quantity = false;
  const Result r = run(o);
  // Every line is in "(none)": one row, the whole of each period.
  const auto& categories = r.table("sales_by_category").view();
  ASSERT_EQ(categories.rows(), 1);
  EXPECT_EQ(text(categories, "category", 0), "(none)");
  EXPECT_EQ(raw(categories, "revenue", 0), money("431.50"));
  EXPECT_DOUBLE_EQ(*number(categories, "revenue_share", 0), 1.0);
  EXPECT_FALSE(raw(categories, "quantity", 0));
  EXPECT_EQ(raw(categories, "previous_revenue", 0), money("120"));
  const auto& top = r.table("top_products").view();
  ASSERT_EQ(top.rows(), 4);
  EXPECT_EQ(text(top, "category", 0), "(none)");
  EXPECT_FALSE(raw(top, "quantity", 0));

  o.with_product = false;
  EXPECT_EQ(run(o).table("top_products").view().rows(), 0);
}

TEST(ProductsTables, TopProductsIsAtLeastOneAtMostAThousand) {
  EXPECT_TRUE(
      vigie::testing::parameters_refusal("products", {{"top_products", "0"}}));
  EXPECT_TRUE(vigie::testing::parameters_refusal("products",
                                                 {{"top_products", "1001"}}));
  EXPECT_FALSE(vigie::testing::parameters_refusal("products",
                                                  {{"top_products", "1000"}}));
}

}  // namespace
}  // namespace products_test
