#include "self_care_indicator.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

#include "vigie/sdk/exact_sum.hpp"

namespace vigie::self_care {

namespace {

constexpr double kMicrosPerHour = 3600.0 * kMicrosPerSecond;

// A rate whose denominator is 0 has no value (KPI-CATALOG.md, Time).
std::optional<double> ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

double money(int64_t scaled) {
  return static_cast<double>(scaled) / static_cast<double>(kDecimalScale);
}

void push_rate(Column& column, std::optional<double> rate) {
  if (rate)
    column.push_double(*rate);
  else
    column.push_null();
}

// Acts times a unit cost (scaled by 10^4), exact in 128 bits: a cost in
// the wrong unit fails the KPI (narrow) instead of wrapping around.
sdk::WideInt cost_of(int64_t acts, int64_t unit_cost) {
  return sdk::WideInt{acts} * unit_cost;
}

// Sums of one period over every action of the cost table (the rebound's
// only when it is given).
struct PeriodTotals {
  int64_t online = 0;
  int64_t offline = 0;
  sdk::ExactSum savings;         // scaled by 10^4
  sdk::ExactSum avoidable_cost;  // scaled by 10^4
  int64_t pairs = 0;
  int64_t rebounded = 0;
};

PeriodTotals totals(const SelfCareParameters& parameters,
                    const PeriodUsage& usage,
                    const PeriodRebound* rebound = nullptr) {
  PeriodTotals t;
  for (size_t a = 0; a < parameters.actions.size(); ++a) {
    const auto& action = parameters.actions[a];
    t.online += usage.online[a];
    t.offline += usage.offline[a];
    t.savings +=
        cost_of(usage.online[a], action.offline_cost - action.online_cost);
    t.avoidable_cost += cost_of(usage.offline[a], action.offline_cost);
    if (rebound == nullptr) continue;
    t.pairs += rebound->pairs[a];
    t.rebounded += rebound->rebounded[a];
  }
  return t;
}

Table by_action_table(const SelfCareParameters& parameters,
                      const PeriodUsage& usage, const PeriodRebound& rebound) {
  Table t;
  auto& action = t.add("action", Type::String);
  auto& online = t.add("online", Type::Int64);
  auto& offline = t.add("offline", Type::Int64);
  auto& adoption = t.add("digital_adoption", Type::Double, "ratio");
  auto& unit_cost = t.add("unit_cost", Type::Decimal);
  auto& savings = t.add("savings", Type::Decimal);
  auto& avoidable_cost = t.add("avoidable_cost", Type::Decimal);
  auto& pairs = t.add("pairs", Type::Int64);
  auto& rebounded = t.add("rebounded", Type::Int64);
  auto& rebound_rate = t.add("rebound_rate", Type::Double, "ratio");
  for (size_t a = 0; a < parameters.actions.size(); ++a) {
    const auto& cost = parameters.actions[a];
    action.push_string(cost.code);
    online.push_int(usage.online[a]);
    offline.push_int(usage.offline[a]);
    push_rate(adoption,
              ratio(usage.online[a], usage.online[a] + usage.offline[a]));
    unit_cost.push_int(cost.offline_cost);
    savings.push_int(sdk::narrow(
        cost_of(usage.online[a], cost.offline_cost - cost.online_cost),
        "self_care_by_action.savings"));
    avoidable_cost.push_int(
        sdk::narrow(cost_of(usage.offline[a], cost.offline_cost),
                    "self_care_by_action.avoidable_cost"));
    pairs.push_int(rebound.pairs[a]);
    rebounded.push_int(rebound.rebounded[a]);
    push_rate(rebound_rate, ratio(rebound.rebounded[a], rebound.pairs[a]));
  }
  return t;
}

Table failed_journeys_table(const SelfCareParameters& parameters,
                            const WebEvents& events,
                            std::vector<FailedJourney> journeys) {
  // Customer id (byte order), then action code: a stable, readable order.
  std::sort(journeys.begin(), journeys.end(),
            [&](const FailedJourney& a, const FailedJourney& b) {
              auto ka = events.customer_text(a.customer);
              auto kb = events.customer_text(b.customer);
              return ka != kb ? ka < kb : a.action < b.action;
            });
  Table t;
  auto& customer = t.add("customer_id", Type::String);
  auto& action = t.add("action", Type::String);
  auto& last_web_event = t.add("last_web_event", Type::Timestamp);
  auto& call_at = t.add("call_at", Type::Timestamp);
  auto& hours_between = t.add("hours_between", Type::Double);
  for (const auto& j : journeys) {
    customer.push_string(events.customer_text(j.customer));
    action.push_string(parameters.actions[static_cast<size_t>(j.action)].code);
    last_web_event.push_int(j.last_web_event);
    call_at.push_int(j.call_at);
    hours_between.push_double(
        static_cast<double>(j.call_at - j.last_web_event) / kMicrosPerHour);
  }
  return t;
}

// The rebound of the latest web events of a period shows only in calls
// after its end; say so when the calls data stop before the window closes.
// The words are the engine's (message ids of its catalog), in hours.
void rebound_coverage_note(const sdk::Sink& sink, const std::string& kpi,
                           const vigie_period& period, int64_t window_us,
                           int64_t latest_call) {
  if (latest_call >= period.end_us + window_us) return;
  const auto hours = [](int64_t us) {
    return static_cast<double>(us) / kMicrosPerHour;
  };
  if (latest_call < period.end_us)
    return sink.message(kpi, "self_care.rebound_calls_end_before_period_end",
                        {sdk::arg::hours("window", hours(window_us))});
  sink.message(kpi, "self_care.rebound_calls_end_within_window",
               {sdk::arg::hours("window", hours(window_us)),
                sdk::arg::hours("after", hours(latest_call - period.end_us)),
                sdk::arg::hours(
                    "open", hours(period.end_us + window_us - latest_call))});
}

PeriodTotals usage_totals(Run& run, uint32_t period) {
  return totals(run.parameters, run.usage()[period]);
}

}  // namespace

std::optional<double> savings(Run& run, uint32_t period) {
  return money(usage_totals(run, period).savings.value(run.kpi));
}

std::optional<double> digital_adoption(Run& run, uint32_t period) {
  PeriodTotals t = usage_totals(run, period);
  return ratio(t.online, t.online + t.offline);
}

std::optional<double> avoidable_calls(Run& run, uint32_t period) {
  return static_cast<double>(usage_totals(run, period).offline);
}

std::optional<double> avoidable_cost(Run& run, uint32_t period) {
  return money(usage_totals(run, period).avoidable_cost.value(run.kpi));
}

std::optional<double> rebound_rate(Run& run, uint32_t period) {
  const ReboundFindings& rebound = run.rebound();
  if (period == run.request.current)
    rebound_coverage_note(run.sink, run.kpi, run.request.period(),
                          run.parameters.rebound_window_us,
                          rebound.latest_call);
  PeriodTotals t =
      totals(run.parameters, run.usage()[period], &rebound.periods[period]);
  return ratio(t.rebounded, t.pairs);
}

std::optional<double> identified_call_share(Run& run, uint32_t period) {
  const PeriodUsage& usage = run.usage()[period];
  return ratio(usage.identified_inbound_calls, usage.inbound_calls);
}

std::optional<double> online_actions(Run& run, uint32_t period) {
  return static_cast<double>(usage_totals(run, period).online);
}

Table by_action(Run& run) {
  const uint32_t current = run.request.current;
  return by_action_table(run.parameters, run.usage()[current],
                         run.rebound().periods[current]);
}

Table failed_journeys(Run& run) {
  return failed_journeys_table(run.parameters, run.events(),
                               run.rebound().failed_journeys);
}

}  // namespace vigie::self_care
