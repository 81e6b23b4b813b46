#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"
#include "spec/reader.hpp"

namespace vigie::cli {

int validate_command(const Args& args) {
  std::vector<std::string> specs, plugin_paths;
  po::options_description options("options");
  options.add_options()("spec", po::value(&specs)->required()->composing(),
                        "report specs")(
      "plugin-path", po::value(&plugin_paths)->composing(),
      "another folder of plugins (repeatable)");
  po::positional_options_description positional;
  positional.add("spec", -1);
  po::variables_map vm;
  if (!parse(args, "usage: vigie validate SPEC... [--plugin-path DIR]...",
             options, positional, vm))
    return 0;
  std::vector<std::filesystem::path> extra(plugin_paths.begin(),
                                           plugin_paths.end());
  auto plugins =
      plugin_host::Registry::scan(plugin_host::plugin_directories(extra));
  size_t errors = 0;
  for (const auto& file : specs) {
    // The plan a run would build: the same errors, before any data is read.
    auto result = plan::read_plan(file, plugins, spec::process_environment());
    for (const auto& d : result.errors)
      fmt::print(stderr, "{}\n", spec::format_diagnostic(d));
    errors += result.errors.size();
    if (result.errors.empty()) fmt::print("{}: ok\n", file);
  }
  if (errors > 0) {
    fmt::print(stderr, "{} error(s)\n", errors);
    return pipeline::kUsageError;
  }
  return pipeline::kSuccess;
}

}  // namespace vigie::cli
