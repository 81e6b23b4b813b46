// The customer KPIs of section 1 of the KPI catalog for one period, each
// computed with the period's own start, end and as_of (= end).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "marketing_spend.hpp"
#include "order_book.hpp"
#include "parameters.hpp"

namespace customer_base {

using crm_tables::MarketingSpend;

// The purchases of each period, anonymous ones included.
struct PeriodPurchases {
  std::vector<int64_t> count;
  std::vector<double> totals;  // sum of their totals, as a number
};
PeriodPurchases purchases_by_period(const OrderBook& book,
                                    const PeriodIndex& periods);

struct PeriodValues {
  std::optional<double> buyers, active_customers, new_customers,
      recent_customers, lost_customers, churn_rate, net_customer_growth,
      renewal_ratio, mean_recency_days, clv_historic, clv_margin,
      clv_predictive, cac, clv_to_cac, activity_window_days;
};

class PeriodCalculator {
 public:
  // `spend` may be null (no marketing_spend dataset); `months`, the
  // report's calendar, gives clv_predictive its twelve months.
  PeriodCalculator(const OrderBook& book, const Parameters& params,
                   const MarketingSpend* spend,
                   const vigie::sdk::LocalMonths& months);

  // The activity window A in microseconds at as_of, and its value in days
  // for the activity_window_days KPI (empty when `auto` has no customer to
  // average; A then falls back to the catalog's 90 days).
  std::pair<int64_t, std::optional<int64_t>> activity_window(
      int64_t as_of) const;

  PeriodValues compute(const vigie_period& period, bool with_predictive);

 private:
  std::optional<double> clv_predictive(int64_t as_of, int64_t window);
  std::optional<double> monthly_churn(int64_t start, int64_t end,
                                      int64_t window);

  const OrderBook& book_;
  const Parameters& params_;
  const MarketingSpend* spend_;
  const vigie::sdk::LocalMonths& months_;
  // Consecutive periods share 11 of their 12 months: each month's churn is
  // kept (a dozen or two entries, searched in order).
  struct MonthChurn {
    int64_t start, end, window;
    std::optional<double> rate;
  };
  std::vector<MonthChurn> churn_cache_;
};

// An exact decimal sum (scaled by 10^4) as a number.
inline double to_number(WideInt scaled) {
  return static_cast<double>(scaled) /
         static_cast<double>(vigie::kDecimalScale);
}

}  // namespace customer_base
