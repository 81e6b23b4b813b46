// The customer_base indicator: section 1 of the KPI catalog (revenue,
// orders, the customer base and its movements, value segments, lifetime
// value, acquisition cost, inactivity alerts). Choices where the catalog
// leaves room are in docs/kpi-choices.md, "customer_base".
#include <optional>
#include <string>
#include <string_view>

#include "acquisition_cost.hpp"
#include "customer_directory.hpp"
#include "inactivity_alerts.hpp"
#include "marketing_spend.hpp"
#include "parameters.hpp"
#include "period_values.hpp"
#include "purchase_history.hpp"
#include "rfm.hpp"
#include "vigie/sdk.hpp"

namespace customer_base {
namespace {

struct ValueKpi {
  const char* id;
  std::optional<double> PeriodValues::*member;
};

constexpr ValueKpi kValueKpis[] = {
    {"revenue", &PeriodValues::revenue},
    {"margin", &PeriodValues::margin},
    {"margin_rate", &PeriodValues::margin_rate},
    {"orders", &PeriodValues::orders},
    {"avg_basket", &PeriodValues::avg_basket},
    {"buyers", &PeriodValues::buyers},
    {"active_customers", &PeriodValues::active_customers},
    {"new_customers", &PeriodValues::new_customers},
    {"recent_customers", &PeriodValues::recent_customers},
    {"lost_customers", &PeriodValues::lost_customers},
    {"churn_rate", &PeriodValues::churn_rate},
    {"net_customer_growth", &PeriodValues::net_customer_growth},
    {"renewal_ratio", &PeriodValues::renewal_ratio},
    {"mean_recency_days", &PeriodValues::mean_recency_days},
    {"clv_historic", &PeriodValues::clv_historic},
    {"clv_margin", &PeriodValues::clv_margin},
    {"clv_predictive", &PeriodValues::clv_predictive},
    {"cac", &PeriodValues::cac},
    {"clv_to_cac", &PeriodValues::clv_to_cac},
    {"activity_window_days", &PeriodValues::activity_window_days},
};

class CustomerBaseIndicator : public vigie::sdk::Indicator {
 public:
  explicit CustomerBaseIndicator(const vigie::sdk::Config& config)
      : params_(Parameters::from(config)) {}

  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    if (request.periods.empty()) return;
    // An empty KPI list asks for everything.
    auto wants = [&](const char* kpi) {
      return request.kpis.empty() || request.wants(kpi);
    };
    const vigie::TableView& orders = request.required("orders");
    const vigie::TableView* customers = request.dataset("customers");
    const vigie::TableView* spend_table = request.dataset("marketing_spend");

    CustomerDirectory directory(orders, customers);
    PurchaseHistory history(orders, directory.size());
    std::optional<MarketingSpend> spend;
    if (spend_table) spend.emplace(*spend_table);
    PeriodCalculator calculator(history, params_, spend ? &*spend : nullptr,
                                request.periods);

    bool any_value = false;
    for (const ValueKpi& k : kValueKpis) any_value = any_value || wants(k.id);
    if (any_value) {
      const bool predictive = wants("clv_predictive");
      for (uint32_t i = 0; i < request.periods.size(); ++i) {
        PeriodValues values =
            calculator.compute(request.periods[i], predictive);
        for (const ValueKpi& k : kValueKpis) {
          if (!wants(k.id)) continue;
          for (const char* kpi : values.overflowed)
            if (std::string_view(kpi) == k.id) vigie::sdk::throw_overflow(kpi);
          sink.value(k.id, i, values.*(k.member));
        }
      }
    }

    const vigie_period& p = request.period();
    const int64_t as_of = p.end_us;
    if (wants("cac_by_channel"))
      sink.table("cac_by_channel",
                 cac_by_channel(history, directory, spend ? &*spend : nullptr,
                                p.start_us, p.end_us));
    const bool lists = wants("alert_1m") || wants("alert_2m");
    if (!lists && !wants("value_segments") && !wants("rfm_scores")) return;

    const int64_t rfm_window = params_.rfm_window_days * vigie::kMicrosPerDay;
    RfmRanking ranking(history, directory, as_of, rfm_window,
                       static_cast<int32_t>(params_.segment_names.size()));
    if (wants("value_segments"))
      sink.table("value_segments",
                 ranking.segment_table(params_.segment_names));
    if (wants("rfm_scores")) sink.table("rfm_scores", ranking.score_table());
    if (!lists) return;
    const int64_t window = calculator.activity_window(as_of).first;
    const int64_t day = vigie::kMicrosPerDay;
    const AlertBand first_month{as_of - params_.alert_2m_days * day,
                                as_of - params_.alert_1m_days * day};
    const AlertBand second_month{as_of - window,
                                 as_of - params_.alert_2m_days * day};
    if (wants("alert_1m"))
      sink.table("alert_1m", inactivity_list(history, directory, ranking,
                                             params_.segment_names, as_of,
                                             rfm_window, first_month));
    if (wants("alert_2m"))
      sink.table("alert_2m", inactivity_list(history, directory, ranking,
                                             params_.segment_names, as_of,
                                             rfm_window, second_month));
  }

