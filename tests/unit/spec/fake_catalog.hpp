// A PluginCatalog over static descriptors, standing for loaded plugins:
// a connector with options of every type (one secret), a second connector,
// and two indicators, one with outputs of each kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/plugin_catalog.hpp"

namespace vigie::spec::testing {

using plugin_host::ColumnDescriptor;
using plugin_host::ColumnType;
using plugin_host::InputDescriptor;
using plugin_host::OptionBound;

// An option with no range and no choices.
inline OptionDescriptor opt(OptionType type, const char* key,
                            const char* default_value, bool required,
                            bool secret, const char* description) {
  OptionDescriptor o;
  o.type = type;
  o.key = key;
  if (default_value != nullptr) o.default_value = default_value;
  o.required = required;
  o.secret = secret;
  o.description = description;
  return o;
}

// An option with a range (inclusive bounds) or choices.
inline OptionDescriptor ranged(OptionType type, const char* key,
                               std::optional<double> minimum,
                               std::optional<double> maximum,
                               std::vector<std::string> choices = {}) {
  OptionDescriptor o = opt(type, key, nullptr, false, false, "");
  if (minimum) o.minimum = OptionBound{*minimum, false};
  if (maximum) o.maximum = OptionBound{*maximum, false};
  o.choices = std::move(choices);
  return o;
}

inline OutputDescriptor out(OutputKind kind, const char* id, const char* label,
                            const char* unit,
                            std::vector<ColumnDescriptor> columns = {}) {
  OutputDescriptor o;
  o.kind = kind;
  o.id = id;
  o.label = label;
  o.unit = unit;
  o.better = plugin_host::Better::Higher;
  o.columns = std::move(columns);
  return o;
}

inline PluginDescriptor plugin(PluginKind kind, const char* name,
                               const char* summary,
                               std::vector<OptionDescriptor> options,
                               std::vector<OutputDescriptor> outputs = {},
                               std::vector<InputDescriptor> inputs = {}) {
  return {kind,
          name,
          "1.0",
          summary,
          std::move(options),
          std::move(outputs),
          std::move(inputs)};
}

inline const PluginDescriptor kCrmSql = plugin(
    PluginKind::Connector, "crm_sql", "SQL databases",
    {
        opt(OptionType::String, "url", nullptr, true, false, "database URL"),
        opt(OptionType::String, "table", nullptr, true, false, "table to read"),
        opt(OptionType::String, "password", nullptr, false, true, "password"),
        opt(OptionType::Int, "pin", nullptr, false, true, "a secret number"),
        opt(OptionType::Int, "batch_size", "5000", false, false,
            "rows a batch"),
        opt(OptionType::Number, "timeout_s", nullptr, false, false, "timeout"),
        opt(OptionType::Bool, "read_only", "true", false, false, "read only"),
        opt(OptionType::Map, "headers", nullptr, false, false, "extra headers"),
        opt(OptionType::List, "columns", nullptr, false, false, "columns read"),
    });

inline const PluginDescriptor kAnalyticsCsv =
    plugin(PluginKind::Connector, "analytics_csv", "CSV files",
           {opt(OptionType::String, "path", nullptr, true, false, "file")});

inline const PluginDescriptor kCustomerBase = plugin(
    PluginKind::Indicator, "customer_base", "customer base",
    {
        opt(OptionType::Int, "activity_window", "90", false, false, "days"),
        opt(OptionType::String, "currency", nullptr, true, false, "ISO code"),
        opt(OptionType::Map, "action_costs", nullptr, false, false, "costs"),
        opt(OptionType::List, "segments", nullptr, false, false, "names"),
        opt(OptionType::String, "api_token", nullptr, false, true, "token"),
        ranged(OptionType::Int, "horizon_days", 1, 3650),
        ranged(OptionType::String, "method", std::nullopt, std::nullopt,
               {"fast", "exact"}),
        ranged(OptionType::Map, "weights", 0, std::nullopt),
        ranged(OptionType::String, "window", 1, std::nullopt, {"auto"}),
    },
    {
        out(OutputKind::Value, "revenue", "Revenue", "currency"),
        out(OutputKind::Value, "orders", "Orders", "count"),
        out(OutputKind::Table, "value_segments", "Segments", "",
            {{"segment", ColumnType::String, ""},
             {"customers", ColumnType::Int64, "count"},
             {"revenue", ColumnType::Decimal, "currency"}}),
        out(OutputKind::List, "alert_1m", "At risk", "",
            {{"customer_id", ColumnType::String, ""},
             {"email", ColumnType::String, ""},
             {"consent_marketing", ColumnType::Bool, ""},
             {"recency_days", ColumnType::Double, "days"}}),
    },
    {{"orders", true}, {"customers", false}});

inline const PluginDescriptor kSelfCare = plugin(
    PluginKind::Indicator, "self_care", "self-care",
    {
        opt(OptionType::Map, "action_costs", nullptr, false, false, "costs"),
        opt(OptionType::List, "channels", nullptr, false, false, "channels"),
    },
    {out(OutputKind::Value, "self_care_rate", "Self-care", "ratio")});

class FakeCatalog : public PluginCatalog {
 public:
  const PluginDescriptor* find(std::string_view name) const override {
    for (const auto* p : kAll)
      if (name == p->name) return p;
    return nullptr;
  }
  std::vector<std::string> names(PluginKind kind) const override {
    std::vector<std::string> out;
    for (const auto* p : kAll)
      if (p->kind == kind) out.emplace_back(p->name);
    return out;
  }
  // One plugin file was found but refused, as a truncated copy would be.
  std::string refusal(std::string_view name) const override {
    return name == "broken" ? std::string(kBrokenRefusal) : "";
  }
  static constexpr const char* kBrokenRefusal =
      "plugin /p/vigie_broken.so: cannot be loaded: truncated: segment 2 "
      "(PT_LOAD) ends at byte 9000 but the file has 4000 bytes";

 private:
  static inline const PluginDescriptor* const kAll[] = {
      &kCrmSql, &kAnalyticsCsv, &kCustomerBase, &kSelfCare};
};

}  // namespace vigie::spec::testing
