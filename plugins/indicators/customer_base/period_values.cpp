#include "period_values.hpp"

#include <cmath>

#include "customer_activity.hpp"
#include "month_calendar.hpp"

namespace customer_base {
namespace {

constexpr int64_t kDefaultWindowDays = 90;
constexpr int64_t kYear = 365 * vigie::kMicrosPerDay;

std::optional<double> ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

}  // namespace

PeriodCalculator::PeriodCalculator(const PurchaseHistory& history,
                                   const Parameters& params,
                                   const MarketingSpend* spend,
                                   std::span<const vigie_period> periods)
    : history_(history), params_(params), spend_(spend), periods_(periods) {}

std::pair<int64_t, std::optional<int64_t>> PeriodCalculator::activity_window(
    int64_t as_of) const {
  std::optional<int64_t> days = params_.activity_window_days;
  if (!days) days = auto_activity_window_days(history_, as_of);
  return {days.value_or(kDefaultWindowDays) * vigie::kMicrosPerDay, days};
}

PeriodValues PeriodCalculator::compute(const vigie_period& period,
                                       bool with_predictive) {
  const int64_t start = period.start_us;
  const int64_t end = period.end_us;
  const int64_t as_of = end;
  const PurchaseHistory& h = history_;
  PeriodValues v;

  auto [window, window_days] = activity_window(as_of);
  if (window_days) v.activity_window_days = static_cast<double>(*window_days);

  // Sums shown as they are must fit an exact decimal; ratios need not.
  auto exact_sum = [&](WideInt sum, const char* kpi) -> std::optional<double> {
    if (!vigie::sdk::fits_int64(sum)) {
      v.overflowed.push_back(kpi);
      return std::nullopt;
    }
    return to_number(static_cast<int64_t>(sum));
  };
  Money lines = h.lines_in(start, end);
  v.revenue = exact_sum(lines.amount, "revenue");
  if (h.has_margin()) {
    v.margin = exact_sum(lines.margin, "margin");
    v.margin_rate = ratio(to_number(lines.margin), to_number(lines.amount));
  }
  const int64_t orders = h.purchases_in(start, end);
  v.orders = static_cast<double>(orders);
  v.avg_basket = ratio(to_number(h.purchase_totals_in(start, end)),
                       static_cast<double>(orders));
  v.buyers = static_cast<double>(customers_buying_in(h, start, end));

  Recency active = recency_of_active(h, as_of, window);
  v.active_customers = static_cast<double>(active.customers);
  v.mean_recency_days =
      ratio(active.total_days, static_cast<double>(active.customers));

  const int64_t new_customers = customers_first_buying_in(h, start, end);
  v.new_customers = static_cast<double>(new_customers);
  v.recent_customers = static_cast<double>(customers_first_buying_in(
      h, as_of - params_.recent_days * vigie::kMicrosPerDay, as_of));
  const int64_t lost = lost_customers(h, start, end, window);
  v.lost_customers = static_cast<double>(lost);
  v.churn_rate = ratio(static_cast<double>(lost),
                       static_cast<double>(active_customers(h, start, window)));
  v.net_customer_growth = static_cast<double>(new_customers - lost);
  v.renewal_ratio =
      ratio(static_cast<double>(new_customers), static_cast<double>(lost));

  // Lifetime value: every line up to as_of of the customers who bought.
  int64_t buyers_to_date = 0;
  Money to_date;
  for (int32_t c = 0; c < h.customer_count(); ++c) {
    auto first = h.first_purchase(c);
    if (!first || *first >= as_of) continue;
    ++buyers_to_date;
    Money m = h.customer_lines_in(c, kBeginningOfTime, as_of);
    to_date.amount += m.amount;
    to_date.margin += m.margin;
  }
  v.clv_historic =
      ratio(to_number(to_date.amount), static_cast<double>(buyers_to_date));
  if (h.has_margin())
    v.clv_margin =
        ratio(to_number(to_date.margin), static_cast<double>(buyers_to_date));
  if (with_predictive && h.has_margin())
    v.clv_predictive = clv_predictive(as_of, window);

  if (spend_ != nullptr) {
    v.cac = ratio(to_number(spend_->total_in(start, end)),
                  static_cast<double>(new_customers));
    if (v.clv_margin && v.cac) v.clv_to_cac = ratio(*v.clv_margin, *v.cac);
  }
  return v;
}

std::optional<double> PeriodCalculator::monthly_churn(int64_t start,
                                                      int64_t end,
                                                      int64_t window) {
  auto key = std::make_tuple(start, end, window);
  auto it = churn_cache_.find(key);
  if (it == churn_cache_.end())
    it = churn_cache_.emplace(key, churn_rate(history_, start, end, window))
             .first;
  return it->second;
}

std::optional<double> PeriodCalculator::clv_predictive(int64_t as_of,
                                                       int64_t window) {
  const PurchaseHistory& h = history_;
  std::vector<int64_t> months = twelve_month_boundaries(as_of, periods_);
  // The data covers the 12 months when its first line is not after their
  // start.
  auto first = h.first_line_time();
  if (!first || *first > months.front()) return std::nullopt;

  // Mean of the monthly churn rates that have a value.
  double churn_sum = 0;
  int churn_months = 0;
  for (size_t k = 0; k + 1 < months.size(); ++k) {
    if (auto c = monthly_churn(months[k], months[k + 1], window)) {
      churn_sum += *c;
      ++churn_months;
    }
  }
  if (churn_months == 0) return std::nullopt;
  const double monthly = churn_sum / churn_months;
  const double retention = std::pow(1.0 - monthly, 12.0);  // 1 - annualised

  // m: the margin over the last 365 days of the customers active at as_of
  // (a purchase in [as_of - A, as_of)), per such customer: the base whose
  // churn r measures (KPI-CATALOG 1, "Value, acquisition").
  int64_t customers = 0;
  WideInt margin = 0;
  for (int32_t c = 0; c < h.customer_count(); ++c) {
    if (h.customer_purchases_in(c, as_of - window, as_of) == 0) continue;
    ++customers;
    margin += h.customer_lines_in(c, as_of - kYear, as_of).margin;
  }
  if (customers == 0) return std::nullopt;
  const double m = to_number(margin) / static_cast<double>(customers);
  return m * retention / (1.0 + params_.discount_rate - retention);
}

}  // namespace customer_base
