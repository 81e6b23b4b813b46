#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "history/outbox.hpp"
#include "history/runs.hpp"
#include "pipeline/errors.hpp"

namespace vigie::cli {
namespace {

std::string attempts_text(int n) {
  return fmt::format("{} attempt{}", n, n == 1 ? "" : "s");
}

// A delivery's line under its run: to whom, how it ended, the server's
// last word.
void print_delivery(const history::Delivery& d) {
  const std::string to =
      d.key.instance.empty()
          ? d.key.recipient
          : fmt::format("[{}] {}", d.key.instance, d.key.recipient);
  fmt::print("    {:<40} {:<9} {:<10} {}\n", to, history::status_name(d.status),
             attempts_text(d.attempts),
             d.last_reply.empty() ? "-" : d.last_reply);
  if (!d.note.empty()) fmt::print("    {:<40} note: {}\n", "", d.note);
}

}  // namespace

int history_command(const Args& args) {
  std::string state, specs, report;
  int limit = 50;
  po::options_description options("options");
  options.add_options()(
      "state", po::value(&state),
      "the state database: sqlite3://PATH, a file, or postgresql://...")(
      "specs", po::value(&specs),
      "the folder of specs whose default database to read "
      "(DIR/vigie-state.sqlite)")("report", po::value(&report),
                                  "only this report id")(
      "failed", "only the failed runs and deliveries")(
      "limit", po::value(&limit), "at most this many runs (default 50)");
  po::variables_map vm;
  if (!parse(args,
             "usage: vigie history (--state URL | --specs DIR) [--report ID] "
             "[--failed] [--limit N]",
             options, {}, vm))
    return 0;
  if (state.empty() == specs.empty())
    throw pipeline::RunError(pipeline::kUsageError,
                             "give --state URL or --specs DIR (whose state "
                             "database is DIR/vigie-state.sqlite)");
  if (limit < 1)
    throw pipeline::RunError(pipeline::kUsageError,
                             "--limit: expected at least 1");
  const bool failed_only = vm.count("failed") > 0;
  try {
    auto store = history::StateStore::open(
        state.empty() ? history::StateStore::default_url(specs) : state);
    history::Runs runs(*store);
    history::Outbox outbox(*store);
    std::map<std::string, std::vector<history::Delivery>> by_run;
    history::DeliveryFilter filter;
    filter.report_id = report;
    filter.failed_only = failed_only;
    filter.limit = 100000;
    for (auto& d : outbox.list(filter))
      by_run[d.key.run_id].push_back(std::move(d));
    std::size_t shown = 0;
    for (const auto& run : runs.list(report, limit)) {
      auto deliveries = by_run.find(run.run_id);
      const bool failed = run.status == history::RunStatus::Failed;
      if (failed_only && !failed && deliveries == by_run.end()) continue;
      ++shown;
      fmt::print("{:<20} {} {:<8} {:<9} {:<10} run {}\n", run.key.report_id,
                 run.key.slot, run.period, history::status_name(run.status),
                 attempts_text(run.attempts), run.run_id);
      if (!run.error.empty()) fmt::print("    error: {}\n", run.error);
      if (!run.note.empty()) fmt::print("    note: {}\n", run.note);
      if (!run.report_dir.empty())
        fmt::print("    report: {}\n", run.report_dir);
      if (deliveries != by_run.end())
        for (const auto& d : deliveries->second) print_delivery(d);
    }
    if (shown == 0)
      fmt::print("no {}run recorded{}\n", failed_only ? "failed " : "",
                 report.empty() ? "" : " for " + report);
  } catch (const history::StateError& e) {
    throw pipeline::RunError(pipeline::kStateError, e.what());
  }
  return pipeline::kSuccess;
}

}  // namespace vigie::cli
