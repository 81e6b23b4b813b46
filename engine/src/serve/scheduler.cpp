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

// The period a slot's run reports on, as --period takes it: the one of
// the report's grain where the covered days start (month_to_date covers
// the month its days belong to).
std::string run_period(const spec::Report& report, const spec::Schedule& s,
                       const schedule::Slot& slot) {
  const auto covered =
      schedule::covered_period(schedule::parse_covers(s.covers), slot.local);
  return table::period_of(report.period, covered.first).id();
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

// Everything a `vigie serve` holds while it serves, and its passes: the
// main thread runs pass() and sleeps; the workers run claimed slots and
// claimed e-mails, each on its own connection to the state database.
class Scheduler::Service {
 public:
  Service(const ServeOptions& options, schedule::Clock& clock,
          const std::atomic<bool>& stopping)
      : options_(options),
        clock_(clock),
        stopping_(stopping),
        plugins_(plugin_host::Registry::scan(
            plugin_host::plugin_directories(options.plugin_paths))),
        folder_(options.specs, plugins_),
        store_(history::StateStore::open(options.state_url)),
        runs_(*store_),
        outbox_(*store_),
        pool_(options.concurrency) {}

  const std::string& state_name() const { return store_->name(); }

  // Specs, dead schedulers' leases, due slots, resumable runs, due
  // e-mails.
  void pass() {
    take_over_dead_schedulers();
    refresh_specs();
    const sys_seconds now = clock_.now();
    claim_due_slots(now);
    if (stopping_) return;
    resume_runs(now);
    send_due_mail(now);
  }

  // The next slot of any schedule, or `latest` if none comes sooner.
  sys_seconds next_wake(sys_seconds latest) const {
    for (const auto& [id, entry] : schedules_)
      if (auto next = entry.second.next_after(clock_.now());
          next && *next < latest)
        latest = *next;
    return latest;
  }

  // From now on, running reports have `grace` (counted from `at`) to
  // finish before they are stopped and abandoned.
  void stop_runs_after(Seconds at) { stop_requested_at_ = at; }

  void wait_idle() { pool_.wait_idle(); }
  std::size_t pending() const { return pool_.pending(); }

 private:
  std::unique_ptr<history::StateStore> open_store() const {
    return history::StateStore::open(options_.state_url);
  }

  void take_over_dead_schedulers() {
    for (const auto& owner : runs_.lease_owners())
      if (owner != options_.owner && dead_here(owner)) {
        spdlog::warn(
            "scheduler {} is gone: its runs and e-mails are taken "
            "over",
            owner);
        runs_.expire_leases(owner);
      }
  }

  void refresh_specs() {
    for (const auto& change : folder_.refresh()) {
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
  }

  // The compiled schedule of a report, compiled again when its text
  // changed.
  const schedule::Schedule& schedule_of(const std::string& id,
                                        const spec::Schedule& s) {
    const std::string text = s.cron + "\n" + s.time_zone;
    auto it = schedules_.find(id);
    if (it == schedules_.end() || it->second.first != text)
      it = schedules_
               .insert_or_assign(
                   id,
                   std::pair{text, schedule::Schedule(
                                       schedule::CronExpression::parse(s.cron),
                                       s.time_zone)})
               .first;
    return it->second.second;
  }

  // Where catching up starts for a report: its last slot, else when it
  // was first served, else --since when earlier.
  sys_seconds catch_up_from(const std::string& id, sys_seconds now) {
    sys_seconds from(
        seconds(runs_.catch_up_from(id, count(now), kOnTime.count())));
    if (options_.since && *options_.since < from) {
      const auto last = runs_.last_slot(id);
      from = last ? std::max(*options_.since, sys_seconds(seconds(*last)))
                  : *options_.since;
    }
    return from;
  }

  void claim_due_slots(sys_seconds now) {
    for (const auto& [id, served] : folder_.specs()) {
      if (!served.plan.schedule || stopping_) continue;
      const spec::Schedule& s = *served.plan.schedule;
      const schedule::CatchUpPolicy policy{schedule::parse_catch_up(s.catch_up),
                                           seconds(s.max_age_seconds)};
      for (const auto& slot :
           schedule::due_slots(schedule_of(id, s), catch_up_from(id, now), now,
                               policy, kOnTime)) {
        history::SlotKey key{id, slot_text(slot.at), count(slot.at)};
        if (in_flight(key)) continue;
        const std::string period = run_period(served.plan.report, s, slot);
        if (auto claim =
                runs_.claim(key, period, output::new_run_id(), options_.owner,
                            count(now), run_lease(s, options_.grace)))
          dispatch_run(served, key, period, *claim);
      }
    }
  }

  // Runs waiting for a retry, abandoned, or left by a dead scheduler.
  void resume_runs(sys_seconds now) {
    for (const auto& record : runs_.resumable(count(now))) {
      auto served = folder_.specs().find(record.key.report_id);
      if (served == folder_.specs().end() || !served->second.plan.schedule ||
          in_flight(record.key))
        continue;
      if (auto claim = runs_.claim(
              record.key, record.period, record.run_id, options_.owner,
              count(now),
              run_lease(*served->second.plan.schedule, options_.grace)))
        dispatch_run(served->second, record.key, record.period, *claim);
    }
  }

  void send_due_mail(sys_seconds now) {
    for (auto& d : outbox_.claim_due(options_.owner, count(now), kMailLease,
                                     4 * options_.concurrency)) {
      auto served = folder_.specs().find(d.report_id);
      if (served == folder_.specs().end() || !served->second.plan.delivery) {
        spdlog::warn(
            "{}: e-mail to {} left pending: no spec of this report "
            "with a delivery block is served",
            d.report_id, d.key.recipient);
        continue;
      }
      pool_.submit([this, d, plan = served->second.plan] {
        auto store = open_store();
        history::Outbox outbox(*store);
        // A 4xx waits as a failed run does: the schedule's back-off.
        const Backoff backoff =
            plan.schedule ? run_backoff(*plan.schedule) : Backoff{};
        send_queued_mail(outbox, plan, d, options_.owner, backoff,
                         count(clock_.now()));
      });
    }
  }

  bool in_flight(const history::SlotKey& key) {
    std::lock_guard lock(mutex_);
    return runs_in_flight_.count({key.report_id, key.slot}) > 0;
  }

  void dispatch_run(const ServedSpec& served, const history::SlotKey& key,
                    const std::string& period, const history::Claim& claim) {
    {
      std::lock_guard lock(mutex_);
      runs_in_flight_.insert({key.report_id, key.slot});
    }
    pool_.submit(
        [this, plan = served.plan, file = served.file, key, period, claim] {
          // Whatever happens to the attempt, the slot is no longer in flight
          // here: its record (or its lease) says what comes next.
          struct Landed {
            Service& service;
            std::pair<std::string, std::string> slot;
            ~Landed() {
              std::lock_guard lock(service.mutex_);
              service.runs_in_flight_.erase(slot);
            }
          } landed{*this, {key.report_id, key.slot}};
          run_slot(plan, file, key, period, claim);
        });
  }

  // One attempt of a claimed slot, on a worker: the child run, then its
  // outcome in the history and its e-mails in the outbox.
  void run_slot(const plan::ReportPlan& plan, const std::filesystem::path& file,
                const history::SlotKey& key, const std::string& period,
                const history::Claim& claim) {
    const spec::Schedule& sched = *plan.schedule;
    auto store = open_store();
    history::Runs runs(*store);
    if (stopping_) {
      // Claimed, but its turn came after the stop: left for the next
      // scheduler, explicitly.
      runs.abandon(key, options_.owner,
                   "not started: the scheduler was shut down",
                   count(clock_.now()));
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
    auto should_stop = [this] {
      const Seconds asked = stop_requested_at_.load();
      return asked != 0 &&
             count(clock_.now()) >= asked + options_.grace.count();
    };
    const ChildResult result =
        run_child(options_.program, args, timeout, should_stop);
    const Seconds now = count(clock_.now());
    const bool written =
        result.end == ChildResult::End::Exited && result.exit_code == 0;
    std::string queue_error, note;
    if (written && plan.delivery) {
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
    if (written && queue_error.empty()) {
      runs.succeed(key, options_.owner, out.string(), note, now);
      spdlog::info("{} {}: written to {} in {:.1f} s{}", key.report_id,
                   key.slot, out.string(), result.elapsed.count() / 1000.0,
                   note.empty() ? "" : "; " + note);
      return;
    }
    if (result.end == ChildResult::End::Stopped) {
      runs.abandon(key, options_.owner, failure_text(result, timeout), now);
      spdlog::warn(
          "{} {}: abandoned at shutdown; the next scheduler runs "
          "it again",
          key.report_id, key.slot);
      return;
    }
    const std::string error =
        queue_error.empty() ? failure_text(result, timeout) : queue_error;
    const bool transient = !queue_error.empty() ||
                           result.end != ChildResult::End::Exited ||
                           run_failure(result.exit_code) == Failure::Transient;
    if (!transient || claim.attempt > sched.retries) {
      runs.fail(key, options_.owner, error, now);
      spdlog::error("{} {}: failed after {} attempt(s): {}", key.report_id,
                    key.slot, claim.attempt, error);
      return;
    }
    seconds wait;
    {
      std::lock_guard lock(mutex_);
      wait = run_backoff(sched).after(claim.attempt, random_);
    }
    runs.wait(key, options_.owner, error, now + wait.count(), now);
    spdlog::warn("{} {}: attempt {} failed ({}); next attempt in {} s",
                 key.report_id, key.slot, claim.attempt, error, wait.count());
  }

  const ServeOptions& options_;
  schedule::Clock& clock_;
  const std::atomic<bool>& stopping_;
  std::atomic<Seconds> stop_requested_at_{0};
  plugin_host::Registry plugins_;
  SpecFolder folder_;
  std::unique_ptr<history::StateStore> store_;  // the main thread's
  history::Runs runs_;
  history::Outbox outbox_;
  // Compiled schedules, by report id, with the text they came from.
  std::map<std::string, std::pair<std::string, schedule::Schedule>> schedules_;
  std::mutex mutex_;  // guards the two members below, shared by the workers
  std::set<std::pair<std::string, std::string>> runs_in_flight_;
  std::mt19937_64 random_{std::random_device{}()};
  WorkPool pool_;  // last: its workers end first, while the rest is alive
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
  Service service(options_, clock_, stopping_);
  spdlog::info("vigie serve: specs {}, reports to {}, state {}, owner {}",
               options_.specs.string(), options_.out.string(),
               service.state_name(), options_.owner);
  try {
    if (options_.once) {
      // The runs due now, then their e-mails (queued as each run ends).
      service.pass();
      service.wait_idle();
      service.pass();
      service.wait_idle();
      return pipeline::kSuccess;
    }
    while (!stopping_) {
      service.pass();
      const sys_seconds wake = service.next_wake(clock_.now() + options_.poll);
      if (!stopping_) clock_.sleep_until(wake);
    }
  } catch (const history::StateError& e) {
    stopping_ = true;
    service.stop_runs_after(count(clock_.now()));
    spdlog::error("{}", e.what());
    service.wait_idle();
    return pipeline::kStateError;
  }
  service.stop_runs_after(count(clock_.now()));
  spdlog::info(
      "stopping: {} run(s) and e-mail(s) in progress get {} s to "
      "finish",
      service.pending(), options_.grace.count());
  service.wait_idle();
  spdlog::info("stopped");
  return pipeline::kSuccess;
}

}  // namespace vigie::serve
