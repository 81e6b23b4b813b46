// The customer_base indicator: section 1 of the KPI catalog (revenue,
// orders, the customer base and its movements, value segments, lifetime
// value, acquisition cost, inactivity alerts). Choices where the catalog
// leaves room are in docs/kpi-choices.md, "customer_base".
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "acquisition_cost.hpp"
#include "customer_directory.hpp"
#include "inactivity_alerts.hpp"
#include "marketing_spend.hpp"
#include "order_book.hpp"
#include "parameters.hpp"
#include "period_values.hpp"
#include "rfm.hpp"
#include "vigie/sdk.hpp"

namespace customer_base {
namespace {

namespace sdk = vigie::sdk;
using vigie::Type;

using vigie::sdk::kernels::safe_ratio;

// The sum of one decimal column of the order lines of every period.
vigie::sdk::kernels::Sum line_sums(const vigie::sdk::kernels::GroupKeys& keys,
                                   int32_t periods,
                                   const vigie::ColumnView& column) {
  vigie::sdk::kernels::Sum sum(periods, column);
  aggregate(keys, sum);
  return sum;
}

// The passes the KPIs share, each made at most once a compute, and only
// when an asked KPI needs it.
struct Run : sdk::Compute<Parameters> {
  using Compute::Compute;

  const PeriodIndex& periods() {
    return periods_.get([&] { return PeriodIndex(request.periods); });
  }
  // The period of every order line, then the amounts and the margins of
  // each period, each a pass of its own: the run lends orders.amount and
  // orders.margin only to the KPIs that read them.
  const vigie::sdk::kernels::GroupKeys& line_periods() {
    return line_periods_.get([&] {
      return vigie::sdk::kernels::GroupKeys::by_period(
          periods().assign(request.required("orders").column("ordered_at")),
          periods().size());
    });
  }
  const vigie::sdk::kernels::Sum& amounts() {
    return amounts_.get([&] {
      return line_sums(line_periods(), periods().size(),
                       request.required("orders").column("amount"));
    });
  }
  // None without a margin column.
  const std::optional<vigie::sdk::kernels::Sum>& margins() {
    return margins_.get([&] {
      const vigie::ColumnView* margin =
          request.required("orders").find("margin");
      return margin ? std::optional(
                          line_sums(line_periods(), periods().size(), *margin))
                    : std::nullopt;
    });
  }
  const OrderBook& book() {
    return book_.get([&] { return OrderBook(request.required("orders")); });
  }
  const PeriodPurchases& purchases() {
    return purchases_.get(
        [&] { return purchases_by_period(book(), periods()); });
  }
  const CustomerDirectory& directory() {
    return directory_.get([&] {
      return CustomerDirectory(request.required("orders"),
                               request.dataset("customers"));
    });
  }
  const sdk::LocalMonths& months() {
    return months_.get([&] { return sdk::LocalMonths(request.time_zone); });
  }
  // Spend is given by month: a period of P's grain that is not made of
  // whole months (a week, a day) has no cac, and the report says why.
  void note_when_spend_is_monthly() {
    const vigie_period& p = request.period();
    if (spend() != nullptr && !months().whole_months(p.start_us, p.end_us))
      sink.message(kpi, "customer_base.cac_needs_months");
  }
  const MarketingSpend* spend() {
    // None without the dataset, or when no asked KPI reads the spend (the
    // run then lends neither its month nor its spend column).
    const auto& spend = spend_.get([&] {
      const vigie::TableView* table = request.dataset("marketing_spend");
      return table && table->find("month") && table->find("spend")
                 ? std::optional<MarketingSpend>(std::in_place, *table,
                                                 months())
                 : std::nullopt;
    });
    return spend ? &*spend : nullptr;
  }
  PeriodCalculator& calculator() {
    return calculator_.get([&] {
      return PeriodCalculator(book(), parameters, spend(), months());
    });
  }
  // The customer KPIs of every period, in one pass a period.
  const PeriodValues& values(uint32_t period) {
    const auto& all = values_.get([&] {
      std::vector<PeriodValues> out;
      for (const vigie_period& p : request.periods)
        out.push_back(calculator().compute(p, wants("clv_predictive")));
      return out;
    });
    return all[period];
  }
  int64_t as_of() const { return request.period().end_us; }
  int64_t rfm_window() const {
    return parameters.rfm_window_days * vigie::kMicrosPerDay;
  }
  const RfmRanking& ranking() {
    return ranking_.get([&] {
      return RfmRanking(book(), directory().id_orders(), as_of(), rfm_window(),
                        static_cast<int32_t>(parameters.segment_names.size()));
    });
  }
  // An inactivity list: last purchase in [as_of - from, as_of - to) days.
  vigie::Table alerts(AlertBand band) {
    return inactivity_list(book(), directory(), ranking(),
                           parameters.segment_names, as_of(), rfm_window(),
                           band);
  }

