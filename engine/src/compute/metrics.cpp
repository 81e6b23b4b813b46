#include "compute/metrics.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "compute/kpi_runner.hpp"
#include "compute/metric_aggregate.hpp"
#include "compute/metric_references.hpp"
#include "plugin_host/plugin_error.hpp"
#include "spec/metric_graph.hpp"

namespace vigie::compute {
namespace {

class MetricRun {
 public:
  MetricRun(const std::vector<spec::Kpi>& kpis, const spec::Report& report,
            const Datasets& datasets, const PeriodPlan& plan,
            std::vector<KpiResult>& results)
      : kpis_(kpis),
        report_(report),
        datasets_(datasets),
        plan_(plan),
        results_(results) {
    for (std::size_t i = 0; i < kpis.size(); ++i) index_[kpis[i].id] = i;
  }

  void compute(std::size_t i) {
    const spec::Kpi& kpi = kpis_[i];
    const spec::Metric& m = *kpi.metric;
    KpiResult r;
    r.id = kpi.id;
    r.label = kpi.label.empty() ? kpi.id : kpi.label;
    r.unit = m.unit;
    r.indicator = "metric";
    r.target = kpi.target;
    // Which way is good is the spec's to say, with a target.
    r.better = better_of(kpi.target, plugin_host::Better::Neither);
    const std::size_t n = plan_.periods.size();
    PeriodValues values;
    switch (m.kind) {
      case spec::Metric::Kind::Aggregate: {
        const Table& table = dataset(kpi);
        if (!m.by.empty() || m.series) {
          r.kind = plugin_host::OutputKind::Table;
          r.table = !m.by.empty() ? aggregate_by_column(
                                        table, m, plan_.periods[plan_.current],
                                        plan_.periods[plan_.previous],
                                        report_.time_zone, profiles())
                                  : aggregate_series(table, m, current_period(),
                                                     report_.time_zone);
          results_[i] = std::move(r);
          return;
        }
        values =
            aggregate_by_period(table, m, plan_.periods, report_.time_zone);
        break;
      }
      case spec::Metric::Kind::Ratio:
        values = ratio_values(referred(m.references[0]),
                              referred(m.references[1]), n);
        break;
      case spec::Metric::Kind::Expression: {
        std::map<std::string, const PeriodValues*> variables;
        for (const auto& id : m.references) variables[id] = &referred(id);
        values = expression_values(m.expression, variables, n);
        break;
      }
      case spec::Metric::Kind::Cumulative:
        values = cumulative_values(
            referred(m.references[0]), plan_.periods, plan_.current,
            plan_.current + 1 - std::min(plan_.series, plan_.current + 1));
        if (r.unit.empty()) r.unit = results_[index_.at(m.references[0])].unit;
        break;
    }
    summarise(r, values, plan_.current, plan_.previous, plan_.series);
    results_[i] = std::move(r);
  }

 private:
  const Table& dataset(const spec::Kpi& kpi) const {
    auto it = datasets_.find(kpi.metric->dataset);
    if (it == datasets_.end() || !it->second)
      throw plugin_host::PluginError(fmt::format(
          "metric '{}': needs dataset '{}', which no source of the spec "
          "provides",
          kpi.id, kpi.metric->dataset));
    return *it->second;
  }

  // The derived customer_profiles, when the run built them.
  const Table* profiles() const {
    auto it = datasets_.find("customer_profiles");
    return it == datasets_.end() ? nullptr : it->second.get();
  }

  const PeriodValues& referred(const std::string& id) const {
    return results_[index_.at(id)].values;
  }

  CalendarPeriod current_period() const {
    const auto& id = plan_.periods[plan_.current].id;
    auto period = table::parse_period_id(report_.period, id);
    if (!period) throw std::invalid_argument("not a period id: " + id);
    return *period;
  }

  const std::vector<spec::Kpi>& kpis_;
  const spec::Report& report_;
  const Datasets& datasets_;
  const PeriodPlan& plan_;
  std::vector<KpiResult>& results_;
  std::map<std::string, std::size_t> index_;
};

}  // namespace

void compute_metrics(const std::vector<spec::Kpi>& kpis,
                     const spec::Report& report, const Datasets& datasets,
                     const PeriodPlan& plan, std::vector<KpiResult>& results) {
  MetricRun run(kpis, report, datasets, plan, results);
  for (std::size_t i : spec::order_metrics(kpis).order) {
    try {
      run.compute(i);
    } catch (const std::invalid_argument& e) {
      throw plugin_host::PluginError(
          fmt::format("metric '{}': {}", kpis[i].id, e.what()));
    }
  }
}

}  // namespace vigie::compute
