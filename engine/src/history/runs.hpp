// The runs of scheduled slots: one row a (report, slot) ever, claimed
// under a lease. Two schedulers asking for the same slot get one claim
// between them; a scheduler that dies leaves a lease that expires, and
// the slot is claimed again (its attempts counted).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "history/state_store.hpp"

namespace vigie::history {

// running: a scheduler holds the lease; waiting: failed for a reason that
// may pass (a source down), to try again at next_attempt_at; succeeded:
// the report is written and its e-mails are in the outbox; failed: for
// good (the error says why); abandoned: stopped at shutdown, to run again.
enum class RunStatus { Running, Waiting, Succeeded, Failed, Abandoned };

std::string_view status_name(RunStatus status);
RunStatus run_status(std::string_view name);

struct SlotKey {
  std::string report_id;
  std::string slot;  // the slot's instant, UTC ISO 8601: 2026-11-01T06:00:00Z
  Seconds slot_at = 0;
};

struct Claim {
  std::string run_id;  // the same for every attempt of the slot
  int attempt = 1;     // 1 for the first
};

struct RunRecord {
  SlotKey key;
  std::string run_id;
  std::string period;
  RunStatus status = RunStatus::Running;
  int attempts = 0;
  std::string lease_owner;
  Seconds lease_until = 0;
  Seconds next_attempt_at = 0;
  std::string report_dir;
  std::string error;
  std::string note;  // e.g. why no e-mail was sent (send_when)
  Seconds created_at = 0;
  Seconds updated_at = 0;
};

class Runs {
 public:
  explicit Runs(StateStore& store) : store_(store) {}

  // The slot for `owner` until now + lease: a new one, or one whose lease
  // expired (its scheduler died), or one waiting whose time has come; else
  // nullopt (another scheduler has it, or it is done). `run_id` is used
  // for a new slot only.
  std::optional<Claim> claim(const SlotKey& key, const std::string& period,
                             const std::string& run_id,
                             const std::string& owner, Seconds now,
                             Seconds lease);

  // Extends the lease; false when `owner` no longer holds it.
  bool renew(const SlotKey& key, const std::string& owner, Seconds until);

  // The end of an attempt, written only by the lease's owner: false when it
  // had lost the lease (another scheduler took the slot over).
  bool succeed(const SlotKey& key, const std::string& owner,
               const std::string& report_dir, const std::string& note,
               Seconds now);
  bool wait(const SlotKey& key, const std::string& owner,
            const std::string& error, Seconds next_attempt_at, Seconds now);
  bool fail(const SlotKey& key, const std::string& owner,
            const std::string& error, Seconds now);
  bool abandon(const SlotKey& key, const std::string& owner,
               const std::string& reason, Seconds now);

  std::optional<RunRecord> find(const std::string& report_id,
                                const std::string& slot);
  // The newest slot recorded for the report.
  std::optional<Seconds> last_slot(const std::string& report_id);
  // When a scheduler first served the report (recorded at `now` the first
  // time it is asked): no slot before it was missed.
  Seconds first_seen(const std::string& report_id, Seconds now);
  // Where catching up starts: the last slot recorded, else `on_time`
  // before first_seen (a scheduler first started at 07:00:05 runs the
  // slot of 07:00).
  Seconds catch_up_from(const std::string& report_id, Seconds now,
                        Seconds on_time);
  // Newest first; empty report_id: every report.
  std::vector<RunRecord> list(const std::string& report_id, int limit);
  // The schedulers holding a lease on a run or an e-mail now.
  std::vector<std::string> lease_owners();
  // Ends every lease of `owner` (a scheduler known to be dead: its
  // process is gone from this machine), so that its runs and e-mails are
  // taken over at once rather than when the leases run out.
  void expire_leases(const std::string& owner);

  // The runs that are not finished and whose time has come (waiting, or
  // abandoned, or running with an expired lease): a scheduler resumes them.
  std::vector<RunRecord> resumable(Seconds now);

 private:
  bool finish(const SlotKey& key, const std::string& owner, RunStatus status,
              const std::string& report_dir, const std::string& error,
              const std::string& note, Seconds next_attempt_at, Seconds now);

  StateStore& store_;
};

}  // namespace vigie::history
