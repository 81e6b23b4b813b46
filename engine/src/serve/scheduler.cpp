#include "serve/scheduler.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>

#include <map>
#include <mutex>
#include <random>
#include <set>

#include "history/outbox.hpp"
#include "history/runs.hpp"
#include "output/run_id.hpp"
#include "pipeline/errors.hpp"
#include "plugin_host/registry.hpp"
#include "schedule/catch_up.hpp"
#include "schedule/covered_period.hpp"
#include "schedule/slot_times.hpp"
#include "serve/child_run.hpp"
#include "serve/report_mail.hpp"
#include "serve/retry_policy.hpp"
#include "serve/spec_folder.hpp"
#include "serve/work_pool.hpp"
#include "table/date_tz.hpp"

namespace vigie::serve {
namespace {

using history::Seconds;
using std::chrono::seconds;
using std::chrono::sys_seconds;

Seconds count(sys_seconds t) { return t.time_since_epoch().count(); }

std::string slot_text(sys_seconds t) { return date::format("%FT%TZ", t); }

std::string host_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return host;
}

std::string default_owner() {
  return fmt::format("{}:{}", host_name(), getpid());
}

// A scheduler of this machine ("host:pid") whose process is gone: killed,
// crashed, the machine restarted. Its leases need not run out.
bool dead_here(const std::string& owner) {
  const std::string prefix = host_name() + ":";
  if (owner.rfind(prefix, 0) != 0) return false;
  const std::string pid_text = owner.substr(prefix.size());
  if (pid_text.empty() ||
      pid_text.find_first_not_of("0123456789") != std::string::npos)
    return false;
  const long pid = std::stol(pid_text);
  return pid > 0 && pid != getpid() &&
         ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// The month a slot's run covers: the report's grain is the month, and
// month_to_date covers the month its days belong to.
std::string run_period(const spec::Schedule& s, const schedule::Slot& slot) {
  const auto covered =
      schedule::covered_period(schedule::parse_covers(s.covers), slot.local);
  return date::format("%Y-%m", covered.first);
}

// A run holds its slot for as long as it can last: its time-out, the
// stopping grace, and a margin. Past that, its scheduler is dead.
Seconds run_lease(const spec::Schedule& s, seconds grace) {
  return s.timeout_seconds + grace.count() + 60;
}

// A slot at most this old is on time: always run, whatever the catch-up
// policy (the scheduler wakes at the slot, give or take its own work).
constexpr seconds kOnTime{60};

// An e-mail is leased for the longest an SMTP exchange may take.
constexpr Seconds kMailLease = 600;

Backoff run_backoff(const spec::Schedule& s) {
  return Backoff{seconds(s.retry_delay_seconds),
                 seconds(s.retry_max_delay_seconds)};
}

// How a failed run is described in the history: the last line vigie run
// wrote on stderr, which is its error.
std::string failure_text(const ChildResult& r, seconds timeout) {
  switch (r.end) {
    case ChildResult::End::TimedOut:
      return fmt::format("stopped after its time-out of {} s", timeout.count());
    case ChildResult::End::Killed:
      return fmt::format("the run was killed by signal {}", r.signal);
    case ChildResult::End::Stopped:
      return "stopped: the scheduler was shut down";
    case ChildResult::End::Exited:
      break;
  }
  std::string text = r.stderr_tail;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  if (auto nl = text.rfind('\n'); nl != std::string::npos)
    text = text.substr(nl + 1);
  return fmt::format("exit {}: {}", r.exit_code, text);
}

}  // namespace

struct Scheduler::State {
  explicit State(const ServeOptions& options)
      : plugins(plugin_host::Registry::scan(
            plugin_host::plugin_directories(options.plugin_paths))),
        folder(options.specs, plugins),
        store(history::StateStore::open(options.state_url)),
        runs(*store),
        outbox(*store),
        pool(options.concurrency) {}

