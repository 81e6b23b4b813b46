// Boost.Program_options helpers shared by the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <chrono>
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

// "30s", "5m", "1h" (spec/quantity.hpp); throws RunError(kUsageError)
// naming the option otherwise.
std::chrono::seconds duration_option(const std::string& name,
                                     const std::string& text);

// A UTC time, 2026-11-01T00:00:00Z; the same error otherwise.
std::chrono::sys_seconds utc_option(const std::string& name,
                                    const std::string& text);

}  // namespace vigie::cli