 private:
  sdk::Lazy<PeriodIndex> periods_;
  sdk::Lazy<vigie::sdk::kernels::GroupKeys> line_periods_;
  sdk::Lazy<vigie::sdk::kernels::Sum> amounts_;
  sdk::Lazy<std::optional<vigie::sdk::kernels::Sum>> margins_;
  sdk::Lazy<OrderBook> book_;
  sdk::Lazy<PeriodPurchases> purchases_;
  sdk::Lazy<CustomerDirectory> directory_;
  sdk::Lazy<sdk::LocalMonths> months_;
  sdk::Lazy<std::optional<MarketingSpend>> spend_;
  sdk::Lazy<PeriodCalculator> calculator_;
  sdk::Lazy<std::vector<PeriodValues>> values_;
  sdk::Lazy<RfmRanking> ranking_;
};

// Sums shown as they are must fit an exact decimal (or fail naming the
// KPI); ratios need not.
std::optional<double> revenue(Run& run, uint32_t p) {
  return to_number(run.amounts().value(static_cast<int32_t>(p), run.kpi));
}
std::optional<double> margin(Run& run, uint32_t p) {
  const auto& margin = run.margins();
  if (!margin) return std::nullopt;
  return to_number(margin->value(static_cast<int32_t>(p), run.kpi));
}
std::optional<double> margin_rate(Run& run, uint32_t p) {
  const auto& margin = run.margins();
  if (!margin) return std::nullopt;
  const auto g = static_cast<int32_t>(p);
  return safe_ratio(margin->number(g), run.amounts().number(g));
}
std::optional<double> orders(Run& run, uint32_t p) {
  return static_cast<double>(run.purchases().count[p]);
}
std::optional<double> avg_basket(Run& run, uint32_t p) {
  const PeriodPurchases& purchases = run.purchases();
  return safe_ratio(purchases.totals[p],
                    static_cast<double>(purchases.count[p]));
}

template <std::optional<double> PeriodValues::*Member>
std::optional<double> period_value(Run& run, uint32_t period) {
  return run.values(period).*Member;
}

vigie::Table value_segments(Run& run) {
  return segment_table(run.ranking(), run.parameters.segment_names);
}
vigie::Table rfm_scores(Run& run) { return score_table(run.ranking()); }
std::optional<double> cac(Run& run, uint32_t p) {
  if (p == run.request.current) run.note_when_spend_is_monthly();
  return run.values(p).cac;
}
std::optional<double> clv_to_cac(Run& run, uint32_t p) {
  if (p == run.request.current) run.note_when_spend_is_monthly();
  return run.values(p).clv_to_cac;
}
vigie::Table cac_table(Run& run) {
  run.note_when_spend_is_monthly();
  const vigie_period& p = run.request.period();
  return cac_by_channel(run.book(), run.directory(), run.spend(), p.start_us,
                        p.end_us);
}
vigie::Table alert_1m(Run& run) {
  const int64_t day = vigie::kMicrosPerDay;
  return run.alerts({run.as_of() - run.parameters.alert_2m_days * day,
                     run.as_of() - run.parameters.alert_1m_days * day});
}
vigie::Table alert_2m(Run& run) {
  const int64_t window = run.calculator().activity_window(run.as_of()).first;
  return run.alerts(
      {run.as_of() - window,
       run.as_of() - run.parameters.alert_2m_days * vigie::kMicrosPerDay});
}

// ---- options ----------------------------------------------------------

void bind_activity_window(Parameters& p, const sdk::Config& config,
                          const vigie_option& option) {
  const std::string text = sdk::option_text(config, option).value_or("90");
  if (text == "auto")
    p.activity_window_days.reset();
  else
    p.activity_window_days = sdk::integer_value(option, text);
}

constexpr const char* kAuto[] = {"auto"};

constexpr sdk::Option<Parameters> kOptions[] = {
    sdk::custom<Parameters>(
        VIGIE_OPTION_STRING, "activity_window", "90",
        "activity window A in days, or `auto` (mean recency of the "
        "customers active over 365 days)",
        &bind_activity_window)
        .one_of(kAuto)
        .at_least(1),
    sdk::field<&Parameters::alert_1m_days>(
        "alert_1m_days", "30",
        "alert_1m: last purchase at least this many days ago")
        .at_least(1),
    sdk::field<&Parameters::alert_2m_days>(
        "alert_2m_days", "60",
        "alert_1m ends and alert_2m starts this many days ago")
        .at_least(1),
    sdk::field<&Parameters::rfm_window_days>("rfm_window_days", "365",
                                             "RFM window W in days")
        .at_least(1),
    sdk::field<&Parameters::segment_names>(
        "segment_names", nullptr,
        "value segment names, best first (default: Très bons clients, "
        "Bons clients, Clients occasionnels, Clients très occasionnels)"),
    sdk::field<&Parameters::discount_rate>("discount_rate", "0.10",
                                           "discount rate d of clv_predictive")
        .at_least(0),
    sdk::field<&Parameters::recent_days>(
        "recent_days", "180",
        "recent_customers: first purchase within this many days")
        .at_least(1),
};

// ---- KPIs -------------------------------------------------------------

// The dataset columns each KPI reads, each written once: the lists below
// are joined from them.
template <std::size_t... N>
constexpr auto joined(const char* const (&... lists)[N]) {
  std::array<const char*, (N + ...)> out{};
  std::size_t at = 0;
  ((std::copy(std::begin(lists), std::end(lists), out.begin() + at), at += N),
   ...);
  return out;
}
constexpr const char* kLineTime[] = {"orders.ordered_at"};
constexpr const char* kAmount[] = {"orders.amount"};
constexpr const char* kMargin[] = {"orders.margin"};
constexpr const char* kOrderId[] = {"orders.order_id"};
constexpr const char* kCustomerId[] = {"orders.customer_id"};
constexpr const char* kSpend[] = {"marketing_spend.month",
                                  "marketing_spend.spend"};
constexpr const char* kChannels[] = {"customers.customer_id",
                                     "customers.acquisition_channel",
                                     "marketing_spend.channel"};
constexpr const char* kConsent[] = {"customers.customer_id",
                                    "customers.consent_marketing"};

// Revenue and margin: the lines of each period.
constexpr auto kRevenueReads = joined(kLineTime, kAmount);
constexpr auto kMarginReads = joined(kLineTime, kMargin);
constexpr auto kMarginRateReads = joined(kLineTime, kAmount, kMargin);
// Purchases: orders (lines grouped by order_id) with a total > 0.
constexpr auto kPurchaseReads = joined(kOrderId, kLineTime, kAmount);
// The customers' purchases and lines (an order's customer is that of its
// earliest identified line).
constexpr auto kCustomerReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount);
constexpr auto kCustomerMarginReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount, kMargin);
constexpr auto kCacReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount, kSpend);
constexpr auto kClvToCacReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount, kMargin, kSpend);
constexpr auto kCacByChannelReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount, kSpend, kChannels);
constexpr auto kAlertReads =
    joined(kCustomerId, kOrderId, kLineTime, kAmount, kConsent);

