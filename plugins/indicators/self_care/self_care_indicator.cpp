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

// Hours with one decimal, in the report's language ("12,5" in French).
std::string hours_text(double hours, bool french) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", hours);
  std::string out = text;
  if (french) std::replace(out.begin(), out.end(), '.', ',');
  if (out.size() > 2 &&
      out.compare(out.size() - 2, 2, french ? ",0" : ".0") == 0)
    out.resize(out.size() - 2);
  return out;
}

// The rebound of the latest web events of a period shows only in calls
// after its end; say so when the calls data stop before the window closes.
std::optional<std::string> rebound_coverage_note(const vigie_period& period,
                                                 int64_t window_us,
                                                 int64_t latest_call,
                                                 bool french) {
  if (latest_call >= period.end_us + window_us) return std::nullopt;
  const std::string window =
      hours_text(static_cast<double>(window_us) / kMicrosPerHour, french);
  if (latest_call < period.end_us)
    return french
               ? "Un appel jusqu'à " + window +
                     " h après un événement web compte, même après la fin de "
                     "la période, mais les données d'appels s'arrêtent avant "
                     "cette fin : les derniers événements web peuvent encore "
                     "rebondir."
               : "A call up to " + window +
                     " h after a web event counts, even after the end of the "
                     "period, but the calls data stop before its end: the "
                     "latest web events may still rebound.";
  const std::string after = hours_text(
      static_cast<double>(latest_call - period.end_us) / kMicrosPerHour,
      french);
  const std::string open =
      hours_text(static_cast<double>(period.end_us + window_us - latest_call) /
                     kMicrosPerHour,
                 french);
  return french
             ? "Un appel jusqu'à " + window +
                   " h après un événement web compte, même après la fin de "
                   "la période ; les données d'appels s'arrêtent " +
                   after + " h après cette fin, donc les événements web des " +
                   open +
                   " dernières heures de la période peuvent encore "
                   "rebondir."
             : "A call up to " + window +
                   " h after a web event counts, even after the end of the "
                   "period; the calls data stop " +
                   after + " h after its end, so web events of the last " +
                   open + " h of the period may still rebound.";
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
    if (auto note = rebound_coverage_note(
            run.request.period(), run.parameters.rebound_window_us,
            rebound.latest_call, run.request.french()))
      run.sink.note(run.kpi, *note);
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
