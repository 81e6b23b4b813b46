// A plugin's descriptor as the engine sees it: plain C++ values, copied
// from the plugin's C structs (vigie/plugin.h) once, when its library is
// loaded. Everything above the plugin host reads this, never the C ABI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::plugin_host {

// The values are those of the ABI's enums, so that a conversion is a cast.
enum class PluginKind { Connector = 1, Indicator = 2 };

enum class OptionType {
  String = 1,
  Int = 2,
  Number = 3,
  Bool = 4,
  Map = 5,  // reaches the plugin flattened as "key.sub" entries
  List = 6  // reaches the plugin as "key.0", "key.1", ...
};

enum class OutputKind { Value = 1, Table = 2, List = 3 };

// Which way a value KPI moves well: it colours the change in a report.
enum class Better { Lower = -1, Neither = 0, Higher = 1 };

enum class ColumnType {
  Int64 = 1,
  Double = 2,
  Decimal = 3,
  Bool = 4,
  Timestamp = 5,
  String = 6,
  Dictionary = 7
};

// A bound of an option's range.
struct OptionBound {
  double value = 0;
  bool exclusive = false;
};

// A configuration key the plugin accepts.
struct OptionDescriptor {
  OptionType type = OptionType::String;
  std::string key;
  std::optional<std::string> default_value;
  bool required = false;
  bool secret = false;  // never printed by the engine
  std::string description;
  // The values it accepts (for a map or list, each entry): one of
  // `choices`, or a number within the bounds; with neither, any value of
  // its type.
  std::vector<std::string> choices;
  std::optional<OptionBound> minimum;
  std::optional<OptionBound> maximum;
};

// A column a table or list KPI always gives.
struct ColumnDescriptor {
  std::string name;
  ColumnType type = ColumnType::String;
  std::string unit;
};

// A KPI an indicator can produce.
struct OutputDescriptor {
  OutputKind kind = OutputKind::Value;
  std::string id;
  std::optional<std::string> label;
  std::string unit;
  std::string description;
  Better better = Better::Neither;
  // A table's or list's columns, exactly (none: not checked), and the
  // dataset columns it reads, "dataset.column" or "dataset.*" (none: every
  // column of its inputs).
  std::vector<ColumnDescriptor> columns;
  std::vector<std::string> reads;
};

// A dataset an indicator reads.
struct InputDescriptor {
  std::string dataset;
  bool required = false;
};

struct PluginDescriptor {
  PluginKind kind = PluginKind::Connector;
  std::string name;
  std::string version;
  std::string summary;
  std::vector<OptionDescriptor> options;
  std::vector<OutputDescriptor> outputs;  // indicators
  std::vector<InputDescriptor> inputs;    // indicators
  uint16_t abi_major = 0;  // the ABI the plugin was built against
  uint16_t abi_minor = 0;

  const OptionDescriptor* find_option(std::string_view key) const {
    for (const auto& o : options)
      if (o.key == key) return &o;
    return nullptr;
  }
  const OutputDescriptor* find_output(std::string_view id) const {
    for (const auto& o : outputs)
      if (o.id == id) return &o;
    return nullptr;
  }
};

// The option's range and choices, checked as the SDK checks them when it
// binds the options (vigie/sdk/option_limits.hpp).
bool has_limits(const OptionDescriptor& option);
bool within_limits(const OptionDescriptor& option, std::string_view value);
// What the option accepts, for messages: "one of auto, or a number >= 1".
std::string limits_text(const OptionDescriptor& option);

}  // namespace vigie::plugin_host