constexpr vigie_column kSegmentColumns[] = {
    sdk::column("segment", Type::String),
    sdk::column("customers", Type::Int64),
    sdk::column("revenue", Type::Decimal),
    sdk::column("revenue_share", Type::Double, "ratio"),
    sdk::column("mean_frequency", Type::Double),
    sdk::column("mean_basket", Type::Double, "currency"),
    sdk::column("mean_recency_days", Type::Double, "days"),
};
constexpr vigie_column kScoreColumns[] = {
    sdk::column("r_score", Type::Int64),
    sdk::column("f_score", Type::Int64),
    sdk::column("m_score", Type::Int64),
    sdk::column("customers", Type::Int64),
};
constexpr vigie_column kCacColumns[] = {
    sdk::column("channel", Type::String),
    sdk::column("spend", Type::Decimal),
    sdk::column("new_customers", Type::Int64),
    sdk::column("cac", Type::Double, "currency"),
};
constexpr vigie_column kAlertColumns[] = {
    sdk::column("customer_id", Type::String),
    sdk::column("last_purchase", Type::Timestamp),
    sdk::column("recency_days", Type::Double, "days"),
    sdk::column("value_segment", Type::String),
    sdk::column("monetary", Type::Decimal),
    sdk::column("frequency", Type::Int64),
    sdk::column("consent_marketing", Type::Bool),
};

