// One compute of the products indicator (KPI-CATALOG.md section 8, choices
// in docs/kpi-choices.md "Products (section 8)"): the order lines summed by
// period, by (period, product) and by (period, category), each pass made at
// most once and only when an asked KPI needs it. A pass looks a column up
// when it runs, so that a KPI touches only the columns it declares
// (products_plugin.cpp); quantity, margin and category are optional: a
// column the run does not have gives no value for what needs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"

namespace vigie::products {

using namespace sdk::kernels;
using sdk::WideInt;

struct Parameters {
  int64_t top_products = 10;  // rows of the top_products table
};

// The order lines summed by group: amount always, quantity and margin when
// the run has those columns (a null value in a present column counts 0, as
// customer_base's margin does).
struct LineSums {
  LineSums(const GroupKeys& keys, const TableView& orders);
  Count lines;
  Sum amount;
  std::optional<Sum> quantity, margin;
};

// By (period, product): the lines with a non-empty product_id, and the
// category of each product's earliest line of the period (by ordered_at,
// then input order) when the run has the category column.
struct ProductFigures {
  bool has_products = false;  // whether the run has orders.product_id
  int32_t product_count = 0;  // codes of its dictionary
  GroupKeys keys;
  LineSums sums;
  std::optional<FirstCode> category;
};

// By (period, category): every line; a null or empty category is the
// extra code `none` ("(none)"), and so is every line without the column.
struct CategoryFigures {
  GroupKeys keys;
  int32_t none = 0;
  LineSums sums;
};

struct Run : sdk::Compute<Parameters> {
  using Compute::Compute;

  const TableView& orders() const { return request.required("orders"); }
  int32_t period_count() const {
    return static_cast<int32_t>(request.periods.size());
  }
  int32_t current() const { return static_cast<int32_t>(request.current); }
  // P': the period just before P in the request (the previous month, week
  // or day), or -1 when P is the first.
  int32_t previous() const { return current() - 1; }

  // The period of every line (kNone: out of every period, or no time).
  const std::vector<int32_t>& line_periods();
  // By period, every line: the sums, and the quantities alone (units_sold
  // is lent no amount).
  const LineSums& totals();
  const std::optional<Sum>& quantities();
  const ProductFigures& products();
  const CategoryFigures& categories();

 private:
  sdk::Lazy<std::vector<int32_t>> line_periods_;
  const GroupKeys& period_keys();

  sdk::Lazy<GroupKeys> period_keys_;
  sdk::Lazy<LineSums> totals_;
  sdk::Lazy<std::optional<Sum>> quantities_;
  sdk::Lazy<ProductFigures> products_;
  sdk::Lazy<CategoryFigures> categories_;
};

// The code of each row of a text column, `none` for a null or empty text
// (an empty id is no id: DATA-MODEL.md lets optional columns be empty);
// every row `none` without the column.
std::vector<int32_t> text_codes(const ColumnView* column, int64_t rows,
                                int32_t none);

// An exact decimal sum (scaled by 10^4) as the number a value KPI gives.
inline double to_number(int64_t scaled) {
  return static_cast<double>(scaled) / static_cast<double>(kDecimalScale);
}

// The value KPIs, every period of the request.
using sdk::Series;
Series product_revenue(Run& run);
Series units_sold(Run& run);
Series products_sold(Run& run);

// The tables, for P with P' columns (product_tables.cpp).
Table sales_by_category(Run& run);
Table top_products(Run& run);

}  // namespace vigie::products
