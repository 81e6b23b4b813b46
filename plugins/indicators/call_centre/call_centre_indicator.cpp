#include "call_centre_indicator.hpp"

#include <string_view>
#include <unordered_map>

#include "reason_ranking.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/ratio.hpp"

namespace vigie::call_centre {

namespace {

using sdk::kernels::safe_ratio;

constexpr double kMicrosPerDayDouble = static_cast<double>(kMicrosPerDay);

void push_rate(Column& column, std::optional<double> rate) {
  if (rate)
    column.push_double(*rate);
  else
    column.push_null();
}

// A table of calls by the codes of `column`, with their share of the
// period's inbound calls; the calls without a code last, under a null key,
// so that the rows add up to the offered calls.
Table calls_by(std::string_view key, const ColumnView* column,
               const Ranking& ranking) {
  Table t;
  auto& code = t.add(std::string(key), Type::String);
  auto& calls = t.add("calls", Type::Int64);
  auto& share = t.add("share", Type::Double, "ratio");
  for (const RankedCode& r : ranking.codes) {
    code.push_string(column->dictionary_at(r.code));
    calls.push_int(r.calls);
    push_rate(share, safe_ratio(r.calls, ranking.total));
  }
  if (ranking.without_code > 0) {
    code.push_null();
    calls.push_int(ranking.without_code);
    push_rate(share, safe_ratio(ranking.without_code, ranking.total));
  }
  return t;
}

Ranking current_ranking(Run& run, const ColumnView* column,
                        const Calls::Outcomes* outcomes) {
  return rank_calls(column, run.inbound_period(),
                    static_cast<int32_t>(run.request.current), outcomes);
}

// Repeat calls of a period's last days come after its end; say so when the
// calls data stop before the window closes. The words are the engine's
// (message ids of its catalog), in days.
void repeat_coverage_note(const sdk::Sink& sink, const char* kpi,
                          const vigie_period& period, int64_t window_us,
                          int64_t latest_call) {
  if (latest_call >= period.end_us + window_us) return;
  const auto days = [](int64_t us) {
    return static_cast<double>(us) / kMicrosPerDayDouble;
  };
  if (latest_call < period.end_us)
    return sink.message(kpi, "call_centre.fcr_calls_end_before_period_end",
                        {sdk::arg::number("window", days(window_us))});
  sink.message(kpi, "call_centre.fcr_calls_end_within_window",
               {sdk::arg::number("window", days(window_us)),
                sdk::arg::number("after", days(latest_call - period.end_us)),
                sdk::arg::number(
                    "open", days(period.end_us + window_us - latest_call))});
}

}  // namespace

std::optional<double> offered(Run& run, uint32_t period) {
  return static_cast<double>(run.offered()[period]);
}

std::optional<double> answered(Run& run, uint32_t period) {
  return static_cast<double>(run.outcomes().answered[period]);
}

std::optional<double> abandoned(Run& run, uint32_t period) {
  return static_cast<double>(run.outcomes().abandoned[period]);
}

std::optional<double> abandonment_rate(Run& run, uint32_t period) {
  return safe_ratio(run.outcomes().abandoned[period], run.offered()[period]);
}

sdk::Series service_level(Run& run) {
  const int64_t threshold = run.parameters.service_level_seconds;
  // Several formulas exist in the trade: the report prints this one.
  run.sink.message(
      run.kpi, "call_centre.service_level_formula",
      {sdk::arg::count("threshold", static_cast<double>(threshold))});
  sdk::Series out(static_cast<size_t>(run.period_count()));
  // Without a wait_s column no call is known to be within the threshold.
  if (run.calls().waits() == nullptr) return out;
  const std::vector<int64_t> within = count_answered_within(
      run.calls(), run.inbound_period(), run.period_count(), threshold);
  for (size_t p = 0; p < out.size(); ++p)
    out[p] = safe_ratio(within[p], run.offered()[p]);
  return out;
}

sdk::Series asa(Run& run) {
  return mean_of_answered(run.calls(), run.calls().waits(),
                          run.inbound_period(), run.period_count());
}

sdk::Series aht(Run& run) {
  return mean_of_answered(run.calls(), run.calls().handles(),
                          run.inbound_period(), run.period_count());
}

std::optional<double> fcr(Run& run, uint32_t period) {
  const FirstContact& first = run.first_contact();
  if (period == run.request.current)
    repeat_coverage_note(run.sink, run.kpi, run.request.period(),
                         run.parameters.repeat_window_us, first.latest_inbound);
  return safe_ratio(first.resolved[period], first.measured[period]);
}

Table calls_by_reason(Run& run) {
  const ColumnView* reasons = run.calls().reasons();
  return calls_by("reason", reasons, current_ranking(run, reasons, nullptr));
}

Table calls_by_queue(Run& run) {
  const ColumnView* queues = run.calls().queues();
  return calls_by("queue", queues, current_ranking(run, queues, nullptr));
}

Table top_reasons(Run& run) {
  const ColumnView* reasons = run.calls().reasons();
  const Ranking ranking = current_ranking(run, reasons, nullptr);
  Table t;
  auto& rank = t.add("rank", Type::Int64);
  auto& reason = t.add("reason", Type::String);
  auto& calls = t.add("calls", Type::Int64);
  auto& share = t.add("share", Type::Double, "ratio");
  const auto shown = std::min<size_t>(
      ranking.codes.size(), static_cast<size_t>(run.parameters.top_reasons));
  for (size_t i = 0; i < shown; ++i) {
    const RankedCode& r = ranking.codes[i];
    rank.push_int(static_cast<int64_t>(i) + 1);
    reason.push_string(reasons->dictionary_at(r.code));
    calls.push_int(r.calls);
    push_rate(share, safe_ratio(r.calls, ranking.total));
  }
  return t;
}

Table online_reasons(Run& run) {
  const ColumnView* reasons = run.calls().reasons();
  const Calls::Outcomes outcomes = run.calls().outcomes();
  const Ranking ranking = current_ranking(run, reasons, &outcomes);
  // The cost table's actions by code, looked up once a reason code.
  std::unordered_map<std::string_view, const OnlineAction*> actions;
  for (const OnlineAction& a : run.parameters.online_actions)
    actions.emplace(a.code, &a);

  Table t;
  auto& rank = t.add("rank", Type::Int64);
  auto& reason = t.add("reason", Type::String);
  auto& calls = t.add("calls", Type::Int64);
  auto& share = t.add("share", Type::Double, "ratio");
  auto& answered_calls = t.add("answered", Type::Int64);
  auto& unit_cost = t.add("unit_cost", Type::Decimal);
  auto& cost_at_stake = t.add("cost_at_stake", Type::Decimal);
  int64_t shown = 0;
  for (const RankedCode& r : ranking.codes) {
    if (shown == run.parameters.top_reasons) break;
    const std::string_view code = reasons->dictionary_at(r.code);
    const auto it = actions.find(code);
    if (it == actions.end()) continue;
    rank.push_int(++shown);
    reason.push_string(code);
    calls.push_int(r.calls);
    push_rate(share, safe_ratio(r.calls, ranking.total));
    answered_calls.push_int(r.answered);
    unit_cost.push_int(it->second->offline_cost);
    // Answered calls times the unit cost, exact in 128 bits: a cost in the
    // wrong unit fails the KPI instead of wrapping around. An abandoned
    // call took no agent's time: self_care's avoidable_cost counts the
    // same answered calls, so both print the same amount.
    cost_at_stake.push_int(
        sdk::narrow(sdk::WideInt{r.answered} * it->second->offline_cost,
                    "online_reasons.cost_at_stake"));
  }
  return t;
}

}  // namespace vigie::call_centre
