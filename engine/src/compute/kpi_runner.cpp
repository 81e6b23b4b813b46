#include "compute/kpi_runner.hpp"

#include <fmt/format.h>

#include <set>

#include "derive/catalog.hpp"
#include "plugin_host/indicator.hpp"
#include "plugin_host/options.hpp"
#include "plugin_host/plugin_error.hpp"

namespace vigie::compute {

PeriodPlan plan_periods(const spec::Spec& spec, Month report) {
  PeriodPlan plan;
  plan.series = static_cast<size_t>(std::max(spec.report.series, 1));
  // Enough periods for the trend and for the year-ago comparison.
  const size_t count = std::max<size_t>(plan.series, 13);
  plan.periods = month_periods(report, static_cast<int>(count),
                               spec.report.time_zone, spec.report.locale);
  plan.current = count - 1;
  plan.previous = spec.report.comparison == spec::Comparison::PreviousYear
                      ? plan.current - 12
                      : plan.current - 1;
  return plan;
}

namespace {

const vigie_output* find_output(const vigie_plugin_info& info,
                                const std::string& id) {
  for (uint32_t i = 0; i < info.output_count; ++i)
    if (id == info.outputs[i].id) return &info.outputs[i];
  return nullptr;
}

}  // namespace

std::vector<std::string> derived_inputs(const spec::Spec& spec,
                                        const plugin_host::Registry& plugins) {
  std::set<std::string> read;
  for (const auto& kpi : spec.kpis) {
    const vigie_plugin_info& info = plugins.library(kpi.indicator)->info();
    for (uint32_t i = 0; i < info.input_count; ++i)
      if (info.inputs[i].dataset != nullptr)
        read.insert(info.inputs[i].dataset);
  }
  std::vector<std::string> wanted;
  for (const auto& d : derive::derived_datasets())
    if (read.contains(std::string(d.name))) wanted.emplace_back(d.name);
  return wanted;
}

std::vector<KpiResult> compute_kpis(const spec::Spec& spec,
                                    const plugin_host::Registry& plugins,
                                    const Datasets& datasets,
                                    const PeriodPlan& plan) {
  using Key = std::pair<std::string, std::map<std::string, std::string>>;
  std::map<Key, std::vector<size_t>> groups;  // -> indexes into spec.kpis
  for (size_t i = 0; i < spec.kpis.size(); ++i)
    groups[{spec.kpis[i].indicator, spec.kpis[i].parameters.values}].push_back(
        i);

  std::vector<KpiResult> results(spec.kpis.size());
  const auto periods = as_abi(plan.periods);
  for (const auto& [key, members] : groups) {
    const auto& [name, given] = key;
    auto library = plugins.library(name);
    const vigie_plugin_info& info = library->info();
    const std::string who = fmt::format("plugin '{}' (indicator)", name);
    auto parameters = plugin_host::resolve_options(info, given, who);

    std::vector<plugin_host::InputDataset> inputs;
    for (uint32_t i = 0; i < info.input_count; ++i) {
      const std::string dataset = info.inputs[i].dataset;
      auto it = datasets.find(dataset);
      const auto* derived = derive::find_derived(dataset);
      if (it != datasets.end())
        inputs.push_back({dataset, it->second});
      else if (info.inputs[i].required && derived != nullptr)
        throw plugin_host::PluginError(fmt::format(
            "{}: needs dataset '{}', derived from {}, which no source of the "
            "spec provides (add a source with `dataset: {}`)",
            who, dataset, derived->from, derived->from));
      else if (info.inputs[i].required)
        throw plugin_host::PluginError(fmt::format(
            "{}: needs dataset '{}', which no source of the spec provides "
            "(add a source with `dataset: {}`)",
            who, dataset, dataset));
    }
    std::vector<std::string> ids;
    for (size_t m : members) ids.push_back(spec.kpis[m].id);

    plugin_host::Indicator indicator(library, parameters, who);
    auto out =
        indicator.compute(inputs, periods, static_cast<uint32_t>(plan.current),
                          ids, spec.report.locale);

    for (size_t m : members) {
      const spec::Kpi& k = spec.kpis[m];
      const vigie_output* o = find_output(info, k.id);
      if (o == nullptr)
        throw plugin_host::PluginError(
            fmt::format("{}: has no KPI '{}'", who, k.id));
      KpiResult r;
      r.id = k.id;
      r.label = k.label.empty() ? (o->label ? o->label : k.id) : k.label;
      r.unit = o->unit ? o->unit : "";
      r.indicator = name;
      r.kind = static_cast<vigie_output_kind>(o->kind);
      r.target = k.target;
      r.better = o->better;
      if (k.target)
        r.better = k.target->direction == spec::Direction::Higher
                       ? VIGIE_BETTER_HIGHER
                       : VIGIE_BETTER_LOWER;
      if (r.kind == VIGIE_OUTPUT_VALUE) {
        auto v = out.values.find(k.id);
        summarise(r,
                  v == out.values.end() ? std::vector<std::optional<double>>{}
                                        : v->second,
                  plan.current, plan.previous, plan.series);
      } else if (auto t = out.tables.find(k.id); t != out.tables.end()) {
        r.table = std::move(t->second);
      } else {
        throw plugin_host::PluginError(
            fmt::format("{}: gave no rows for '{}'", who, k.id));
      }
      if (auto n = out.notes.find(k.id); n != out.notes.end())
        r.notes = n->second;
      results[m] = std::move(r);
    }
  }
  return results;
}

}  // namespace vigie::compute
