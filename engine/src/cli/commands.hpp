// The `vigie` subcommands; each parses its own options (--help on each).
#pragma once

#include <string>
#include <vector>

namespace vigie::cli {

using Args = std::vector<std::string>;  // after the subcommand's name

int run_command(const Args& args);
int validate_command(const Args& args);
int plugins_command(const Args& args);
int demo_data_command(const Args& args);
int history_command(const Args& args);
int serve_command(const Args& args);
int schedule_command(const Args& args);
int send_command(const Args& args);

}  // namespace vigie::cli
