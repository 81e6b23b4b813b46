#include <fmt/format.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "schedule/clock.hpp"
#include "serve/scheduler.hpp"

namespace vigie::cli {
int serve_command(const Args& args) {
  serve::ServeOptions opts;
  std::string specs, out = "reports", poll = "30s", grace = "30s", since, as_of;
  std::vector<std::string> plugin_paths;
  po::options_description options("options");
  options.add_options()("specs", po::value(&specs)->required(),
                        "the folder of report specs to serve")(
      "out", po::value(&out),
      "where reports are written, OUT/<report id>/<period>/ (default: "
      "reports)")("state", po::value(&opts.state_url),
                  "the state database: sqlite3://PATH, a file, or "
                  "postgresql://user@host/db (default: "
                  "SPECS/vigie-state.sqlite)")(
      "concurrency", po::value(&opts.concurrency),
      "runs and e-mails at once (default 2)")(
      "poll", po::value(&poll),
      "how often specs, retries and e-mails are looked at (default 30s)")(
      "grace", po::value(&grace),
      "how long running reports may finish after SIGTERM (default 30s)")(
      "once", "one pass: the runs due now and the e-mails due, then exit")(
      "as-of", po::value(&as_of),
      "serve as if the time were this UTC time, the clock running on from "
      "there, e.g. 2026-11-01T06:30:30Z (to replay a slot, or try a "
      "schedule)")("since", po::value(&since),
                   "count the slots since this UTC time as missed, e.g. "
                   "2026-11-01T00:00:00Z (a first deployment, a long outage)")(
      "plugin-path", po::value(&plugin_paths)->composing(),
      "another folder of plugins (repeatable)");
  po::variables_map vm;
  if (!parse(args,
             "usage: vigie serve --specs DIR [--out DIR] [--state URL] "
             "[--concurrency N] [--once]",
             options, {}, vm))
    return 0;
  opts.specs = specs;
  opts.out = out;
  opts.once = vm.count("once") > 0;
  opts.poll = duration_option("--poll", poll);
  opts.grace = duration_option("--grace", grace);
  if (!since.empty()) opts.since = utc_option("--since", since);
  if (opts.concurrency < 1 || opts.concurrency > 64)
    throw pipeline::RunError(pipeline::kUsageError,
                             "--concurrency: expected 1 to 64");
  if (!std::filesystem::is_directory(opts.specs))
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("--specs {}: not a folder", opts.specs.string()));
  for (const auto& p : plugin_paths) opts.plugin_paths.emplace_back(p);

  // SIGTERM and SIGINT are taken by one thread that waits for them (no
  // work in a signal handler): it asks the scheduler to stop. Blocked
  // here, before any other thread exists, so that every thread inherits
  // the mask and none is interrupted.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGUSR1);  // ends the waiting thread, below
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  schedule::SystemClock system_clock;
  const auto offset = as_of.empty()
                          ? std::chrono::seconds(0)
                          : utc_option("--as-of", as_of) - system_clock.now();
  schedule::ShiftedClock clock(system_clock, offset);
  serve::Scheduler scheduler(opts, clock);
  std::thread signals([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (signal == SIGTERM || signal == SIGINT) {
      spdlog::info("{} received: stopping",
                   signal == SIGTERM ? "SIGTERM" : "SIGINT");
      scheduler.stop();
    }
  });
  const int code = scheduler.serve();
  // The signal thread waits for a signal that may never come: SIGUSR1
  // ends it.
  pthread_kill(signals.native_handle(), SIGUSR1);
  signals.join();
  return code;
}

}  // namespace vigie::cli
