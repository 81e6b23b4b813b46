#include "cli/options.hpp"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "pipeline/errors.hpp"

namespace vigie::cli {

bool parse(const Args& args, const std::string& usage,
           const po::options_description& options,
           const po::positional_options_description& positional,
           po::variables_map& vm) {
  po::options_description all = options;
  all.add_options()("help,h", "print this help");
  try {
    po::store(
        po::command_line_parser(args).options(all).positional(positional).run(),
        vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << all << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::ostringstream help;
    help << all;
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("{}\n{}\n\n{}", e.what(), usage, help.str()));
  }
  return true;
}

}  // namespace vigie::cli
