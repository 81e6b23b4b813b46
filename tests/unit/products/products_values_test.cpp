// The value KPIs of the products indicator, every period of the request,
// on the hand-computed shop (shop_fixture.hpp).
#include <gtest/gtest.h>

#include "shop_fixture.hpp"

namespace products_test {
namespace {

TEST(ProductsValues, RevenueOfEveryPeriodReturnsAndFeesIncluded) {
  const Result r = run(shop());
  // January has no line: 0, not "no value".
  EXPECT_EQ(r.value("product_revenue", 0), 0.0);
  EXPECT_DOUBLE_EQ(*r.value("product_revenue", 1), 120.0);
  EXPECT_DOUBLE_EQ(*r.value("product_revenue", 2), 431.5);
}

TEST(ProductsValues, UnitsSoldAreNetOfReturns) {
  const Result r = run(shop());
  EXPECT_EQ(r.value("units_sold", 0), 0.0);
  EXPECT_EQ(r.value("units_sold", 1), 4.0);
  EXPECT_EQ(r.value("units_sold", 2), 9.0);
}

TEST(ProductsValues, ProductsSoldHaveANetRevenueAboveZero) {
  const Result r = run(shop());
  EXPECT_EQ(r.value("products_sold", 0), 0.0);
  EXPECT_EQ(r.value("products_sold", 1), 3.0);
  // A1, B2, C3, D4; not E5 and F6 (net 0), not G7 (returned only), and
  // the fee line has no product.
  EXPECT_EQ(r.value("products_sold", 2), 4.0);
}

TEST(ProductsValues, AnEmptyProductIdIsNoProduct) {
  OrderLines o;
  o.add({day(60), "", "kitchen", "10", 1, "0"});
  o.add({day(60), "A1", "kitchen", "10", 1, "0"});
  const Result r = run(o);
  EXPECT_EQ(r.value("products_sold", 2), 1.0);
}

TEST(ProductsValues, AMissingColumnGivesNoValueForWhatNeedsIt) {
  OrderLines o = shop();
  o.with_quantity = false;
  o.with_product = false;
  const Result r = run(o);
  for (uint32_t p = 0; p < 3; ++p) {
    EXPECT_FALSE(r.value("units_sold", p)) << p;
    EXPECT_FALSE(r.value("products_sold", p)) << p;
  }
  EXPECT_DOUBLE_EQ(*r.value("product_revenue", 2), 431.5);
}

TEST(ProductsValues, DecimalsStayExact) {
  // 0.0001 a hundred thousand times is 10 exactly; in doubles the running
  // sum would drift.
  OrderLines o;
  for (int i = 0; i < 100000; ++i)
    o.add({day(60), "A1", "x", "0.0001", 1, "0"});
  const Result r = run(o);
  EXPECT_EQ(r.value("product_revenue", 2), 10.0);
}

}  // namespace
}  // namespace products_test
