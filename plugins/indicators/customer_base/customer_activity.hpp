// Who is active, lost or recent at a given instant: the customer-count
// KPIs of the catalog, each answered by a binary search in each customer's
// purchases (OrderBook::purchases()).
#pragma once

#include <cstdint>
#include <optional>

#include "order_book.hpp"

namespace customer_base {

struct Recency {
  int64_t customers = 0;
  double total_days = 0;  // sum of (t - last purchase) in days
};

// Customers whose last purchase before t is in [t - window, t), and the
// sum of their recencies.
Recency recency_of_active(const Timeline& purchases, int64_t t, int64_t window);

// Customers active at start whose last purchase before end is earlier than
// end - window.
int64_t lost_customers(const Timeline& purchases, int64_t start, int64_t end,
                       int64_t window);

// lost_customers / active customers at start; no value when nobody was
// active.
std::optional<double> churn_rate(const Timeline& purchases, int64_t start,
                                 int64_t end, int64_t window);

// Customers whose first purchase ever is in [from, to).
int64_t customers_first_buying_in(const Timeline& purchases, int64_t from,
                                  int64_t to);

// Customers with at least one purchase in [from, to).
int64_t customers_buying_in(const Timeline& purchases, int64_t from,
                            int64_t to);

// The `auto` activity window at as_of: the mean recency, in days rounded to
// the nearest whole day (at least 1), of the customers active with a
// 365-day window; empty when nobody bought in those 365 days.
std::optional<int64_t> auto_activity_window_days(const Timeline& purchases,
                                                 int64_t as_of);

inline double days_between(int64_t from, int64_t to) {
  return static_cast<double>(to - from) /
         static_cast<double>(vigie::kMicrosPerDay);
}

}  // namespace customer_base
