#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/plugin_scaffold.hpp"
#include "io/file_writer.hpp"
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

// The prefix `cmake --install` put this vigie in, when it holds the SDK's
// package (bin/vigie beside lib/cmake/Vigie), for the next steps printed.
std::optional<std::filesystem::path> sdk_prefix() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  const auto prefix = exe.parent_path().parent_path();
  if (!std::filesystem::exists(
          prefix / "lib" / "cmake" / "Vigie" / "VigieConfig.cmake", ec))
    return std::nullopt;
  return prefix;
}

// The SDK version a project asks find_package(Vigie ...) for: this
// vigie's major.minor (its package config accepts the same major).
std::string major_minor(std::string_view version) {
  const size_t second_dot = version.find('.', version.find('.') + 1);
  return std::string(version.substr(0, second_dot));
}

// `vigie plugins new KIND NAME [--dir DIR]`.
int new_plugin_project(const std::string& kind, const std::string& name,
                       const std::string& dir_option,
                       const plugin_host::Registry& registry) {
  if (kind != "connector" && kind != "indicator")
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("vigie plugins new {}: the kind is connector or indicator",
                    kind));
  if (auto problem = plugin_name_problem(name))
    throw pipeline::RunError(pipeline::kUsageError, *problem);
  // The first plugin of a name found wins: a second one would be ignored,
  // or would hide a built-in one.
  if (const auto found = registry.all().find(name);
      found != registry.all().end())
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("a plugin named '{}' exists already ({}): choose another "
                    "name",
                    name, found->second->path().string()));
  const std::filesystem::path dir = dir_option.empty() ? name : dir_option;
  const auto files = plugin_project(kind, name, major_minor(VIGIE_VERSION));
  try {
    write_project(dir, files);
  } catch (const io::IoError& e) {
    throw pipeline::RunError(pipeline::kOutputError, e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    throw pipeline::RunError(pipeline::kOutputError, e.what());
  } catch (const std::runtime_error& e) {
    throw pipeline::RunError(pipeline::kUsageError, e.what());
  }
  fmt::print("{} project '{}' written in {}:\n", kind, name, dir.string());
  for (const auto& f : files) fmt::print("  {}\n", f.path.string());
  const auto prefix = sdk_prefix();
  fmt::print(
      "next (see its README.md):\n"
      "  cmake -S {0} -B {0}/build -DCMAKE_PREFIX_PATH={1}\n"
      "  cmake --build {0}/build && ctest --test-dir {0}/build\n"
      "  vigie plugins info {2} --plugin-path {0}/build/plugins\n",
      dir.string(),
      prefix ? prefix->string() : "<the prefix Vigie was installed in>", name);
  return 0;
}

}  // namespace

int plugins_command(const Args& args) {
  std::vector<std::string> words, plugin_paths;
  std::string dir;
  po::options_description options("options");
  options.add_options()("words", po::value(&words)->composing(),
                        "list | info NAME | new KIND NAME")(
      "plugin-path", po::value(&plugin_paths)->composing(),
      "another folder of plugins (repeatable)")(
      "dir", po::value(&dir),
      "new: the project's folder, created (default: ./NAME); an existing "
      "folder is refused");
  po::positional_options_description positional;
  positional.add("words", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: vigie plugins list [--plugin-path DIR]...\n"
      "       vigie plugins info NAME [--plugin-path DIR]...\n"
      "       vigie plugins new connector|indicator NAME [--dir DIR]";
  if (!parse(args, usage, options, positional, vm)) return 0;
  std::vector<std::filesystem::path> extra(plugin_paths.begin(),
                                           plugin_paths.end());
  auto registry =
      plugin_host::Registry::scan(plugin_host::plugin_directories(extra));

  if (words.size() == 3 && words[0] == "new")
    return new_plugin_project(words[1], words[2], dir, registry);
  if (!dir.empty())
    throw pipeline::RunError(pipeline::kUsageError,
                             "--dir is for `vigie plugins new`\n" + usage);

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
