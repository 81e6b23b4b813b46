#include "plan/column_reads.hpp"

#include "derive/catalog.hpp"
#include "table/canonical.hpp"

namespace vigie::plan {

void add_dataset_reads(std::string_view dataset, ColumnReads& reads) {
  if (const auto* canonical = table::find_dataset(dataset)) {
    auto& columns = reads[std::string(canonical->name)];
    for (const auto& c : canonical->columns) columns.emplace(c.name);
  } else if (const auto* derived = derive::find_derived(dataset)) {
    for (const std::string_view entry : derived->reads) {
      const auto dot = entry.find('.');
      reads[std::string(entry.substr(0, dot))].emplace(entry.substr(dot + 1));
    }
  }
}

std::vector<std::string> add_kpi_reads(
    const plugin_host::PluginDescriptor& indicator,
    const plugin_host::OutputDescriptor& output, ColumnReads& reads) {
  std::vector<std::string> unknown;
  if (output.reads.empty()) {
    for (const auto& input : indicator.inputs)
      add_dataset_reads(input.dataset, reads);
    return unknown;
  }
  for (const std::string& entry : output.reads) {
    const auto dot = entry.find('.');
    const std::string dataset = entry.substr(0, dot);
    const std::string column =
        dot == std::string::npos ? "" : entry.substr(dot + 1);
    if (derive::find_derived(dataset) != nullptr && !column.empty()) {
      // What a derived dataset holds comes from the columns it is built
      // from, whichever of its own columns the KPI reads.
      add_dataset_reads(dataset, reads);
      continue;
    }
    const auto* canonical = table::find_dataset(dataset);
    if (canonical == nullptr || column.empty()) {
      unknown.push_back(entry);
    } else if (column == "*") {
      add_dataset_reads(dataset, reads);
    } else if (canonical->find(column) != nullptr) {
      reads[dataset].insert(column);
    } else {
      unknown.push_back(entry);
    }
  }
  return unknown;
}

void add_metric_reads(const spec::Metric& metric, ColumnReads& reads) {
  if (metric.kind != spec::Metric::Kind::Aggregate) return;
  const auto* dataset = table::find_dataset(metric.dataset);
  if (dataset == nullptr) return;  // refused by the reader
  auto& columns = reads[metric.dataset];
  columns.emplace(dataset->time_column);
  if (!metric.column.empty()) columns.insert(metric.column);
  if (metric.by_profile) {
    // The customer's profile: its customer_id, and what the profiles are
    // derived from.
    columns.insert("customer_id");
    add_dataset_reads("customer_profiles", reads);
  } else if (!metric.by.empty()) {
    columns.insert(metric.by);
  }
  for (const auto& condition : metric.filter) columns.insert(condition.column);
}

void add_list_rule_reads(ColumnReads& reads) {
  reads["customers"].insert({"customer_id", "consent_marketing"});
}

void add_burst_reads(const spec::Burst& burst, ColumnReads& reads) {
  reads[burst.dataset].insert(burst.column);
  if (burst.dataset != "customers") return;
  for (auto& [dataset, columns] : reads) {
    const auto* canonical = table::find_dataset(dataset);
    if (canonical != nullptr && canonical->find("customer_id") != nullptr)
      columns.insert("customer_id");
  }
}

}  // namespace vigie::plan
