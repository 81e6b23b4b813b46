// The tables of the products indicator, for P with the same figures in P'
// (KPI-CATALOG.md section 8: "each with its value in P'").
//   sales_by_category: one row a category with a line in P or P', "(none)"
//     for the lines without one; by revenue in P descending, then category
//     in byte order.
//   top_products: the top_products products with the largest revenue > 0
//     in P; ties by product_id in byte order, so that a rank never depends
//     on the input order.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "products_run.hpp"

namespace vigie::products {

namespace {

constexpr std::string_view kNoCategory = "(none)";

// The figures of one group of LineSums as table cells: revenue (decimal),
// its share of a total (optional), quantity, margin and margin rate. A
// group of -1 is a period the request does not have: every cell null.
class FigureColumns {
 public:
  FigureColumns(Table& out, const std::string& prefix, bool with_share,
                std::string_view what)
      : revenue_(out.add(prefix + "revenue", Type::Decimal)),
        share_(with_share
                   ? &out.add(prefix + "revenue_share", Type::Double, "ratio")
                   : nullptr),
        quantity_(out.add(prefix + "quantity", Type::Int64, "count")),
        margin_(out.add(prefix + "margin", Type::Decimal)),
        margin_rate_(out.add(prefix + "margin_rate", Type::Double, "ratio")),
        what_(what) {}

  void push(const LineSums& sums, int32_t group, WideInt total) {
    if (group < 0) {
      revenue_.push_null();
      if (share_) share_->push_null();
      quantity_.push_null();
      margin_.push_null();
      margin_rate_.push_null();
      return;
    }
    const WideInt revenue = sums.amount[group].wide();
    revenue_.push_int(sdk::narrow(revenue, what_));
    if (share_) push(*share_, safe_ratio(revenue, total));
    if (sums.quantity)
      quantity_.push_int(sums.quantity->value(group, what_));
    else
      quantity_.push_null();
    if (sums.margin) {
      const WideInt margin = (*sums.margin)[group].wide();
      margin_.push_int(sdk::narrow(margin, what_));
      push(margin_rate_, safe_ratio(margin, revenue));
    } else {
      margin_.push_null();
      margin_rate_.push_null();
    }
  }

 private:
  static void push(Column& column, std::optional<double> value) {
    if (value)
      column.push_double(*value);
    else
      column.push_null();
  }

  Column& revenue_;
  Column* share_;
  Column& quantity_;
  Column& margin_;
  Column& margin_rate_;
  std::string what_;
};

// The group of (period, code), or -1 when the request has no such period.
int32_t group_of(const GroupKeys& keys, int32_t period, int32_t code) {
  return period < 0 ? -1 : keys.group(period, code);
}

// The revenue of every line of a period (0 for no period).
WideInt total_of(const LineSums& totals, int32_t period) {
  return period < 0 ? 0 : totals.amount[period].wide();
}

}  // namespace

Table sales_by_category(Run& run) {
  const CategoryFigures& figures = run.categories();
  const GroupKeys& keys = figures.keys;
  const LineSums& sums = figures.sums;
  const int32_t p = run.current(), q = run.previous();
  const ColumnView* column = run.orders().find("category");
  auto name = [&](int32_t code) {
    return code == figures.none ? kNoCategory : column->dictionary_at(code);
  };

  // The rows, and the totals their shares divide by: every line of the
  // period is in one category row, "(none)" included.
  std::vector<int32_t> rows;
  WideInt total = 0, previous_total = 0;
  for (int32_t c = 0; c <= figures.none; ++c) {
    const bool in_p = sums.lines[keys.group(p, c)] > 0;
    const bool in_q = q >= 0 && sums.lines[keys.group(q, c)] > 0;
    if (in_p || in_q) rows.push_back(c);
    total += sums.amount[keys.group(p, c)].wide();
    if (q >= 0) previous_total += sums.amount[keys.group(q, c)].wide();
  }
  std::sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) {
    const WideInt ra = sums.amount[keys.group(p, a)].wide();
    const WideInt rb = sums.amount[keys.group(p, b)].wide();
    if (ra != rb) return ra > rb;
    return name(a) < name(b);
  });

  Table out;
  auto& category = out.add("category", Type::String);
  FigureColumns now(out, "", true, "sales_by_category.revenue");
  FigureColumns before(out, "previous_", true, "sales_by_category.revenue");
  for (int32_t c : rows) {
    category.push_string(name(c));
    now.push(sums, keys.group(p, c), total);
    before.push(sums, group_of(keys, q, c), previous_total);
  }
  return out;
}

Table top_products(Run& run) {
  const ProductFigures& figures = run.products();
  const GroupKeys& keys = figures.keys;
  const LineSums& sums = figures.sums;
  const LineSums& totals = run.totals();
  const int32_t p = run.current(), q = run.previous();
  const ColumnView* product_id = run.orders().find("product_id");
  const ColumnView* category = run.orders().find("category");

  std::vector<int32_t> sold;
  for (int32_t c = 0; c < figures.product_count; ++c)
    if (sums.amount[keys.group(p, c)].wide() > 0) sold.push_back(c);
  const auto shown =
      std::min(sold.size(), static_cast<size_t>(run.parameters.top_products));
  std::partial_sort(sold.begin(), sold.begin() + static_cast<ptrdiff_t>(shown),
                    sold.end(), [&](int32_t a, int32_t b) {
                      const WideInt ra = sums.amount[keys.group(p, a)].wide();
                      const WideInt rb = sums.amount[keys.group(p, b)].wide();
                      if (ra != rb) return ra > rb;
                      return product_id->dictionary_at(a) <
                             product_id->dictionary_at(b);
                    });

  Table out;
  auto& rank = out.add("rank", Type::Int64);
  auto& product = out.add("product_id", Type::String);
  auto& category_column = out.add("category", Type::String);
  FigureColumns now(out, "", true, "top_products.revenue");
  FigureColumns before(out, "previous_", false, "top_products.revenue");
  for (size_t i = 0; i < shown; ++i) {
    const int32_t c = sold[i];
    const int32_t g = keys.group(p, c);
    rank.push_int(static_cast<int64_t>(i) + 1);
    product.push_string(product_id->dictionary_at(c));
    const int32_t category_code =
        figures.category ? (*figures.category)[g] : kNone;
    category_column.push_string(category_code == kNone
                                    ? kNoCategory
                                    : category->dictionary_at(category_code));
    now.push(sums, g, total_of(totals, p));
    before.push(sums, group_of(keys, q, c), total_of(totals, q));
  }
  return out;
}

}  // namespace vigie::products
