#include "pipeline/list_profiles.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

#include "derive/catalog.hpp"

namespace vigie::pipeline {

derive::ProfileOptions profile_options(const plan::ReportPlan& plan,
                                       int64_t as_of_us) {
  derive::ProfileOptions options;
  options.as_of_us = as_of_us;
  for (const auto& run : plan.runs) {
    if (run.indicator != "customer_base") continue;
    const auto& p = run.parameters;
    if (auto w = p.find("rfm_window_days"); w != p.end())
      options.rfm_window_days = std::stoll(w->second);
    // A list parameter reaches a plugin as name.0, name.1, ...
    std::vector<std::string> names;
    for (size_t i = 0;; ++i) {
      auto n = p.find("segment_names." + std::to_string(i));
      if (n == p.end()) break;
      names.push_back(n->second);
    }
    if (!names.empty()) options.segment_names = std::move(names);
    break;
  }
  return options;
}

void join_profiles(std::vector<compute::KpiResult>& kpis,
                   const Table& profiles) {
  const Column* id = profiles.find("customer_id");
  if (id == nullptr) return;
  std::unordered_map<std::string_view, int64_t> row_of;
  row_of.reserve(static_cast<size_t>(profiles.rows()));
  for (int64_t row = 0; row < profiles.rows(); ++row)
    row_of.emplace(id->string_at(row), row);

  for (auto& kpi : kpis) {
    if (kpi.kind != plugin_host::OutputKind::List || !kpi.table) continue;
    Table& list = *kpi.table;
    const Column* customer = list.find("customer_id");
    if (customer == nullptr) continue;
    std::vector<int64_t> rows(static_cast<size_t>(list.rows()), -1);
    for (int64_t r = 0; r < list.rows(); ++r)
      if (customer->is_valid(r))
        if (auto it = row_of.find(customer->string_at(r)); it != row_of.end())
          rows[static_cast<size_t>(r)] = it->second;
    for (const std::string_view name : derive::profile_columns()) {
      const Column* from = profiles.find(name);
      if (from == nullptr || list.find(name) != nullptr) continue;
      Column& to = list.add(std::string(name), Type::String);
      for (const int64_t row : rows)
        if (row >= 0 && from->is_valid(row))
          to.push_string(from->string_at(row));
        else
          to.push_null();
    }
  }
}

}  // namespace vigie::pipeline