// A customer KPI: a member of the period's PeriodValues.
template <std::optional<double> PeriodValues::*Member>
constexpr sdk::Kpi<Run> customer_kpi(const char* id, const char* label,
                                     const char* unit,
                                     const char* description) {
  return sdk::value_kpi<Run>(id, label, unit, description,
                             &period_value<Member>)
      .reading(kCustomerReads);
}
using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("revenue", "Revenue", "currency",
                   "sum of the amounts of the order lines of P", &revenue)
        .reading(kRevenueReads),
    value_kpi<Run>("margin", "Margin", "currency",
                   "sum of the margins of the order lines of P", &margin)
        .reading(kMarginReads),
    value_kpi<Run>("margin_rate", "Margin rate", "ratio", "margin / revenue",
                   &margin_rate)
        .reading(kMarginRateReads),
    value_kpi<Run>("orders", "Orders", "count",
                   "purchases (orders with a total > 0) in P", &orders)
        .reading(kPurchaseReads),
    value_kpi<Run>("avg_basket", "Average basket", "currency",
                   "sum of the purchase totals / orders", &avg_basket)
        .reading(kPurchaseReads),
    customer_kpi<&PeriodValues::buyers>("buyers", "Buyers", "count",
                                        "customers with a purchase in P"),
    customer_kpi<&PeriodValues::active_customers>(
        "active_customers", "Active customers", "count",
        "customers whose last purchase is within the activity window"),
    customer_kpi<&PeriodValues::new_customers>(
        "new_customers", "New customers", "count",
        "customers whose first purchase ever is in P"),
    customer_kpi<&PeriodValues::recent_customers>(
        "recent_customers", "Recent customers", "count",
        "customers whose first purchase is less than recent_days old"),
    customer_kpi<&PeriodValues::lost_customers>(
        "lost_customers", "Lost customers", "count",
        "active customers that crossed the inactivity line during P")
        .lower_is_better(),
    customer_kpi<&PeriodValues::churn_rate>(
        "churn_rate", "Churn rate", "ratio",
        "lost customers / active customers at the start of P")
        .lower_is_better(),
    customer_kpi<&PeriodValues::net_customer_growth>(
        "net_customer_growth", "Net customer growth", "count",
        "new customers - lost customers"),
    customer_kpi<&PeriodValues::renewal_ratio>(
        "renewal_ratio", "Renewal ratio", "multiple",
        "new customers / lost customers"),
    customer_kpi<&PeriodValues::mean_recency_days>(
        "mean_recency_days", "Mean recency", "days",
        "mean days since the last purchase of the active customers")
        .lower_is_better(),
    customer_kpi<&PeriodValues::clv_historic>(
        "clv_historic", "Historic CLV", "currency",
        "amount to date per customer who bought"),
    customer_kpi<&PeriodValues::clv_margin>(
        "clv_margin", "Historic CLV (margin)", "currency",
        "margin to date per customer who bought")
        .reading(kCustomerMarginReads),
    customer_kpi<&PeriodValues::clv_predictive>(
        "clv_predictive", "Predictive CLV", "currency",
        "m r / (1 + d - r) over the last 12 months")
        .reading(kCustomerMarginReads),
    value_kpi<Run>("cac", "Acquisition cost", "currency",
                   "marketing spend of the months of P / new customers", &cac)
        .lower_is_better()
        .reading(kCacReads),
    value_kpi<Run>("clv_to_cac", "CLV / CAC", "multiple", "clv_margin / cac",
                   &clv_to_cac)
        .reading(kClvToCacReads),
    customer_kpi<&PeriodValues::activity_window_days>(
        "activity_window_days", "Activity window", "days",
        "the activity window A used")
        .neither_is_better(),
    table_kpi<Run>(
        VIGIE_OUTPUT_TABLE, "value_segments", "Value segments", "",
        "RFM value segments: customers, revenue, share, F, basket, R",
        kSegmentColumns, &value_segments)
        .reading(kCustomerReads),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "rfm_scores", "RFM scores", "count",
                   "customers per R, F, M score (1..5) combination",
                   kScoreColumns, &rfm_scores)
        .reading(kCustomerReads),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "cac_by_channel", "CAC by channel",
                   "currency",
                   "spend, new customers and cac per acquisition channel",
                   kCacColumns, &cac_table)
        .reading(kCacByChannelReads),
    table_kpi<Run>(VIGIE_OUTPUT_LIST, "alert_1m", "Inactive for 1 month", "",
                   "customers whose last purchase is 30 to 60 days old",
                   kAlertColumns, &alert_1m)
        .reading(kAlertReads),
    table_kpi<Run>(VIGIE_OUTPUT_LIST, "alert_2m", "Inactive for 2 months", "",
                   "customers whose last purchase is 60 days to A old",
                   kAlertColumns, &alert_2m)
        .reading(kAlertReads),
};

constexpr vigie_input kInputs[] = {
    sdk::input("orders", true),
    sdk::input("customers", false),
    sdk::input("marketing_spend", false),
};

}  // namespace
}  // namespace customer_base

VIGIE_KPI_INDICATOR_PLUGIN(customer_base::Run, "customer_base", "1.0.0",
                           "Customer base: revenue, customers, segments, "
                           "CLV, CAC",
                           customer_base::kOptions, customer_base::kKpis,
                           customer_base::kInputs)
