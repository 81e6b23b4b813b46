#include "output/exports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "io/file_writer.hpp"
#include "locale/locale.hpp"
#include "output/cell_text.hpp"
#include "secrets/redactor.hpp"
#include "table/csv_field.hpp"

namespace vigie::output {
namespace {

using nlohmann::json;

json optional_number(std::optional<double> v) {
  return v ? json(*v) : json(nullptr);
}

const char* kind_name(plugin_host::OutputKind k) {
  switch (k) {
    case plugin_host::OutputKind::Table:
      return "table";
    case plugin_host::OutputKind::List:
      return "list";
    default:
      return "value";
  }
}

json cell_json(const Column& c, int64_t row, const std::string& tz) {
  if (!c.is_valid(row)) return nullptr;
  const auto i = static_cast<size_t>(row);
  switch (c.type) {
    case Type::Int64:
      return c.ints[i];
    case Type::Double:
      return c.doubles[i];
    case Type::Bool:
      return c.bools[i] != 0;
    default:
      return cell_text(c, row, tz);  // exact text for decimals, times
  }
}

json table_json(const Table& t, const std::string& tz) {
  json columns = json::array();
  for (const auto& c : t.columns)
    columns.push_back(
        {{"name", c.name},
         {"type", c.type == Type::Dictionary ? "string" : type_name(c.type)},
         {"unit", c.unit}});
  json rows = json::array();
  for (int64_t r = 0; r < t.rows(); ++r) {
    json row = json::array();
    for (const auto& c : t.columns) row.push_back(cell_json(c, r, tz));
    rows.push_back(std::move(row));
  }
  return {{"columns", columns}, {"rows", rows}};
}

// Every string of the document, keys included, with secrets hidden: one
// walk at the end rather than a call at each place a string is put.
json without_secrets(const json& j) {
  if (j.is_string()) return secrets::redact(j.get_ref<const std::string&>());
  if (j.is_array()) {
    json out = json::array();
    for (const auto& item : j) out.push_back(without_secrets(item));
    return out;
  }
  if (j.is_object()) {
    json out = json::object();
    for (const auto& [key, value] : j.items())
      out[secrets::redact(key)] = without_secrets(value);
    return out;
  }
  return j;
}

}  // namespace

void write_kpis_json(const std::filesystem::path& path, const RunInfo& run,
                     const compute::PeriodPlan& plan,
                     const std::vector<compute::KpiResult>& kpis,
                     const ingest::RejectLog& rejects,
                     const std::vector<std::string>& notes) {
  const auto& p = plan.periods[plan.current];
  const auto& q = plan.periods[plan.previous];
  json doc;
  doc["schema"] = "vigie.kpis/1";
  doc["report"] = {{"id", run.report_id},
                   {"title", run.title},
                   {"time_zone", run.time_zone},
                   {"generated_at", run.generated_at},
                   {"run_id", run.run_id},
                   {"period",
                    {{"id", p.id},
                     {"label", p.label},
                     {"start", timestamp_text(p.start_us, run.time_zone)},
                     {"end", timestamp_text(p.end_us, run.time_zone)}}},
                   {"comparison",
                    {{"kind", run.comparison},
                     {"id", q.id},
                     {"label", q.label},
                     {"start", timestamp_text(q.start_us, run.time_zone)},
                     {"end", timestamp_text(q.end_us, run.time_zone)}}}};
  json sources = json::array();
  for (const auto& [id, c] : rejects.counts()) {
    json source = {
        {"source", id}, {"rows_read", c.read}, {"rows_rejected", c.rejected}};
    if (c.unmatched) source["unmatched_ids"] = *c.unmatched;
    if (c.repaired) source["repaired_values"] = *c.repaired;
    if (c.first_us)
      source["first"] = timestamp_text(*c.first_us, run.time_zone);
    if (c.last_us) source["last"] = timestamp_text(*c.last_us, run.time_zone);
    sources.push_back(std::move(source));
  }
  doc["data_quality"] = {{"sources", sources},
                         {"rows_rejected", rejects.total_rejected()},
                         {"notes", notes}};
  json out = json::array();
  const size_t first =
      plan.current + 1 - std::min(plan.series, plan.current + 1);
  for (const auto& k : kpis) {
    json j = {{"id", k.id},
              {"label", k.label},
              {"unit", k.unit},
              {"indicator", k.indicator},
              {"kind", kind_name(k.kind)}};
    if (k.kind == plugin_host::OutputKind::Value) {
      j["value"] = optional_number(k.value);
      j["previous"] = optional_number(k.previous);
      j["change"] = optional_number(k.change);
      j["change_ratio"] = optional_number(k.change_ratio);
      j["status"] =
          k.target ? json(compute::status_name(k.status)) : json(nullptr);
      if (k.target) {
        j["target"] = {
            {"value", k.target->objective},
            {"direction", k.target->direction == spec::Direction::Higher
                              ? "higher"
                              : "lower"},
            {"warning", optional_number(k.target->warning)},
            {"alert", optional_number(k.target->alert)}};
      } else {
        j["target"] = nullptr;
      }
      json series = json::array();
      for (size_t i = 0; i < k.series.size(); ++i)
        series.push_back({{"period", plan.periods[first + i].id},
                          {"value", optional_number(k.series[i])}});
      j["series"] = series;
    } else if (k.table) {
      j.update(table_json(*k.table, run.time_zone));
    }
    j["notes"] = k.notes;
    out.push_back(std::move(j));
  }
  doc["kpis"] = out;
  // Ingest lets only valid UTF-8 in, but a plugin's label, note or table
  // text is not checked there: a bad byte becomes U+FFFD here rather than
  // a type_error thrown out of the writer.
  io::write_file(path, without_secrets(doc).dump(
                           2, ' ', false, json::error_handler_t::replace) +
                           "\n");
}

void write_table_csv(const std::filesystem::path& path, const Table& table,
                     const std::string& time_zone,
                     const table::CsvDialect& dialect) {
  std::string text(dialect.bom ? table::kUtf8Bom : "");
  const char sep = dialect.separator;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i) text += sep;
    text += table::csv_field(table.columns[i].name, sep);
  }
  text += table::kCsvLineEnd;
  for (int64_t r = 0; r < table.rows(); ++r) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& c = table.columns[i];
      std::string cell = cell_text(c, r, time_zone);
      if (c.type == Type::Decimal || c.type == Type::Double)
        std::replace(cell.begin(), cell.end(), '.', dialect.decimal);
      if (i) text += sep;
      text += table::csv_field(cell, sep);
    }
    text += table::kCsvLineEnd;
  }
  io::write_file(path, text);
}

table::CsvDialect list_csv_dialect(const spec::CsvFormat& format,
                                   const std::string& locale) {
  const bool french = locale::Locale(locale).french();
  table::CsvDialect d;
  d.separator = format.separator.value_or(french ? ';' : ',');
  d.decimal = format.decimal.value_or(french ? ',' : '.');
  d.bom = format.bom.value_or(french);
  // Both given and equal is refused by the spec reader: one was defaulted.
  if (d.separator == d.decimal) {
    if (format.separator)
      d.decimal = '.';
    else
      d.separator = ';';
  }
  return d;
}

void write_rejects_csv(const std::filesystem::path& path,
                       const ingest::RejectLog& rejects) {
  std::string text = "source,origin,line,reason";
  text += table::kCsvLineEnd;
  for (const auto& r : rejects.rejects()) {
    text += table::csv_field(r.source) + ',' + table::csv_field(r.origin) +
            ',' + std::to_string(r.line) + ',' + table::csv_field(r.reason);
    text += table::kCsvLineEnd;
  }
  io::write_file(path, text);
}

}  // namespace vigie::output
