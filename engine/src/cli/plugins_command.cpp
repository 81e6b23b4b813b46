#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "plugin_host/registry.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::cli {
namespace {

using plugin_host::ColumnType;
using plugin_host::OptionType;
using plugin_host::OutputKind;

const char* option_type(OptionType t) {
  switch (t) {
    case OptionType::String:
      return "string";
    case OptionType::Int:
      return "int";
    case OptionType::Number:
      return "number";
    case OptionType::Bool:
      return "bool";
    case OptionType::Map:
      return "map";
    case OptionType::List:
      return "list";
  }
  return "?";
}

const char* output_kind(OutputKind k) {
  switch (k) {
    case OutputKind::Value:
      return "value";
    case OutputKind::Table:
      return "table";
    case OutputKind::List:
      return "list";
  }
  return "?";
}

const char* column_type(ColumnType t) {
  switch (t) {
    case ColumnType::Int64:
      return type_name(Type::Int64);
    case ColumnType::Double:
      return type_name(Type::Double);
    case ColumnType::Decimal:
      return type_name(Type::Decimal);
    case ColumnType::Bool:
      return type_name(Type::Bool);
    case ColumnType::Timestamp:
      return type_name(Type::Timestamp);
    case ColumnType::String:
      return type_name(Type::String);
    case ColumnType::Dictionary:
      return type_name(Type::Dictionary);
  }
  return "?";
}

void print_descriptor(const plugin_host::Library& lib) {
  const plugin_host::PluginDescriptor& d = lib.descriptor();
  fmt::print("{:<10} {:<16} {:<8} ABI {:<5} {}\n",
             plugin_host::kind_name(static_cast<int32_t>(d.kind)), d.name,
             d.version, plugin_host::abi_text(d.abi_major, d.abi_minor),
             lib.path().string());
}

}  // namespace

int plugins_command(const Args& args) {
  std::vector<std::string> words, plugin_paths;
  po::options_description options("options");
  options.add_options()("words", po::value(&words)->composing(),
                        "list | info NAME")(
      "plugin-path", po::value(&plugin_paths)->composing(),
      "another folder of plugins (repeatable)");
  po::positional_options_description positional;
  positional.add("words", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: vigie plugins list [--plugin-path DIR]...\n"
      "       vigie plugins info NAME [--plugin-path DIR]...";
  if (!parse(args, usage, options, positional, vm)) return 0;
  std::vector<std::filesystem::path> extra(plugin_paths.begin(),
                                           plugin_paths.end());
  auto registry =
      plugin_host::Registry::scan(plugin_host::plugin_directories(extra));

  if (words.size() == 1 && words[0] == "list") {
    fmt::print("engine plugin ABI {}\n", plugin_host::engine_abi_text());
    for (const auto& [name, lib] : registry.all()) print_descriptor(*lib);
    for (const auto& [file, reason] : registry.refused())
      fmt::print(stderr, "refused: {}\n", reason);
    return 0;
  }
  if (words.size() == 2 && words[0] == "info") {
    if (registry.find(words[1]) == nullptr) {
      // Its file was found but not loaded: say why rather than "no plugin".
      if (const std::string refusal = registry.refusal(words[1]);
          !refusal.empty())
        throw pipeline::RunError(pipeline::kPluginError, refusal);
      throw pipeline::RunError(pipeline::kUsageError,
                               fmt::format("no plugin named '{}'", words[1]));
    }
    auto lib = registry.library(words[1]);
    const plugin_host::PluginDescriptor& d = lib->descriptor();
    print_descriptor(*lib);
    if (!d.summary.empty()) fmt::print("\n{}\n", d.summary);
    fmt::print("\nconfig options:\n");
    if (d.options.empty()) fmt::print("  (none)\n");
    for (const auto& o : d.options) {
      fmt::print(
          "  {:<20} {:<7} {}{}{}\n      {}\n", o.key, option_type(o.type),
          o.required ? "required" : "optional",
          o.default_value ? fmt::format(", default {}", *o.default_value) : "",
          o.secret ? ", secret" : "", o.description);
      if (plugin_host::has_limits(o))
        fmt::print("      accepts {}\n", plugin_host::limits_text(o));
    }
    if (d.kind == plugin_host::PluginKind::Indicator) {
      fmt::print("\ninputs:\n");
      for (const auto& input : d.inputs)
        fmt::print("  {:<20} {}\n", input.dataset,
                   input.required ? "required" : "optional");
      fmt::print("\nKPIs:\n");
      for (const auto& o : d.outputs) {
        fmt::print("  {:<24} {:<6} {:<9} {}\n", o.id, output_kind(o.kind),
                   o.unit, o.label.value_or(""));
        if (o.columns.empty()) continue;
        std::string columns;
        for (size_t c = 0; c < o.columns.size(); ++c)
          columns += fmt::format("{}{} ({})", c ? ", " : "", o.columns[c].name,
                                 column_type(o.columns[c].type));
        fmt::print("      columns: {}\n", columns);
      }
    }
    return 0;
  }
  throw pipeline::RunError(pipeline::kUsageError, usage);
}

}  // namespace vigie::cli
