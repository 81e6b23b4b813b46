#include "period_values.hpp"

#include <cmath>

#include "customer_activity.hpp"
#include "vigie/sdk/local_months.hpp"

namespace customer_base {

PeriodPurchases purchases_by_period(const OrderBook& book,
                                    const PeriodIndex& periods) {
  using namespace vigie::sdk::kernels;
  const auto times = book.order_times();
  std::vector<int32_t> period(times.size(), kNone);
  for (size_t o = 0; o < period.size(); ++o)
    if (book.is_purchase(o)) period[o] = periods.index(times[o]);
  const GroupKeys keys =
      GroupKeys::by_period(std::move(period), periods.size());
  Count count(periods.size());
  Sum totals(periods.size(),
             IntSource(book.order_totals(), vigie::kDecimalScale));
  aggregate(keys, count, totals);
  PeriodPurchases out;
  out.count.assign(count.counts().begin(), count.counts().end());
  for (int32_t p = 0; p < periods.size(); ++p)
    out.totals.push_back(totals.number(p));
  return out;
}
namespace {

using vigie::sdk::kernels::safe_ratio;

constexpr int64_t kDefaultWindowDays = 90;
constexpr int64_t kYear = 365 * vigie::kMicrosPerDay;

std::optional<double> count(int64_t n) { return static_cast<double>(n); }

}  // namespace

PeriodCalculator::PeriodCalculator(const OrderBook& book,
                                   const Parameters& params,
                                   const MarketingSpend* spend,
                                   const vigie::sdk::LocalMonths& months)
    : book_(book), params_(params), spend_(spend), months_(months) {}

std::pair<int64_t, std::optional<int64_t>> PeriodCalculator::activity_window(
    int64_t as_of) const {
  std::optional<int64_t> days = params_.activity_window_days;
  if (!days) days = auto_activity_window_days(book_.purchases(), as_of);
  return {days.value_or(kDefaultWindowDays) * vigie::kMicrosPerDay, days};
}

PeriodValues PeriodCalculator::compute(const vigie_period& period,
                                       bool with_predictive) {
  const int64_t start = period.start_us;
  const int64_t end = period.end_us;
  const int64_t as_of = end;
  const Timeline& purchases = book_.purchases();
  PeriodValues v;

  auto [window, window_days] = activity_window(as_of);
  if (window_days) v.activity_window_days = static_cast<double>(*window_days);
  v.buyers = count(customers_buying_in(purchases, start, end));

  Recency active = recency_of_active(purchases, as_of, window);
  v.active_customers = count(active.customers);
  v.mean_recency_days =
      safe_ratio(active.total_days, static_cast<double>(active.customers));

  const int64_t new_customers =
      customers_first_buying_in(purchases, start, end);
  v.new_customers = count(new_customers);
  v.recent_customers = count(customers_first_buying_in(
      purchases, as_of - params_.recent_days * vigie::kMicrosPerDay, as_of));
  const int64_t lost = lost_customers(purchases, start, end, window);
  v.lost_customers = count(lost);
  v.churn_rate = churn_rate(purchases, start, end, window);
  v.net_customer_growth = count(new_customers - lost);
  v.renewal_ratio = safe_ratio(new_customers, lost);

  // Lifetime value: every line up to as_of of the customers who bought.
  int64_t buyers_to_date = 0;
  Money to_date;
  for (int32_t c = 0; c < book_.customer_count(); ++c) {
    auto first = purchases.first(c);
    if (!first || first->time >= as_of) continue;
    ++buyers_to_date;
    Money m = book_.lines_of(c, kBeginningOfTime, as_of);
    to_date.amount += m.amount;
    to_date.margin += m.margin;
  }
  v.clv_historic = safe_ratio(to_number(to_date.amount),
                              static_cast<double>(buyers_to_date));
  if (book_.has_margin())
    v.clv_margin = safe_ratio(to_number(to_date.margin),
                              static_cast<double>(buyers_to_date));
  if (with_predictive && book_.has_margin())
    v.clv_predictive = clv_predictive(as_of, window);

  if (spend_ == nullptr) return v;
  if (auto spend = spend_->total_in(start, end)) {
    v.cac = safe_ratio(to_number(*spend), static_cast<double>(new_customers));
    if (v.clv_margin && v.cac) v.clv_to_cac = safe_ratio(*v.clv_margin, *v.cac);
  }
  return v;
}

std::optional<double> PeriodCalculator::monthly_churn(int64_t start,
                                                      int64_t end,
                                                      int64_t window) {
  for (const MonthChurn& m : churn_cache_)
    if (m.start == start && m.end == end && m.window == window) return m.rate;
  churn_cache_.push_back(
      {start, end, window, churn_rate(book_.purchases(), start, end, window)});
  return churn_cache_.back().rate;
}

std::optional<double> PeriodCalculator::clv_predictive(int64_t as_of,
                                                       int64_t window) {
  std::vector<int64_t> months = months_.twelve_months_to(as_of);
  // The data covers the 12 months when its first line is not after their
  // start.
  auto first = book_.first_line_time();
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
  for (int32_t c = 0; c < book_.customer_count(); ++c) {
    if (book_.purchases().count_in(c, as_of - window, as_of) == 0) continue;
    ++customers;
    margin += book_.lines_of(c, as_of - kYear, as_of).margin;
  }
  if (customers == 0) return std::nullopt;
  const double m = to_number(margin) / static_cast<double>(customers);
  return m * retention / (1.0 + params_.discount_rate - retention);
}

}  // namespace customer_base
