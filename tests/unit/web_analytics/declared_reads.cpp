#include "declared_reads.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

bool is_read(const std::vector<std::string>& reads, const std::string& dataset,
             const std::string& column) {
  return std::find(reads.begin(), reads.end(), dataset + ".*") != reads.end() ||
         std::find(reads.begin(), reads.end(), dataset + "." + column) !=
             reads.end();
}

Column nulls_like(const Column& column) {
  Column out(column.name, column.type);
  out.unit = column.unit;
  if (column.type == Type::Dictionary)
    out.dictionary = std::make_shared<StringPool>();
  for (int64_t row = 0; row < column.size(); ++row) out.push_null();
  return out;
}

std::string number_text(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

std::string cell_text(const ColumnView& column, int64_t row) {
  if (!column.is_valid(row)) return "null";
  switch (column.type()) {
    case Type::Int64:
    case Type::Decimal:
    case Type::Timestamp:
      return std::to_string(column.ints()[row]);
    case Type::Double:
      return number_text(column.doubles()[row]);
    case Type::Bool:
      return column.bool_at(row) ? "true" : "false";
    case Type::String:
    case Type::Dictionary:
      return std::string(column.string_at(row));
  }
  return "?";
}

}  // namespace

std::vector<std::string> declared_reads(const std::string& plugin,
                                        const std::string& kpi) {
  const auto library = load_plugin(plugin);
  const vigie_plugin_info& info = library->info();
  for (uint32_t i = 0; i < info.output_count; ++i) {
    const vigie_output& output = info.outputs[i];
    if (output.id != kpi) continue;
    return std::vector<std::string>(output.reads,
                                    output.reads + output.read_count);
  }
  throw std::runtime_error("plugin '" + plugin + "' declares no KPI '" + kpi +
                           "'");
}

std::vector<std::string> declared_kpis(const std::string& plugin) {
  const auto library = load_plugin(plugin);
  const vigie_plugin_info& info = library->info();
  std::vector<std::string> out;
  for (uint32_t i = 0; i < info.output_count; ++i)
    out.emplace_back(info.outputs[i].id);
  return out;
}

NamedTables only_declared_columns(NamedTables datasets,
                                  const std::vector<std::string>& reads) {
  for (auto& [name, table] : datasets)
    for (Column& column : table.columns)
      if (!is_read(reads, name, column.name)) column = nulls_like(column);
  return datasets;
}

std::string results_text(const IndicatorRun& run) {
  std::string out;
  for (const auto& [kpi, values] : run.values) {
    out += kpi + ":";
    for (const auto& v : values) out += " " + (v ? number_text(*v) : "none");
    out += "\n";
  }
  for (const auto& [kpi, table] : run.tables) {
    out += kpi + ":\n";
    const TableView& view = table.view();
    for (const ColumnView& column : view.columns()) out += column.name() + ";";
    out += "\n";
    for (int64_t row = 0; row < view.rows(); ++row) {
      for (const ColumnView& column : view.columns())
        out += cell_text(column, row) + ";";
      out += "\n";
    }
  }
  for (const auto& [kpi, notes] : run.notes)
    for (const std::string& note : notes) out += kpi + " note: " + note + "\n";
  return out;
}

}  // namespace vigie::testing