  plugin_host::Registry plugins;
  SpecFolder folder;
  std::unique_ptr<history::StateStore> store;  // the main thread's
  history::Runs runs;
  history::Outbox outbox;
  // Compiled schedules, by report id, with the text they came from.
  std::map<std::string, std::pair<std::string, schedule::Schedule>> schedules;
  std::mutex mutex;  // guards what the workers share below
  std::set<std::pair<std::string, std::string>> runs_in_flight;
  std::set<std::tuple<std::string, std::string, std::string>> mail_in_flight;
  std::mt19937_64 random{std::random_device{}()};
  WorkPool pool;  // last: joined first, while the rest is alive
};

Scheduler::Scheduler(ServeOptions options, schedule::Clock& clock)
    : options_(std::move(options)), clock_(clock) {
  // The history keeps where each report is: absolute, whatever the
  // directory the next scheduler starts in.
  options_.specs = std::filesystem::absolute(options_.specs);
  options_.out = std::filesystem::absolute(options_.out);
  if (options_.state_url.empty())
    options_.state_url = history::StateStore::default_url(options_.specs);
  if (options_.owner.empty()) options_.owner = default_owner();
  if (options_.program.empty()) options_.program = self_executable();
}

Scheduler::~Scheduler() = default;

void Scheduler::stop() {
  stopping_ = true;
  clock_.wake();
}

int Scheduler::serve() {
  State state(options_);
  const auto stop_requested_at = std::make_shared<std::atomic<Seconds>>(0);

  auto open_store = [this] {
    return history::StateStore::open(options_.state_url);
  };

  // One attempt of a claimed slot, on a worker.
  auto run_slot = [&, this](plan::ReportPlan plan, std::filesystem::path file,
                            history::SlotKey key, std::string period,
                            history::Claim claim) {
    const spec::Schedule& sched = *plan.schedule;
    if (stopping_) {
      // Claimed, but its turn came after the stop: left for the next
      // scheduler, explicitly.
      auto store = open_store();
      history::Runs(*store).abandon(key, options_.owner,
                                    "not started: the scheduler was shut "
                                    "down",
                                    count(clock_.now()));
      std::lock_guard lock(state.mutex);
      state.runs_in_flight.erase({key.report_id, key.slot});
      return;
    }
    const std::filesystem::path out = options_.out / key.report_id / period;
    std::vector<std::string> args = {"run",      file.string(), "--period",
                                     period,     "--out",       out.string(),
                                     "--run-id", claim.run_id,  "--quiet"};
    if (plan.burst) args.push_back("--burst");
    for (const auto& p : options_.plugin_paths) {
      args.push_back("--plugin-path");
      args.push_back(p.string());
    }
    spdlog::info("{} {}: running {} (attempt {}, run {})", key.report_id,
                 key.slot, period, claim.attempt, claim.run_id);
    const seconds timeout(sched.timeout_seconds);
    // Once stopped, a run has `grace` to finish before it is abandoned.
    auto should_stop = [&, this] {
      const Seconds asked = stop_requested_at->load();
      return asked != 0 &&
             count(clock_.now()) >= asked + options_.grace.count();
    };
    const ChildResult result =
        run_child(options_.program, args, timeout, should_stop);
    auto store = open_store();
    history::Runs runs(*store);
    const Seconds now = count(clock_.now());
    std::string queue_error;
    std::string note;
    if (result.end == ChildResult::End::Exited && result.exit_code == 0 &&
        plan.delivery) {
      try {
        history::Outbox outbox(*store);
        note = queue_report_mail(outbox, plan, key, claim.run_id, out, now);
      } catch (const history::StateError&) {
        throw;
      } catch (const std::exception& e) {
        // The report is written, its recipients unknown (their database
        // is down): tried again like a run that failed for a while.
        queue_error = e.what();
      }
    }
    if (result.end == ChildResult::End::Exited && result.exit_code == 0 &&
        queue_error.empty()) {
      runs.succeed(key, options_.owner, out.string(), note, now);
      spdlog::info("{} {}: written to {} in {:.1f} s{}", key.report_id,
                   key.slot, out.string(), result.elapsed.count() / 1000.0,
                   note.empty() ? "" : "; " + note);
    } else if (result.end == ChildResult::End::Stopped) {
      runs.abandon(key, options_.owner, failure_text(result, timeout), now);
      spdlog::warn(
          "{} {}: abandoned at shutdown; the next scheduler runs "
          "it again",
          key.report_id, key.slot);
    } else {
      const std::string error =
          queue_error.empty() ? failure_text(result, timeout) : queue_error;
      const bool transient =
          !queue_error.empty() || result.end != ChildResult::End::Exited ||
          run_failure(result.exit_code) == Failure::Transient;
      if (transient && claim.attempt <= sched.retries) {
        seconds wait;
        {
          std::lock_guard lock(state.mutex);
          wait = run_backoff(sched).after(claim.attempt, state.random);
        }
        runs.wait(key, options_.owner, error, now + wait.count(), now);
        spdlog::warn("{} {}: attempt {} failed ({}); next attempt in {} s",
                     key.report_id, key.slot, claim.attempt, error,
                     wait.count());
      } else {
        runs.fail(key, options_.owner, error, now);
        spdlog::error("{} {}: failed after {} attempt(s): {}", key.report_id,
                      key.slot, claim.attempt, error);
      }
    }
    std::lock_guard lock(state.mutex);
    state.runs_in_flight.erase({key.report_id, key.slot});
  };

  auto dispatch_run = [&](const ServedSpec& served, history::SlotKey key,
                          const std::string& period, history::Claim claim) {
    {
      std::lock_guard lock(state.mutex);
      state.runs_in_flight.insert({key.report_id, key.slot});
    }
    state.pool.submit([=, plan = served.plan, file = served.file] {
      run_slot(plan, file, key, period, claim);
    });
  };

  auto in_flight = [&](const std::string& report, const std::string& slot) {
    std::lock_guard lock(state.mutex);
    return state.runs_in_flight.count({report, slot}) > 0;
  };

  auto schedule_of = [&](const std::string& id,
                         const spec::Schedule& s) -> const schedule::Schedule& {
    const std::string text = s.cron + "\n" + s.time_zone;
    auto it = state.schedules.find(id);
    if (it == state.schedules.end() || it->second.first != text)
      it = state.schedules
               .insert_or_assign(
                   id,
                   std::pair{text, schedule::Schedule(
                                       schedule::CronExpression::parse(s.cron),
                                       s.time_zone)})
               .first;
    return it->second.second;
  };

  // One pass: specs, dead schedulers' leases, due slots, resumable runs,
  // due e-mails.
  auto pass = [&] {
    for (const auto& owner : state.runs.lease_owners())
      if (owner != options_.owner && dead_here(owner)) {
        spdlog::warn(
            "scheduler {} is gone: its runs and e-mails are taken "
            "over",
            owner);
        state.runs.expire_leases(owner);
      }
    for (const auto& change : state.folder.refresh()) {
      switch (change.kind) {
        case SpecChange::Kind::Added:
          spdlog::info("serving {} from {}", change.report_id,
                       change.file.string());
          break;
        case SpecChange::Kind::Updated:
          spdlog::info("reloaded {} from {}", change.report_id,
                       change.file.string());
          break;
        case SpecChange::Kind::Removed:
          spdlog::info("{} removed: no longer scheduled", change.report_id);
          break;
        case SpecChange::Kind::Invalid:
          spdlog::error("{} does not validate{}:\n{}", change.file.string(),
                        change.report_id.empty()
                            ? ""
                            : fmt::format(" ({} keeps its last good version)",
                                          change.report_id),
                        change.detail);
          break;
      }
    }
    const sys_seconds now = clock_.now();
    for (const auto& [id, served] : state.folder.specs()) {
      if (!served.plan.schedule || stopping_) continue;
      const spec::Schedule& s = *served.plan.schedule;
      const auto& sched = schedule_of(id, s);
      const schedule::CatchUpPolicy policy{schedule::parse_catch_up(s.catch_up),
                                           seconds(s.max_age_seconds)};
      sys_seconds from(
          seconds(state.runs.catch_up_from(id, count(now), kOnTime.count())));
      if (options_.since && *options_.since < from) {
        const auto last = state.runs.last_slot(id);
        from = last ? std::max(*options_.since, sys_seconds(seconds(*last)))
                    : *options_.since;
      }
      for (const auto& slot :
           schedule::due_slots(sched, from, now, policy, kOnTime)) {
        history::SlotKey key{id, slot_text(slot.at), count(slot.at)};
        if (in_flight(key.report_id, key.slot)) continue;
        const std::string period = run_period(s, slot);
        if (auto claim = state.runs.claim(key, period, output::new_run_id(),
                                          options_.owner, count(now),
                                          run_lease(s, options_.grace)))
          dispatch_run(served, key, period, *claim);
      }
    }
    if (stopping_) return;
    for (const auto& record : state.runs.resumable(count(now))) {
      auto served = state.folder.specs().find(record.key.report_id);
      if (served == state.folder.specs().end() ||
          !served->second.plan.schedule ||
          in_flight(record.key.report_id, record.key.slot))
        continue;
      if (auto claim = state.runs.claim(
              record.key, record.period, record.run_id, options_.owner,
              count(now),
              run_lease(*served->second.plan.schedule, options_.grace)))
        dispatch_run(served->second, record.key, record.period, *claim);
    }
    for (auto& d :
         state.outbox.claim_due(options_.owner, count(now), kMailLease,
                                4 * options_.concurrency)) {
      auto served = state.folder.specs().find(d.report_id);
      if (served == state.folder.specs().end() ||
          !served->second.plan.delivery) {
        spdlog::warn(
            "{}: e-mail to {} left pending: no spec of this report "
            "with a delivery block is served",
            d.report_id, d.key.recipient);
        continue;
      }
      state.pool.submit([&, this, d, plan = served->second.plan] {
        auto store = open_store();
        history::Outbox outbox(*store);
        // A 4xx waits as a failed run does: the schedule's back-off.
        const Backoff backoff =
            plan.schedule ? run_backoff(*plan.schedule) : Backoff{};
        send_queued_mail(outbox, plan, d, options_.owner, backoff,
                         count(clock_.now()));
      });
    }
  };

  spdlog::info("vigie serve: specs {}, reports to {}, state {}, owner {}",
               options_.specs.string(), options_.out.string(),
               state.store->name(), options_.owner);
  try {
    if (options_.once) {
      // The runs due now, then their e-mails (queued as each run ends).
      pass();
      state.pool.wait_idle();
      pass();
      state.pool.wait_idle();
      return pipeline::kSuccess;
    }
    while (!stopping_) {
      pass();
      sys_seconds wake = clock_.now() + options_.poll;
      for (const auto& [id, entry] : state.schedules)
        if (auto next = entry.second.next_after(clock_.now());
            next && *next < wake)
          wake = *next;
      if (!stopping_) clock_.sleep_until(wake);
    }
  } catch (const history::StateError& e) {
    stopping_ = true;
    stop_requested_at->store(count(clock_.now()));
    spdlog::error("{}", e.what());
    state.pool.wait_idle();
    return pipeline::kStateError;
  } catch (...) {
    // The jobs use this frame's lambdas: they end before it does.
    stopping_ = true;
    stop_requested_at->store(count(clock_.now()) - options_.grace.count());
    state.pool.wait_idle();
    throw;
  }
  stop_requested_at->store(count(clock_.now()));
  spdlog::info(
      "stopping: {} run(s) and e-mail(s) in progress get {} s to "
      "finish",
      state.pool.pending(), options_.grace.count());
  state.pool.wait_idle();
  spdlog::info("stopped");
  return pipeline::kSuccess;
}

}  // namespace vigie::serve
