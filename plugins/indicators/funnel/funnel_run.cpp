#include "funnel_run.hpp"

#include <stdexcept>

#include "funnel_hits.hpp"
#include "funnel_walk.hpp"

namespace vigie::funnel {

namespace {

using namespace sdk::kernels;

}  // namespace

StepCounts Run::count_steps() const {
  const PeriodIndex periods(request.periods);
  const TableView* orders = nullptr;
  if (parameters.has_purchase_step()) {
    orders = request.dataset("orders");
    if (orders == nullptr)
      throw std::runtime_error(
          "a 'purchase' step needs dataset 'orders' (add a source with "
          "`dataset: orders`)");
  }
  const Hits hits =
      collect_hits(parameters, request.required("web_events"),
                   request.required("visitor_links"), orders, periods);

  const auto step_count = static_cast<int32_t>(parameters.steps.size());
  StepCounts out;
  out.persons.assign(static_cast<size_t>(periods.size()),
                     std::vector<int64_t>(static_cast<size_t>(step_count), 0));
  // Each period's hits, then each person's hits of that period in time
  // order: the person is the one of that period's as_of.
  const PeriodRows rows = PeriodIndex::rows_of(hits.period, periods.size());
  std::vector<int32_t> person;
  std::vector<int64_t> time;
  std::vector<StepMask> steps;
  StepWalker walker(step_count);
  for (int32_t p = 0; p < periods.size(); ++p) {
    person.clear();
    time.clear();
    steps.clear();
    for (int64_t hit : rows.of(static_cast<size_t>(p))) {
      const auto h = static_cast<size_t>(hit);
      person.push_back(hits.person[h]);
      time.push_back(hits.time[h]);
      steps.push_back(hits.steps[h]);
    }
    if (person.empty()) continue;
    const Timeline journeys(CodeSource(person, hits.person_count),
                            IntSource(time));
    std::vector<int64_t>& reached_step = out.persons[static_cast<size_t>(p)];
    for (int32_t who = 0; who < journeys.entity_count(); ++who) {
      const auto events = journeys.events(who);
      if (events.empty()) continue;
      const int32_t reached = walker.reached(events, steps);
      for (int32_t k = 0; k < reached; ++k)
        ++reached_step[static_cast<size_t>(k)];
    }
  }
  return out;
}

std::optional<double> conversion(Run& run, uint32_t period) {
  const auto& persons = run.counts().persons[period];
  return safe_ratio(persons.back(), persons.front());
}

std::optional<double> completions(Run& run, uint32_t period) {
  return static_cast<double>(run.counts().persons[period].back());
}

Table steps_table(Run& run) {
  const StepCounts& counts = run.counts();
  const auto& now = counts.persons[run.request.current];
  const int32_t previous = run.previous();
  const auto push_rate = [](Column& column, std::optional<double> rate) {
    if (rate)
      column.push_double(*rate);
    else
      column.push_null();
  };
  Table t;
  auto& step = t.add("step", Type::Int64);
  auto& name = t.add("name", Type::String);
  auto& persons = t.add("persons", Type::Int64, "count");
  auto& step_conversion = t.add("step_conversion", Type::Double, "ratio");
  auto& overall_conversion = t.add("overall_conversion", Type::Double, "ratio");
  auto& previous_persons = t.add("previous_persons", Type::Int64, "count");
  for (size_t k = 0; k < now.size(); ++k) {
    step.push_int(static_cast<int64_t>(k) + 1);
    name.push_string(run.parameters.steps[k].name);
    persons.push_int(now[k]);
    // The first step has no step before it: its step conversion is none.
    push_rate(step_conversion,
              k == 0 ? std::nullopt : safe_ratio(now[k], now[k - 1]));
    push_rate(overall_conversion, safe_ratio(now[k], now.front()));
    if (previous >= 0)
      previous_persons.push_int(
          counts.persons[static_cast<size_t>(previous)][k]);
    else
      previous_persons.push_null();
  }
  return t;
}

}  // namespace vigie::funnel
