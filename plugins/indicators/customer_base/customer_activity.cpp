#include "customer_activity.hpp"

#include <algorithm>
#include <cmath>

namespace customer_base {

int64_t active_customers(const PurchaseHistory& h, int64_t t, int64_t window) {
  return recency_of_active(h, t, window).customers;
}

Recency recency_of_active(const PurchaseHistory& h, int64_t t, int64_t window) {
  Recency r;
  for (int32_t c = 0; c < h.customer_count(); ++c) {
    auto last = h.last_purchase_before(c, t);
    if (!last || *last < t - window) continue;
    ++r.customers;
    r.total_days += days_between(*last, t);
  }
  return r;
}

int64_t lost_customers(const PurchaseHistory& h, int64_t start, int64_t end,
                       int64_t window) {
  int64_t lost = 0;
  for (int32_t c = 0; c < h.customer_count(); ++c) {
    auto at_start = h.last_purchase_before(c, start);
    if (!at_start || *at_start < start - window) continue;
    // Active at start, hence a last purchase before end exists.
    if (*h.last_purchase_before(c, end) < end - window) ++lost;
  }
  return lost;
}

std::optional<double> churn_rate(const PurchaseHistory& h, int64_t start,
                                 int64_t end, int64_t window) {
  int64_t active = active_customers(h, start, window);
  if (active == 0) return std::nullopt;
  return static_cast<double>(lost_customers(h, start, end, window)) /
         static_cast<double>(active);
}

int64_t customers_first_buying_in(const PurchaseHistory& h, int64_t from,
                                  int64_t to) {
  int64_t n = 0;
  for (int32_t c = 0; c < h.customer_count(); ++c) {
    auto first = h.first_purchase(c);
    if (first && *first >= from && *first < to) ++n;
  }
  return n;
}

int64_t customers_buying_in(const PurchaseHistory& h, int64_t from,
                            int64_t to) {
  int64_t n = 0;
  for (int32_t c = 0; c < h.customer_count(); ++c)
    if (h.customer_purchases_in(c, from, to) > 0) ++n;
  return n;
}

std::optional<int64_t> auto_activity_window_days(const PurchaseHistory& h,
                                                 int64_t as_of) {
  Recency r = recency_of_active(h, as_of, 365 * vigie::kMicrosPerDay);
  if (r.customers == 0) return std::nullopt;
  const double mean = r.total_days / static_cast<double>(r.customers);
  return std::max<int64_t>(1, std::llround(mean));
}

}  // namespace customer_base
