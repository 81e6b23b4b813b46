// Descriptors for the plan tests: a CSV-like connector, and an indicator
// over orders, web_events and the derived sessions whose KPIs declare
// their reads (one declares none, one is a list).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/plugin_catalog.hpp"

namespace vigie::plan::testing {

using plugin_host::OptionDescriptor;
using plugin_host::OptionType;
using plugin_host::OutputDescriptor;
using plugin_host::OutputKind;
using plugin_host::PluginDescriptor;
using plugin_host::PluginKind;

inline OptionDescriptor option(OptionType type, const char* key,
                               const char* default_value, bool required,
                               const char* description) {
  OptionDescriptor o;
  o.type = type;
  o.key = key;
  if (default_value != nullptr) o.default_value = default_value;
  o.required = required;
  o.description = description;
  return o;
}

inline OutputDescriptor reading(OutputKind kind, const char* id,
                                const char* label, const char* unit,
                                std::vector<std::string> reads) {
  OutputDescriptor o;
  o.kind = kind;
  o.id = id;
  o.label = label;
  o.unit = unit;
  o.reads = std::move(reads);
  return o;
}

inline const PluginDescriptor kFile = {
    PluginKind::Connector,
    "file",
    "1.0",
    "files",
    {option(OptionType::String, "path", nullptr, true, "file")},
    {},
    {}};

inline const PluginDescriptor kShop = {
    PluginKind::Indicator,
    "shop",
    "1.0",
    "shop",
    {option(OptionType::Int, "window", "90", false, "days")},
    {
        reading(OutputKind::Value, "revenue", "Revenue", "currency",
                {"orders.ordered_at", "orders.amount"}),
        reading(OutputKind::Value, "visits", "Visits", "count",
                {"sessions.*", "web_events.page"}),
        // Declares nothing: reads every column of every dataset it takes.
        reading(OutputKind::Value, "anything", "Anything", "count", {}),
        reading(OutputKind::List, "at_risk", "At risk", "",
                {"orders.customer_id", "orders.ordered_at"}),
        reading(OutputKind::Value, "misread", "Misread", "count",
                {"orders.amunt"}),
    },
    {{"orders", true}, {"web_events", false}, {"sessions", false}}};

class PlanCatalog : public spec::PluginCatalog {
 public:
  const PluginDescriptor* find(std::string_view name) const override {
    if (name == "file") return &kFile;
    if (name == "shop") return &kShop;
    return nullptr;
  }
  std::vector<std::string> names(PluginKind kind) const override {
    return {kind == PluginKind::Connector ? "file" : "shop"};
  }
};

}  // namespace vigie::plan::testing
