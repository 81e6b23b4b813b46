#include "self_care_indicator.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

#include "vigie/sdk/exact_sum.hpp"

namespace vigie::self_care {

namespace {

constexpr double kMicrosPerHour = 3600.0 * kMicrosPerSecond;

using sdk::kernels::safe_ratio;

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

int64_t total(const std::vector<int64_t>& by_action) {
  return std::accumulate(by_action.begin(), by_action.end(), int64_t{0});
}

// The sum over the actions of acts(a) times a unit cost of a (10^4).
template <class UnitCost>
sdk::ExactSum cost_total(const SelfCareParameters& parameters,
                         const std::vector<int64_t>& acts, UnitCost unit_cost) {
  sdk::ExactSum sum;
  for (size_t a = 0; a < parameters.actions.size(); ++a)
    sum += cost_of(acts[a], unit_cost(parameters.actions[a]));
  return sum;
}
int64_t saved(const SelfCareAction& a) {
  return a.offline_cost - a.online_cost;
}
int64_t call_cost(const SelfCareAction& a) { return a.offline_cost; }

Table by_action_table(const SelfCareParameters& parameters,
                      const std::vector<int64_t>& online,
                      const std::vector<int64_t>& offline,
                      const PeriodRebound& rebound) {
  Table t;
  auto& action = t.add("action", Type::String);
  auto& online_column = t.add("online", Type::Int64);
  auto& offline_column = t.add("offline", Type::Int64);
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
    online_column.push_int(online[a]);
    offline_column.push_int(offline[a]);
    push_rate(adoption, safe_ratio(online[a], online[a] + offline[a]));
    unit_cost.push_int(cost.offline_cost);
    savings.push_int(sdk::narrow(cost_of(online[a], saved(cost)),
                                 "self_care_by_action.savings"));
    avoidable_cost.push_int(sdk::narrow(cost_of(offline[a], call_cost(cost)),
                                        "self_care_by_action.avoidable_cost"));
    pairs.push_int(rebound.pairs[a]);
    rebounded.push_int(rebound.rebounded[a]);
    push_rate(rebound_rate, safe_ratio(rebound.rebounded[a], rebound.pairs[a]));
  }
  return t;
}

Table failed_journeys_table(const SelfCareParameters& parameters,
                            const Calls& calls,
                            std::vector<FailedJourney> journeys) {
  // Customer id (byte order), then action code: a stable, readable order.
  std::sort(journeys.begin(), journeys.end(),
            [&](const FailedJourney& a, const FailedJourney& b) {
              auto ka = calls.customer_text(a.customer);
              auto kb = calls.customer_text(b.customer);
              return ka != kb ? ka < kb : a.action < b.action;
            });
  Table t;
  auto& customer = t.add("customer_id", Type::String);
  auto& action = t.add("action", Type::String);
  auto& last_web_event = t.add("last_web_event", Type::Timestamp);
  auto& call_at = t.add("call_at", Type::Timestamp);
  auto& hours_between = t.add("hours_between", Type::Double);
  for (const auto& j : journeys) {
    customer.push_string(calls.customer_text(j.customer));
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

}  // namespace

std::optional<double> savings(Run& run, uint32_t period) {
  return money(
      cost_total(run.parameters, run.online()[period], saved).value(run.kpi));
}

std::optional<double> digital_adoption(Run& run, uint32_t period) {
  const int64_t online = total(run.online()[period]);
  return safe_ratio(online, online + total(run.offline()[period]));
}

std::optional<double> avoidable_calls(Run& run, uint32_t period) {
  return static_cast<double>(total(run.offline()[period]));
}

std::optional<double> avoidable_cost(Run& run, uint32_t period) {
  return money(cost_total(run.parameters, run.offline()[period], call_cost)
                   .value(run.kpi));
}

std::optional<double> rebound_rate(Run& run, uint32_t period) {
  const ReboundFindings& rebound = run.rebound();
  if (period == run.request.current)
    rebound_coverage_note(run.sink, run.kpi, run.request.period(),
                          run.parameters.rebound_window_us,
                          rebound.latest_call);
  const PeriodRebound& counts = rebound.periods[period];
  return safe_ratio(total(counts.rebounded), total(counts.pairs));
}

std::optional<double> identified_call_share(Run& run, uint32_t period) {
  const InboundCalls& calls = run.inbound();
  return safe_ratio(calls.identified[period], calls.all[period]);
}

std::optional<double> online_actions(Run& run, uint32_t period) {
  return static_cast<double>(total(run.online()[period]));
}

Table by_action(Run& run) {
  const uint32_t current = run.request.current;
  return by_action_table(run.parameters, run.online()[current],
                         run.offline()[current],
                         run.rebound().periods[current]);
}

Table failed_journeys(Run& run) {
  return failed_journeys_table(run.parameters, run.calls(),
                               run.rebound().failed_journeys);
}

}  // namespace vigie::self_care
