#include "cli/options.hpp"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "pipeline/errors.hpp"
#include "spec/quantity.hpp"
#include "table/date_tz.hpp"

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

std::chrono::seconds duration_option(const std::string& name,
                                     const std::string& text) {
  if (auto s = spec::parse_duration(text); s && *s > 0)
    return std::chrono::seconds(*s);
  throw pipeline::RunError(
      pipeline::kUsageError,
      fmt::format("{} {}: expected a duration such as 30s, 5m or 1h", name,
                  text));
}

std::chrono::sys_seconds utc_option(const std::string& name,
                                    const std::string& text) {
  std::istringstream in(text);
  date::sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail() || in.peek() != std::char_traits<char>::eof())
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("{} {}: expected a UTC time such as 2026-11-01T00:00:00Z",
                    name, text));
  return t;
}

}  // namespace vigie::cli
