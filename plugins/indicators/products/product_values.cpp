// The value KPIs of the products indicator, every period of the request
// from one pass over the order lines.
#include "products_run.hpp"

namespace vigie::products {

Series product_revenue(Run& run) {
  const LineSums& totals = run.totals();
  Series out;
  for (int32_t p = 0; p < run.period_count(); ++p)
    out.push_back(to_number(totals.amount.value(p, run.kpi)));
  return out;
}

Series units_sold(Run& run) {
  const std::optional<Sum>& quantities = run.quantities();
  Series out(static_cast<size_t>(run.period_count()));
  if (!quantities) return out;  // no quantity column: no value
  for (int32_t p = 0; p < run.period_count(); ++p)
    out[static_cast<size_t>(p)] =
        static_cast<double>(quantities->value(p, run.kpi));
  return out;
}

// A product is sold in a period when its net revenue there is > 0: one
// whose returns outweigh its sales was not sold (as an order whose total
// is not > 0 is no purchase, DATA-MODEL.md).
Series products_sold(Run& run) {
  const ProductFigures& products = run.products();
  Series out(static_cast<size_t>(run.period_count()));
  if (!products.has_products) return out;  // no product_id: no value
  for (int32_t p = 0; p < run.period_count(); ++p) {
    int64_t sold = 0;
    for (int32_t c = 0; c < products.product_count; ++c)
      sold += products.sums.amount[products.keys.group(p, c)].wide() > 0;
    out[static_cast<size_t>(p)] = static_cast<double>(sold);
  }
  return out;
}

}  // namespace vigie::products
