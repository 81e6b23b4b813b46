#include "support/run_indicator.hpp"

#include <memory>
#include <stdexcept>

#include "plugin_host/indicator.hpp"
#include "plugin_host/plugin_error.hpp"
#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

std::string who(const std::string& plugin) { return "plugin '" + plugin + "'"; }

}  // namespace

std::optional<double> IndicatorRun::value(const std::string& kpi,
                                          uint32_t period) const {
  auto it = values.find(kpi);
  if (it == values.end())
    throw std::runtime_error("no value emitted for " + kpi);
  if (period >= it->second.size())
    throw std::runtime_error("no period " + std::to_string(period) + " of " +
                             kpi);
  return it->second[period];
}

const ViewedTable& IndicatorRun::table(const std::string& kpi) const {
  auto it = tables.find(kpi);
  if (it == tables.end())
    throw std::runtime_error("no table emitted for " + kpi);
  return it->second;
}

IndicatorRun run_indicator(const std::string& plugin,
                           const std::map<std::string, std::string>& parameters,
                           NamedTables datasets,
                           const std::vector<vigie_period>& periods,
                           uint32_t current,
                           const std::vector<std::string>& kpis,
                           const std::string& locale,
                           const std::string& time_zone) {
  plugin_host::Indicator indicator(load_plugin(plugin), parameters,
                                   who(plugin));
  std::vector<plugin_host::InputDataset> inputs;
  for (auto& [name, table] : datasets)
    inputs.push_back({name, std::make_shared<const Table>(std::move(table))});
  std::vector<plugin_host::RequestPeriod> request_periods;
  for (const vigie_period& p : periods)
    request_periods.push_back({p.start_us, p.end_us});
  plugin_host::IndicatorResults results =
      indicator.compute(inputs, request_periods, current, kpis,
                        locale::Locale(locale, time_zone));
  IndicatorRun run;
  run.values = std::move(results.values);
  run.notes = std::move(results.notes);
  for (auto& [kpi, table] : results.tables)
    run.tables.try_emplace(kpi, std::move(table));
  return run;
}

std::optional<std::string> parameters_refusal(
    const std::string& plugin,
    const std::map<std::string, std::string>& parameters) {
  auto library = load_plugin(plugin);
  try {
    plugin_host::Indicator indicator(library, parameters, who(plugin));
    return std::nullopt;
  } catch (const plugin_host::PluginError& e) {
    const std::string message = e.what();
    const std::string prefix = who(plugin) + ": rejected its parameters: ";
    if (message.rfind(prefix, 0) != 0)
      throw std::logic_error("a refusal not led by '" + prefix +
                             "': " + message);
    return message.substr(prefix.size());
  }
}

}  // namespace vigie::testing