 private:
  Parameters params_;
};

using vigie::sdk::input;
using vigie::sdk::option;
using vigie::sdk::output;

constexpr vigie_option kOptions[] = {
    option(VIGIE_OPTION_STRING, "activity_window", "90", false,
           "activity window A in days, or `auto` (mean recency of the "
           "customers active over 365 days)"),
    option(VIGIE_OPTION_INT, "alert_1m_days", "30", false,
           "alert_1m: last purchase at least this many days ago"),
    option(VIGIE_OPTION_INT, "alert_2m_days", "60", false,
           "alert_1m ends and alert_2m starts this many days ago"),
    option(VIGIE_OPTION_INT, "rfm_window_days", "365", false,
           "RFM window W in days"),
    option(VIGIE_OPTION_LIST, "segment_names", nullptr, false,
           "value segment names, best first (default: Très bons clients, "
           "Bons clients, Clients occasionnels, Clients très occasionnels)"),
    option(VIGIE_OPTION_NUMBER, "discount_rate", "0.10", false,
           "discount rate d of clv_predictive"),
    option(VIGIE_OPTION_INT, "recent_days", "180", false,
           "recent_customers: first purchase within this many days"),
};

constexpr vigie_output kOutputs[] = {
    output(VIGIE_OUTPUT_VALUE, "revenue", "Revenue", "currency",
           "sum of the amounts of the order lines of P"),
    output(VIGIE_OUTPUT_VALUE, "margin", "Margin", "currency",
           "sum of the margins of the order lines of P"),
    output(VIGIE_OUTPUT_VALUE, "margin_rate", "Margin rate", "ratio",
           "margin / revenue"),
    output(VIGIE_OUTPUT_VALUE, "orders", "Orders", "count",
           "purchases (orders with a total > 0) in P"),
    output(VIGIE_OUTPUT_VALUE, "avg_basket", "Average basket", "currency",
           "sum of the purchase totals / orders"),
    output(VIGIE_OUTPUT_VALUE, "buyers", "Buyers", "count",
           "customers with a purchase in P"),
    output(VIGIE_OUTPUT_VALUE, "active_customers", "Active customers", "count",
           "customers whose last purchase is within the activity window"),
    output(VIGIE_OUTPUT_VALUE, "new_customers", "New customers", "count",
           "customers whose first purchase ever is in P"),
    output(VIGIE_OUTPUT_VALUE, "recent_customers", "Recent customers", "count",
           "customers whose first purchase is less than recent_days old"),
    output(VIGIE_OUTPUT_VALUE, "lost_customers", "Lost customers", "count",
           "active customers that crossed the inactivity line during P",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, "churn_rate", "Churn rate", "ratio",
           "lost customers / active customers at the start of P",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, "net_customer_growth", "Net customer growth",
           "count", "new customers - lost customers"),
    output(VIGIE_OUTPUT_VALUE, "renewal_ratio", "Renewal ratio", "multiple",
           "new customers / lost customers"),
    output(VIGIE_OUTPUT_VALUE, "mean_recency_days", "Mean recency", "days",
           "mean days since the last purchase of the active customers",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, "clv_historic", "Historic CLV", "currency",
           "amount to date per customer who bought"),
    output(VIGIE_OUTPUT_VALUE, "clv_margin", "Historic CLV (margin)",
           "currency", "margin to date per customer who bought"),
    output(VIGIE_OUTPUT_VALUE, "clv_predictive", "Predictive CLV", "currency",
           "m r / (1 + d - r) over the last 12 months"),
    output(VIGIE_OUTPUT_VALUE, "cac", "Acquisition cost", "currency",
           "marketing spend of the months of P / new customers",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, "clv_to_cac", "CLV / CAC", "multiple",
           "clv_margin / cac"),
    output(VIGIE_OUTPUT_VALUE, "activity_window_days", "Activity window",
           "days", "the activity window A used", VIGIE_BETTER_NEITHER),
    output(VIGIE_OUTPUT_TABLE, "value_segments", "Value segments", "",
           "RFM value segments: customers, revenue, share, F, basket, R"),
    output(VIGIE_OUTPUT_TABLE, "rfm_scores", "RFM scores", "count",
           "customers per R, F, M score (1..5) combination"),
    output(VIGIE_OUTPUT_TABLE, "cac_by_channel", "CAC by channel", "currency",
           "spend, new customers and cac per acquisition channel"),
    output(VIGIE_OUTPUT_LIST, "alert_1m", "Inactive for 1 month", "",
           "customers whose last purchase is 30 to 60 days old"),
    output(VIGIE_OUTPUT_LIST, "alert_2m", "Inactive for 2 months", "",
           "customers whose last purchase is 60 days to A old"),
};

constexpr vigie_input kInputs[] = {
    input("orders", true),
    input("customers", false),
    input("marketing_spend", false),
};

}  // namespace
}  // namespace customer_base

VIGIE_INDICATOR_PLUGIN(customer_base::CustomerBaseIndicator, "customer_base",
                       "1.0.0",
                       "Customer base: revenue, customers, segments, CLV, CAC",
                       customer_base::kOptions, customer_base::kOutputs,
                       customer_base::kInputs)
