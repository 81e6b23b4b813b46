#include "customer_activity.hpp"

#include <algorithm>
#include <cmath>

namespace customer_base {

Recency recency_of_active(const Timeline& purchases, int64_t t,
                          int64_t window) {
  Recency r;
  for (int32_t c = 0; c < purchases.entity_count(); ++c) {
    auto last = purchases.last_before(c, t);
    if (!last || last->time < t - window) continue;
    ++r.customers;
    r.total_days += days_between(last->time, t);
  }
  return r;
}

int64_t lost_customers(const Timeline& purchases, int64_t start, int64_t end,
                       int64_t window) {
  int64_t lost = 0;
  for (int32_t c = 0; c < purchases.entity_count(); ++c) {
    auto at_start = purchases.last_before(c, start);
    if (!at_start || at_start->time < start - window) continue;
    // Active at start, hence a last purchase before end exists.
    if (purchases.last_before(c, end)->time < end - window) ++lost;
  }
  return lost;
}

std::optional<double> churn_rate(const Timeline& purchases, int64_t start,
                                 int64_t end, int64_t window) {
  return vigie::sdk::kernels::safe_ratio(
      lost_customers(purchases, start, end, window),
      recency_of_active(purchases, start, window).customers);
}

int64_t customers_first_buying_in(const Timeline& purchases, int64_t from,
                                  int64_t to) {
  int64_t n = 0;
  for (int32_t c = 0; c < purchases.entity_count(); ++c) {
    auto first = purchases.first(c);
    if (first && first->time >= from && first->time < to) ++n;
  }
  return n;
}

int64_t customers_buying_in(const Timeline& purchases, int64_t from,
                            int64_t to) {
  int64_t n = 0;
  for (int32_t c = 0; c < purchases.entity_count(); ++c)
    if (purchases.count_in(c, from, to) > 0) ++n;
  return n;
}

std::optional<int64_t> auto_activity_window_days(const Timeline& purchases,
                                                 int64_t as_of) {
  Recency r = recency_of_active(purchases, as_of, 365 * vigie::kMicrosPerDay);
  if (r.customers == 0) return std::nullopt;
  const double mean = r.total_days / static_cast<double>(r.customers);
  return std::max<int64_t>(1, std::llround(mean));
}

}  // namespace customer_base
