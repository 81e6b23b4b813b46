// The attribution indicator: section 5 of the KPI catalog. Each purchase of
// P by an identified customer is a conversion; the sessions of that person
// in the window before it are its touchpoints, and five models split its
// credit across their sources, then set against the marketing spend of the
// months of P. Choices where the catalog leaves room are in
// docs/kpi-choices.md, "attribution".
#include <optional>
#include <string>
#include <vector>

#include <map>
#include <string>
#include "customer_directory.hpp"
#include "marketing_spend.hpp"

#include "channel_credit.hpp"
#include "order_conversions.hpp"
#include "person_sessions.hpp"
#include "vigie/sdk.hpp"
#include "vigie/sdk/local_months.hpp"

namespace attribution {
namespace {

namespace sdk = vigie::sdk;
using vigie::Type;

struct Parameters {
  int64_t window_days = 30;
  double half_life_days = 7;
  // The channel of a session's source, where the names differ from those
  // of marketing_spend and acquisition_channel ("google/cpc" -> search);
  // a source not listed is its own channel.
  std::map<std::string, std::string> source_channels;
};

// The passes the KPIs share, each made at most once a compute.
struct Run : sdk::Compute<Parameters> {
  using Compute::Compute;

  const OrderConversions& book() {
    return book_.get(
        [&] { return OrderConversions(request.required("orders")); });
  }
  const sdk::LocalMonths& months() {
    return months_.get([&] { return sdk::LocalMonths(request.time_zone); });
  }
  // None without the dataset (or its month and spend columns).
  const crm_tables::MarketingSpend* spend() {
    const auto& spend = spend_.get([&] {
      const vigie::TableView* table = request.dataset("marketing_spend");
      return table && table->find("month") && table->find("spend")
                 ? std::optional<crm_tables::MarketingSpend>(std::in_place,
                                                             *table, months())
                 : std::nullopt;
    });
    return spend ? &*spend : nullptr;
  }
  // Spend is given by month: a period that is not made of whole months (a
  // week, a day) has no return on spend, and the report says why.
  void note_when_spend_is_monthly() {
    const vigie_period& p = request.period();
    if (spend() != nullptr && !months().whole_months(p.start_us, p.end_us))
      sink.message(kpi, "attribution.spend_needs_months");
  }

  // The credit of P's conversions, their people stitched at P's as_of.
  ChannelCredit credit() {
    const vigie_period& p = request.period();
    const int64_t window = parameters.window_days * vigie::kMicrosPerDay;
    const PersonSessions sessions(
        request.required("sessions"), request.required("visitor_links"),
        book().customer_count(), p.end_us, p.start_us - window, p.end_us);
    return ChannelCredit(
        book().in(p.start_us, p.end_us), sessions,
        {window,
         parameters.half_life_days * static_cast<double>(vigie::kMicrosPerDay)},
        parameters.source_channels);
  }
  SpendFacts spend_facts() {
    const vigie_period& p = request.period();
    SpendFacts facts;
    if (const crm_tables::MarketingSpend* monthly = spend()) {
      facts.spend = monthly->by_channel_in(p.start_us, p.end_us);
      facts.has_margin = book().has_margin();
      facts.clv_margin = book().clv_margin(p.end_us);
      const crm_tables::CustomerDirectory directory(
          request.required("orders"), request.dataset("customers"));
      facts.new_customer_channels =
          new_customer_channels(book(), directory, p.start_us, p.end_us);
    }
    return facts;
  }

 private:
  sdk::Lazy<OrderConversions> book_;
  sdk::Lazy<sdk::LocalMonths> months_;
  sdk::Lazy<std::optional<crm_tables::MarketingSpend>> spend_;
};

sdk::Series conversions(Run& run) {
  const std::vector<int64_t> counts = run.book().count_by_period(
      vigie::sdk::kernels::PeriodIndex(run.request.periods));
  sdk::Series out;
  for (const int64_t count : counts) out.push_back(static_cast<double>(count));
  return out;
}

vigie::Table attribution_by_channel(Run& run) {
  run.note_when_spend_is_monthly();
  return attribution_table(run.credit(), run.spend_facts());
}

constexpr sdk::Option<Parameters> kOptions[] = {
    sdk::field<&Parameters::window_days>(
        "window_days", "30",
        "sessions starting this many days before a conversion are its "
        "touchpoints")
        .at_least(1),
    sdk::field<&Parameters::half_life_days>(
        "half_life_days", "7", "half-life of a touchpoint's time_decay weight")
        .above(0),
    sdk::field<&Parameters::source_channels>(
        "source_channels", nullptr,
        "the channel of a session source, as marketing_spend names it "
        "(google/cpc: search); an unlisted source is its own channel"),
};

constexpr const char* kConversionReads[] = {
    "orders.order_id", "orders.customer_id", "orders.ordered_at",
    "orders.amount"};
constexpr const char* kTableReads[] = {"orders.order_id",
                                       "orders.customer_id",
                                       "orders.ordered_at",
                                       "orders.amount",
                                       "orders.margin",
                                       "sessions.visitor_id",
                                       "sessions.started_at",
                                       "sessions.source",
                                       "visitor_links.visitor_id",
                                       "visitor_links.customer_id",
                                       "visitor_links.since",
                                       "marketing_spend.month",
                                       "marketing_spend.channel",
                                       "marketing_spend.spend",
                                       "customers.customer_id",
                                       "customers.acquisition_channel"};

constexpr vigie_column kTableColumns[] = {
    sdk::column("model", Type::String),
    sdk::column("channel", Type::String),
    sdk::column("conversions", Type::Double),
    sdk::column("revenue", Type::Double, "currency"),
    sdk::column("spend", Type::Decimal),
    sdk::column("roas", Type::Double, "multiple"),
    sdk::column("roi", Type::Double, "ratio"),
    sdk::column("long_term_value", Type::Double, "multiple"),
};

constexpr sdk::Kpi<Run> kKpis[] = {
    sdk::value_kpi<Run>("conversions", "Conversions", "count",
                        "purchases in P by identified customers", &conversions)
        .reading(kConversionReads),
    sdk::table_kpi<Run>(
        VIGIE_OUTPUT_TABLE, "attribution_by_channel", "Attribution by channel",
        "",
        "credited conversions and revenue per model and channel, and the "
        "return on the channel's marketing spend",
        kTableColumns, &attribution_by_channel)
        .reading(kTableReads),
};

constexpr vigie_input kInputs[] = {
    sdk::input("orders", true),           sdk::input("sessions", true),
    sdk::input("visitor_links", true),    sdk::input("customers", false),
    sdk::input("marketing_spend", false),
};

}  // namespace
}  // namespace attribution

VIGIE_KPI_INDICATOR_PLUGIN(attribution::Run, "attribution", "1.0.0",
                           "Attribution: conversions credited to channels, "
                           "return on marketing spend",
                           attribution::kOptions, attribution::kKpis,
                           attribution::kInputs)
