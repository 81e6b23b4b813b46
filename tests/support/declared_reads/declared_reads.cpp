#include "support/declared_reads/declared_reads.hpp"

#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>

#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

// Whether `read` ("dataset.column" or "dataset.*") names the column.
bool names(std::string_view read, std::string_view dataset,
           std::string_view column) {
  const size_t dot = read.find('.');
  if (dot == std::string_view::npos || read.substr(0, dot) != dataset)
    return false;
  const std::string_view rest = read.substr(dot + 1);
  return rest == "*" || rest == column;
}

std::optional<Column> nulls_like(const Column& column) {
  Column out(column.name, column.type);
  out.unit = column.unit;
  if (column.type == Type::Dictionary)
    out.dictionary = std::make_shared<const StringPool>();
  for (int64_t row = 0; row < column.size(); ++row) out.push_null();
  return out;
}

// `tables` with the columns for which change_it(dataset, column) holds
// replaced by change(column), or left out when it gives none.
template <class ChangeIt, class Change>
NamedTables changed(const NamedTables& tables, ChangeIt change_it,
                    Change change) {
  NamedTables out;
  for (const auto& [dataset, table] : tables) {
    Table copy;
    for (const Column& column : table.columns) {
      if (!change_it(dataset, column.name))
        copy.columns.push_back(column);
      else if (std::optional<Column> replaced = change(column))
        copy.columns.push_back(std::move(*replaced));
    }
    out.emplace_back(dataset, std::move(copy));
  }
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
      return "'" + std::string(column.string_at(row)) + "'";
  }
  return "?";
}

std::string run_text(const IndicatorRun& run, const std::string& kpi) {
  std::string text;
  if (auto values = run.values.find(kpi); values != run.values.end())
    for (size_t p = 0; p < values->second.size(); ++p)
      text += "period " + std::to_string(p) + ": " +
              (values->second[p] ? number_text(*values->second[p]) : "null") +
              "\n";
  if (auto table = run.tables.find(kpi); table != run.tables.end()) {
    const TableView& view = table->second.view();
    for (const ColumnView& column : view.columns()) {
      text += column.name() + ":";
      for (int64_t row = 0; row < view.rows(); ++row)
        text += " " + cell_text(column, row);
      text += "\n";
    }
  }
  if (auto notes = run.notes.find(kpi); notes != run.notes.end())
    for (const std::string& note : notes->second)
      text += "note: " + note + "\n";
  return text;
}

NamedTables copy(const NamedTables& tables) { return tables; }

}  // namespace

std::vector<KpiReads> declared_reads(const std::string& plugin) {
  const auto library = load_plugin(plugin);
  const vigie_plugin_info& info = library->info();
  std::vector<KpiReads> out;
  for (uint32_t i = 0; i < info.output_count; ++i) {
    const vigie_output& output = info.outputs[i];
    KpiReads kpi{output.id, {}};
    for (uint32_t r = 0; r < output.read_count; ++r)
      kpi.reads.emplace_back(output.reads[r]);
    out.push_back(std::move(kpi));
  }
  return out;
}

NamedTables keep_only(const NamedTables& tables,
                      const std::vector<std::string>& reads) {
  return changed(
      tables,
      [&](const std::string& dataset, const std::string& column) {
        for (const std::string& read : reads)
          if (names(read, dataset, column)) return false;
        return true;
      },
      [](const Column&) { return std::optional<Column>(); });
}

NamedTables without(const NamedTables& tables, const std::string& read) {
  return changed(
      tables,
      [&](const std::string& dataset, const std::string& column) {
        return names(read, dataset, column);
      },
      nulls_like);
}

std::string output_text(const std::string& plugin,
                        const std::map<std::string, std::string>& parameters,
                        const NamedTables& tables,
                        const std::vector<vigie_period>& periods,
                        uint32_t current, const std::string& kpi) {
  try {
    return run_text(run_indicator(plugin, parameters, copy(tables), periods,
                                  current, {kpi}),
                    kpi);
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

std::optional<std::string> reads_beyond_its_declaration(const IndicatorCase& c,
                                                        const KpiReads& kpi) {
  const std::string full = output_text(c.plugin, c.parameters, c.tables,
                                       c.periods, c.current, kpi.kpi);
  const std::string declared =
      output_text(c.plugin, c.parameters, keep_only(c.tables, kpi.reads),
                  c.periods, c.current, kpi.kpi);
  if (full == declared) return std::nullopt;
  std::string reads;
  for (const std::string& read : kpi.reads) reads += " " + read;
  return kpi.kpi + " reads a column it does not declare (declared:" + reads +
         ")\non the full tables:\n" + full +
         "with only the declared columns:\n" + declared;
}

std::vector<std::string> declarations_the_fixture_cannot_show(
    const IndicatorCase& c, const KpiReads& kpi) {
  const std::string full = output_text(c.plugin, c.parameters, c.tables,
                                       c.periods, c.current, kpi.kpi);
  std::vector<std::string> out;
  for (const std::string& read : kpi.reads)
    if (output_text(c.plugin, c.parameters, without(c.tables, read), c.periods,
                    c.current, kpi.kpi) == full)
      out.push_back(read);
  return out;
}

}  // namespace vigie::testing
