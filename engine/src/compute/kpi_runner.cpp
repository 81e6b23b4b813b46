#include "compute/kpi_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compute/metrics.hpp"
#include "derive/catalog.hpp"
#include "locale/catalog.hpp"
#include "plugin_host/indicator.hpp"
#include "plugin_host/plugin_error.hpp"

namespace vigie::compute {

PeriodPlan plan_periods(const spec::Report& report, CalendarPeriod period,
                        bool comparison_trend) {
  PeriodPlan plan;
  plan.series = static_cast<size_t>(std::max(report.series, 1));
  const bool year = report.comparison == spec::Comparison::PreviousYear;
  const auto compared_to = [year](const CalendarPeriod& p) {
    return year ? p.a_year_before() : p.plus(-1);
  };
  // The trend's periods, consecutive and ending with P; P' is the one
  // before P or, a year before, stands alone ahead of them when the trend
  // does not reach it: a daily report compared with the same day a year
  // before computes 13 days, not 366. The comparison lines of charts add
  // the comparison period of each period shown.
  const CalendarPeriod compared = compared_to(period);
  const size_t trend = std::max<size_t>(plan.series, 2);
  std::vector<CalendarPeriod> periods;
  for (size_t back = trend; back-- > 0;)
    periods.push_back(period.plus(-static_cast<int>(back)));
  std::vector<CalendarPeriod> shown(
      periods.end() - static_cast<long>(plan.series), periods.end());
  std::vector<CalendarPeriod> ahead{compared};
  if (comparison_trend)
    for (const CalendarPeriod& p : shown) ahead.push_back(compared_to(p));
  for (const CalendarPeriod& p : ahead)
    if (std::find(periods.begin(), periods.end(), p) == periods.end())
      periods.push_back(p);
  std::sort(periods.begin(), periods.end(),
            [](const CalendarPeriod& a, const CalendarPeriod& b) {
              return a.first < b.first;
            });
  plan.periods = calendar_periods(periods, report.time_zone, report.locale);
  plan.current = periods.size() - 1;
  const auto index_of = [&](const CalendarPeriod& p) {
    return static_cast<size_t>(std::find(periods.begin(), periods.end(), p) -
                               periods.begin());
  };
  plan.previous = index_of(compared);
  for (const CalendarPeriod& p : shown) {
    const size_t i = index_of(compared_to(p));
    plan.compared.push_back(i < periods.size() ? std::optional<size_t>(i)
                                               : std::nullopt);
  }
  return plan;
}

namespace {

// The periods as an indicator's request carries them.
std::vector<plugin_host::RequestPeriod> request_periods(
    const std::vector<Period>& periods) {
  std::vector<plugin_host::RequestPeriod> out;
  for (const auto& p : periods) out.push_back({p.start_us, p.end_us});
  return out;
}

// What a KPI is called when the spec gives it no label: the catalog's
// words for a built-in plugin's KPI, in the report's language, else the
// plugin's descriptor, else its id.
std::string default_label(const locale::Locale& words,
                          const std::string& indicator,
                          const plugin_host::OutputDescriptor& output) {
  const std::string id = "kpi." + indicator + "." + output.id;
  if (locale::find_message(id) != nullptr) return locale::text(words, id);
  return output.label.value_or(output.id);
}

}  // namespace

std::vector<KpiResult> compute_kpis(const std::vector<plan::IndicatorRun>& runs,
                                    const std::vector<spec::Kpi>& kpis,
                                    const spec::Report& report,
                                    const plugin_host::Registry& plugins,
                                    const Datasets& datasets,
                                    const PeriodPlan& plan) {
  std::vector<KpiResult> results(kpis.size());
  const locale::Locale words(report.locale, report.time_zone, report.currency);
  const auto periods = request_periods(plan.periods);
  for (const auto& run : runs) {
    const std::string& name = run.indicator;
    const std::vector<size_t>& members = run.kpis;
    auto library = plugins.library(name);
    const plugin_host::PluginDescriptor& info = library->descriptor();
    const std::string who = fmt::format("plugin '{}' (indicator)", name);
    const auto& parameters = run.parameters;

    std::vector<plugin_host::InputDataset> inputs;
    for (const auto& input : info.inputs) {
      const std::string& dataset = input.dataset;
      auto it = datasets.find(dataset);
      const auto* derived = derive::find_derived(dataset);
      if (it != datasets.end())
        inputs.push_back({dataset, it->second});
      else if (input.required && derived != nullptr)
        throw plugin_host::PluginError(fmt::format(
            "{}: needs dataset '{}', derived from {}, which no source of the "
            "spec provides (add a source with `dataset: {}`)",
            who, dataset, derived->from, derived->from));
      else if (input.required)
        throw plugin_host::PluginError(fmt::format(
            "{}: needs dataset '{}', which no source of the spec provides "
            "(add a source with `dataset: {}`)",
            who, dataset, dataset));
    }
    std::vector<std::string> ids;
    for (size_t m : members) ids.push_back(kpis[m].output);

    plugin_host::Indicator indicator(library, parameters, who);
    auto out =
        indicator.compute(inputs, periods, static_cast<uint32_t>(plan.current),
                          ids, words, static_cast<uint32_t>(plan.previous));

    for (size_t m : members) {
      const spec::Kpi& k = kpis[m];
      const plugin_host::OutputDescriptor* o = info.find_output(k.output);
      if (o == nullptr)
        throw plugin_host::PluginError(
            fmt::format("{}: has no KPI '{}'", who, k.output));
      KpiResult r;
      r.id = k.id;
      r.label = k.label.empty() ? default_label(words, name, *o) : k.label;
      r.unit = o->unit;
      r.indicator = name;
      r.kind = o->kind;
      r.target = k.target;
      r.better = better_of(k.target, o->better);
      if (r.kind == plugin_host::OutputKind::Value) {
        auto v = out.values.find(k.output);
        summarise(r,
                  v == out.values.end() ? std::vector<std::optional<double>>{}
                                        : v->second,
                  plan.current, plan.previous, plan.series);
      } else if (auto t = out.tables.find(k.output); t != out.tables.end()) {
        // Two KPIs of one run may show the same output: each gets a copy.
        r.table = t->second;
      } else {
        throw plugin_host::PluginError(
            fmt::format("{}: gave no rows for '{}'", who, k.output));
      }
      if (auto n = out.notes.find(k.output); n != out.notes.end())
        r.notes = n->second;
      results[m] = std::move(r);
    }
  }
  compute_metrics(kpis, report, datasets, plan, results);
  return results;
}

}  // namespace vigie::compute
