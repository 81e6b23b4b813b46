// Boost.Program_options helpers shared by the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "cli/commands.hpp"

namespace vigie::cli {

namespace po = boost::program_options;

// Parses `args`; prints help and returns false on --help; throws
// RunError(kUsageError) on a bad option, with the usage line.
bool parse(const Args& args, const std::string& usage,
           const po::options_description& options,
           const po::positional_options_description& positional,
           po::variables_map& vm);

}  // namespace vigie::cli
