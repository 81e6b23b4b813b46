// A KPI once computed: its value for P and P', the change, the status
// against its target, its series, and for tables and lists their rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plugin_host/descriptor.hpp"
#include "spec/spec.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::compute {

enum class Status { None, Ok, Warning, Alert };
const char* status_name(Status s);

struct KpiResult {
  std::string id;
  std::string label;
  std::string unit;
  std::string indicator;
  plugin_host::OutputKind kind = plugin_host::OutputKind::Value;
  // The target's direction when the spec sets one, else what the
  // indicator declares.
  plugin_host::Better better = plugin_host::Better::Higher;
  std::optional<double> value;         // P
  std::optional<double> previous;      // P'
  std::optional<double> change;        // value - previous
  std::optional<double> change_ratio;  // change / |previous|
  Status status = Status::None;
  std::optional<spec::Target> target;
  std::vector<std::optional<double>> series;  // the trend, oldest first
  // Every period of the plan, oldest first (value KPIs): what metrics
  // written in the spec compute from.
  std::vector<std::optional<double>> values;
  std::optional<Table> table;  // tables and lists
  std::vector<std::string> notes;
};

// Which way is better: the target's direction when the spec sets one, else
// what the KPI declares.
plugin_host::Better better_of(const std::optional<spec::Target>& target,
                              plugin_host::Better declared);

// Status of a value against a target (zones documented in spec.hpp).
Status evaluate_target(std::optional<double> value,
                       const std::optional<spec::Target>& target);

// Fills value, previous, change and status from a per-period series.
void summarise(KpiResult& kpi, const std::vector<std::optional<double>>& values,
               size_t current, size_t previous, size_t series_length);

}  // namespace vigie::compute
