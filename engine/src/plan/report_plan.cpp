#include "plan/report_plan.hpp"

#include <fmt/format.h>

#include "derive/catalog.hpp"
#include "plan/column_reads.hpp"
#include "plugin_host/options.hpp"
#include "plugin_host/plugin_error.hpp"
#include "table/canonical.hpp"

namespace vigie::plan {
namespace {

class PlanBuilder {
 public:
  PlanBuilder(const spec::Spec& spec, const spec::PluginCatalog& plugins)
      : spec_(spec), plugins_(plugins) {}

  PlanResult build() {
    ReportPlan plan;
    plan.file = spec_.file;
    plan.report = spec_.report;
    plan.kpis = spec_.kpis;
    plan.layout = spec_.sections;
    plan.outputs = spec_.outputs;
    plan.schedule = spec_.schedule;
    plan.delivery = spec_.delivery;
    plan.burst = spec_.burst;
    plan.runs = indicator_runs();
    plan.derived = derived_needed();
    ColumnReads reads = columns_read(plan.derived);
    plan.datasets = datasets(reads);
    for (const auto& lookup : spec_.lookups)
      if (const auto* info = plugins_.find(lookup.connector))
        plan.lookups.push_back(
            {lookup, resolved(*info, lookup.config,
                              fmt::format("plugin '{}' (lookup '{}')",
                                          lookup.connector, lookup.id),
                              lookup.location)});
    PlanResult result;
    result.errors = std::move(errors_);
    if (result.errors.empty()) result.plan = std::move(plan);
    return result;
  }

 private:
  // Options are checked against the descriptors once, here: a value the
  // reader let through that the plugin host would refuse is a spec error
  // at its place, before any data is read.
  std::map<std::string, std::string> resolved(
      const plugin_host::PluginDescriptor& info, const spec::Settings& given,
      const std::string& who, const spec::Location& where) {
    try {
      return plugin_host::resolve_options(info, given.values, who);
    } catch (const plugin_host::PluginError& e) {
      errors_.push_back({where, e.what()});
      return {};
    }
  }

  // One run a (indicator, parameters), in that order, KPIs in spec order.
  std::vector<IndicatorRun> indicator_runs() {
    using Key = std::pair<std::string, std::map<std::string, std::string>>;
    std::map<Key, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < spec_.kpis.size(); ++i)
      if (!spec_.kpis[i].metric)  // computed by the engine, not a plugin
        groups[{spec_.kpis[i].indicator, spec_.kpis[i].parameters.values}]
            .push_back(i);
    std::vector<IndicatorRun> runs;
    for (auto& [key, members] : groups) {
      const plugin_host::PluginDescriptor* info = plugins_.find(key.first);
      if (info == nullptr) continue;  // reported by the reader
      const spec::Kpi& first = spec_.kpis[members.front()];
      runs.push_back(
          {key.first,
           resolved(*info, first.parameters,
                    fmt::format("plugin '{}' (indicator)", key.first),
                    first.location),
           members});
    }
    return runs;
  }

  // The derived datasets the indicators of the requested KPIs take, and
  // the customer profiles that every operational list row carries (when
  // the orders they are derived from are read).
  std::vector<std::string> derived_needed() const {
    std::set<std::string> taken;
    bool profiled = false;  // a list of customers, or a KPI by profile
    for (const auto& kpi : spec_.kpis)
      if (const auto* info = plugins_.find(kpi.indicator)) {
        for (const auto& input : info->inputs) taken.insert(input.dataset);
        const auto* output = info->find_output(kpi.output);
        profiled |=
            output != nullptr && output->kind == plugin_host::OutputKind::List;
      }
    for (const auto& kpi : spec_.kpis)
      profiled |= kpi.metric && kpi.metric->by_profile;  // by: value_segment
    if (profiled && fills("orders")) taken.insert("customer_profiles");
    if (taken.contains("customer_profiles") && fills("web_events"))
      taken.insert({"sessions", "visitor_links"});
    std::vector<std::string> out;
    for (const auto& d : derive::derived_datasets())
      if (taken.contains(std::string(d.name))) out.emplace_back(d.name);
    return out;
  }

  bool fills(std::string_view dataset) const {
    for (const auto& source : spec_.sources)
      if (source.dataset == dataset) return true;
    return false;
  }

  ColumnReads columns_read(const std::vector<std::string>& derived) {
    ColumnReads reads;
    bool lists = false;
    for (const auto& kpi : spec_.kpis) {
      if (!kpi.metric) continue;
      add_metric_reads(*kpi.metric, reads);
      if (kpi.metric->by_profile && !fills("orders"))
        errors_.push_back(
            {kpi.location,
             fmt::format("KPI '{}' is broken down by '{}', a column of the "
                         "customer profiles, which are derived from orders: "
                         "add a source with `dataset: orders`",
                         kpi.id, kpi.metric->by)});
    }
    for (const auto& kpi : spec_.kpis) {
      const auto* info = plugins_.find(kpi.indicator);
      const auto* output = info ? info->find_output(kpi.output) : nullptr;
      if (output == nullptr) continue;
      lists |= output->kind == plugin_host::OutputKind::List;
      for (const auto& entry : add_kpi_reads(*info, *output, reads))
        errors_.push_back(
            {kpi.location,
             fmt::format("indicator '{}' says KPI '{}' reads '{}', which is "
                         "not a column of a canonical or derived dataset "
                         "(expected \"dataset.column\" or \"dataset.*\")",
                         kpi.indicator, kpi.id, entry)});
    }
    for (const auto& d : derived) add_dataset_reads(d, reads);
    if (lists) add_list_rule_reads(reads);
    if (spec_.burst) add_burst_reads(*spec_.burst, reads);
    return reads;
  }

  std::vector<DatasetPlan> datasets(const ColumnReads& reads) {
    std::vector<DatasetPlan> out;
    for (const auto& dataset : table::canonical_datasets()) {
      DatasetPlan plan;
      plan.name = dataset.name;
      for (const auto& source : spec_.sources) {
        if (source.dataset != dataset.name) continue;
        const auto* info = plugins_.find(source.connector);
        if (info == nullptr) continue;  // reported by the reader
        plan.sources.push_back(
            {source, resolved(*info, source.config,
                              fmt::format("plugin '{}' (source '{}')",
                                          source.connector, source.id),
                              source.location)});
      }
      if (plan.sources.empty()) continue;
      if (auto it = reads.find(plan.name); it != reads.end())
        plan.columns_read = it->second;
      out.push_back(std::move(plan));
    }
    return out;
  }

  const spec::Spec& spec_;
  const spec::PluginCatalog& plugins_;
  std::vector<spec::Diagnostic> errors_;
};

}  // namespace

PlanResult build_plan(const spec::Spec& spec,
                      const spec::PluginCatalog& plugins) {
  return PlanBuilder(spec, plugins).build();
}

PlanResult read_plan(const std::filesystem::path& file,
                     const spec::PluginCatalog& plugins,
                     const spec::Environment& env) {
  auto read = spec::read_spec(file, plugins, env);
  if (!read.errors.empty()) return PlanResult{std::nullopt, read.errors};
  return build_plan(*read.spec, plugins);
}

}  // namespace vigie::plan
