// vigie: the command line. Exit codes are in docs/exit-codes.md.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.hpp"
#include "pipeline/errors.hpp"
#include "secrets/redacting_sink.hpp"
#include "secrets/redactor.hpp"

namespace {

constexpr const char* kUsage =
    "usage: vigie <command> [options]\n"
    "\n"
    "commands:\n"
    "  run SPEC         compute a report and write it (PDF, SVG, JSON, CSV)\n"
    "  validate SPEC... check report specs and print every error\n"
    "  plugins list     the plugins found, with their ABI\n"
    "  plugins info N   one plugin's descriptor and config options\n"
    "  plugins new K N  a plugin project of kind K (connector, indicator)\n"
    "                   named N, built against the installed SDK\n"
    "  demo-data        write the demo data set\n"
    "  schedule SPEC... the next runs of scheduled specs and what each covers\n"
    "  serve            run the scheduled reports of a folder and e-mail them\n"
    "  send SPEC        a test e-mail, printing the SMTP server's replies\n"
    "  history          the runs and e-mails of unattended reports\n"
    "\n"
    "`vigie <command> --help` describes a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  // Logs are for people and schedulers watching the run: stderr, so that
  // stdout stays for what a command prints as its result.
  // Every log line goes through the redactor: no module can log a secret.
  auto sink = vigie::secrets::redacting_sink(
      std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("vigie", sink));
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return vigie::pipeline::kUsageError;
  }
  const std::string command = argv[1];
  const vigie::cli::Args args(argv + 2, argv + argc);
  try {
    if (command == "run") return vigie::cli::run_command(args);
    if (command == "validate") return vigie::cli::validate_command(args);
    if (command == "plugins") return vigie::cli::plugins_command(args);
    if (command == "demo-data") return vigie::cli::demo_data_command(args);
    if (command == "history") return vigie::cli::history_command(args);
    if (command == "schedule") return vigie::cli::schedule_command(args);
    if (command == "serve") return vigie::cli::serve_command(args);
    if (command == "send") return vigie::cli::send_command(args);
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (command == "--version") {
      fmt::print("vigie {}\n", VIGIE_VERSION);
      return 0;
    }
    fmt::print(stderr, "vigie: unknown command '{}'\n\n{}", command, kUsage);
    return vigie::pipeline::kUsageError;
  } catch (const vigie::pipeline::RunError& e) {
    fmt::print(stderr, "vigie {}: error: {}\n", command,
               vigie::secrets::redact(e.what()));
    return e.code();
  } catch (const std::exception& e) {
    fmt::print(stderr, "vigie {}: internal error: {}\n", command,
               vigie::secrets::redact(e.what()));
    return vigie::pipeline::kInternalError;
  }
}
