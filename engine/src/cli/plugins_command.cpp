#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "plugin_host/registry.hpp"
#include "vigie/sdk/declared_columns.hpp"
#include "vigie/sdk/option_limits.hpp"

namespace vigie::cli {
namespace {

const char* option_type(int32_t t) {
  switch (t) {
    case VIGIE_OPTION_STRING:
      return "string";
    case VIGIE_OPTION_INT:
      return "int";
    case VIGIE_OPTION_NUMBER:
      return "number";
    case VIGIE_OPTION_BOOL:
      return "bool";
    case VIGIE_OPTION_MAP:
      return "map";
    case VIGIE_OPTION_LIST:
      return "list";
  }
  return "?";
}

const char* output_kind(int32_t k) {
  switch (k) {
    case VIGIE_OUTPUT_VALUE:
      return "value";
    case VIGIE_OUTPUT_TABLE:
      return "table";
    case VIGIE_OUTPUT_LIST:
      return "list";
  }
  return "?";
}

void print_descriptor(const plugin_host::Library& lib) {
  const auto& i = lib.info();
  fmt::print("{:<10} {:<16} {:<8} ABI {:<5} {}\n",
             plugin_host::kind_name(i.kind), i.name, i.version ? i.version : "",
             plugin_host::abi_text(i.abi_major, i.abi_minor),
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
    fmt::print("engine plugin ABI {}\n",
               plugin_host::abi_text(VIGIE_ABI_MAJOR, VIGIE_ABI_MINOR));
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
    const auto& i = lib->info();
    print_descriptor(*lib);
    if (i.summary) fmt::print("\n{}\n", i.summary);
    fmt::print("\nconfig options:\n");
    if (i.option_count == 0) fmt::print("  (none)\n");
    for (uint32_t k = 0; k < i.option_count; ++k) {
      const auto& o = i.options[k];
      fmt::print(
          "  {:<20} {:<7} {}{}{}\n      {}\n", o.key, option_type(o.type),
          o.required ? "required" : "optional",
          o.default_value ? fmt::format(", default {}", o.default_value) : "",
          o.secret ? ", secret" : "", o.description ? o.description : "");
      if (sdk::has_limits(o))
        fmt::print("      accepts {}\n", sdk::limits_text(o));
    }
    if (i.kind == VIGIE_KIND_INDICATOR) {
      fmt::print("\ninputs:\n");
      for (uint32_t k = 0; k < i.input_count; ++k)
        fmt::print("  {:<20} {}\n", i.inputs[k].dataset,
                   i.inputs[k].required ? "required" : "optional");
      fmt::print("\nKPIs:\n");
      for (uint32_t k = 0; k < i.output_count; ++k) {
        const auto& o = i.outputs[k];
        fmt::print("  {:<24} {:<6} {:<9} {}\n", o.id, output_kind(o.kind),
                   o.unit ? o.unit : "", o.label ? o.label : "");
        if (o.column_count == 0) continue;
        std::string columns;
        for (uint32_t c = 0; c < o.column_count; ++c)
          columns += fmt::format("{}{} ({})", c ? ", " : "", o.columns[c].name,
                                 sdk::column_type_name(o.columns[c].type));
        fmt::print("      columns: {}\n", columns);
      }
    }
    return 0;
  }
  throw pipeline::RunError(pipeline::kUsageError, usage);
}

}  // namespace vigie::cli
