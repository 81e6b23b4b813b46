// An indicator plugin run through plugin_host::Indicator, as the engine
// runs it: its results pass the host's checks (declared KPIs, periods in
// range, finite values, tables matching their schema) before a test sees
// them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/viewed_table.hpp"
#include "vigie/plugin.h"
#include "vigie/sdk/column.hpp"

namespace vigie::testing {

struct IndicatorRun {
  // By KPI, one entry a period of the request (nothing: no value).
  std::map<std::string, std::vector<std::optional<double>>> values;
  std::map<std::string, ViewedTable> tables;
  std::map<std::string, std::vector<std::string>> notes;

  // Throws when the KPI gave no value at all or the period is not one of
  // the request's.
  std::optional<double> value(const std::string& kpi, uint32_t period) const;
  // Throws when the KPI gave no table.
  const ViewedTable& table(const std::string& kpi) const;
};

using NamedTables = std::vector<std::pair<std::string, Table>>;

// Runs the built plugin vigie_<plugin>.so; `kpis` empty asks for all.
// Throws plugin_host::PluginError with the host's and the plugin's message.
IndicatorRun run_indicator(const std::string& plugin,
                           const std::map<std::string, std::string>& parameters,
                           NamedTables datasets,
                           const std::vector<vigie_period>& periods,
                           uint32_t current,
                           const std::vector<std::string>& kpis = {},
                           const std::string& locale = "en_GB",
                           const std::string& time_zone = "UTC");

// Creates the plugin with `parameters` only. Returns the plugin's own
// message when it refuses them (the host's "<who>: rejected its parameters:
// " taken off), nothing when it accepts them.
std::optional<std::string> parameters_refusal(
    const std::string& plugin,
    const std::map<std::string, std::string>& parameters);

}  // namespace vigie::testing
