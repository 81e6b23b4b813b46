#include "spec/block_columns.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "derive/catalog.hpp"
#include "spec/suggest.hpp"

namespace vigie::spec {

namespace {

// The columns a report shows of the KPI's table: for an operational list,
// as the personal-data rule leaves them (output/personal_data.cpp): the
// customer id becomes its keyed hash, customer_key, unless the lists carry
// raw ids; e-mail and consent are never shown. A list of customers also
// has the profile columns joined to its rows (derive/catalog.hpp,
// pipeline/list_profiles.cpp).
std::vector<std::string> shown_columns(const OutputDescriptor& output,
                                       bool raw_customer_id) {
  std::vector<std::string> out;
  const bool list = output.kind == OutputKind::List;
  bool customers = false;
  for (const auto& column : output.columns) {
    const std::string& name = column.name;
    if (list && (name == "email" || name == "consent_marketing")) continue;
    customers |= name == "customer_id";
    if (list && name == "customer_id" && !raw_customer_id)
      out.emplace_back("customer_key");
    else
      out.push_back(name);
  }
  if (list && customers)
    for (const std::string_view profile : derive::profile_columns())
      if (std::find(out.begin(), out.end(), profile) == out.end())
        out.emplace_back(profile);
  return out;
}

}  // namespace

void check_block_columns(Document& doc, const std::string& kpi,
                         const OutputDescriptor& output, bool raw_customer_id,
                         const std::vector<NamedColumn>& named) {
  if (output.columns.empty()) return;
  const std::vector<std::string> declared =
      shown_columns(output, raw_customer_id);
  for (const auto& column : named) {
    if (std::find(declared.begin(), declared.end(), column.name) !=
        declared.end())
      continue;
    doc.error(column.at,
              fmt::format("KPI '{}' has no column '{}';{} its columns: {}", kpi,
                          column.name, did_you_mean(column.name, declared),
                          join(declared)));
  }
}

void check_number_columns(Document& doc, const std::string& kpi,
                          const OutputDescriptor& output,
                          const std::vector<NamedColumn>& named) {
  using plugin_host::ColumnType;
  const auto is_number = [](ColumnType t) {
    return t == ColumnType::Int64 || t == ColumnType::Double ||
           t == ColumnType::Decimal;
  };
  std::vector<std::string> numbers;
  for (const auto& column : output.columns)
    if (is_number(column.type)) numbers.push_back(column.name);
  for (const auto& column : named) {
    const auto it =
        std::find_if(output.columns.begin(), output.columns.end(),
                     [&](const auto& c) { return c.name == column.name; });
    if (it == output.columns.end() || is_number(it->type)) continue;
    doc.error(column.at,
              fmt::format("column '{}' of KPI '{}' is not a number, and "
                          "this place takes numbers; its number columns: {}",
                          column.name, kpi,
                          numbers.empty() ? "none" : join(numbers)));
  }
}

}  // namespace vigie::spec
