// `vigie serve`: runs the reports of a folder of specs at their slots,
// delivers them, and never runs a (report, slot) twice, however many
// schedulers share the state database. docs/scheduling.md.
//
// One pass, every `poll` or at the next slot, whichever comes first:
// 1. re-read the specs that changed (a spec that no longer validates
//    keeps its last good version);
// 2. for each scheduled report, the slots due (schedule/catch_up.hpp),
//    plus the runs waiting for a retry or left by a scheduler that died;
//    each claimed in the state database before it is run;
// 3. each claimed run as a child `vigie run`, at most `concurrency` at
//    once, stopped at its time-out; a transient failure waits a capped,
//    jittered back-off, a permanent one is recorded;
// 4. the e-mails of succeeded runs into the outbox, then every pending
//    e-mail due, each claimed before it is sent.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "schedule/clock.hpp"

namespace vigie::serve {

struct ServeOptions {
  std::filesystem::path specs;
  std::filesystem::path out;  // reports go to OUT/<report id>/<period>/
  std::string state_url;      // empty: SPECS/vigie-state.sqlite
  std::vector<std::filesystem::path> plugin_paths;
  int concurrency = 2;
  std::chrono::seconds poll{30};
  // A stopped scheduler gives its running reports this long to finish.
  std::chrono::seconds grace{30};
  bool once = false;  // one pass, waiting for what it started, then return
  // Slots since then count as missed even before a report was first
  // served (a first deployment, a long outage): catching up, still
  // bounded by each schedule's max_age, starts there.
  std::optional<std::chrono::sys_seconds> since;
  std::string owner;  // empty: host:pid
  // The `vigie` that runs each report; empty: this very executable.
  std::filesystem::path program;
};

class Scheduler {
 public:
  Scheduler(ServeOptions options, schedule::Clock& clock);
  ~Scheduler();

  // Until stop(); returns the exit code.
  int serve();
  // From any thread (a signal handler's): no new run or e-mail starts;
  // running reports get `grace` to finish, then are stopped and recorded
  // as abandoned (the next scheduler runs them again).
  void stop();

 private:
  class Service;
  ServeOptions options_;
  schedule::Clock& clock_;
  std::atomic<bool> stopping_{false};
};

}  // namespace vigie::serve
