// Which slots to run now, after the scheduler was not running for a while
// (machine off, service stopped), by the spec's catch-up policy.
#pragma once

#include <chrono>
#include <string_view>
#include <vector>

#include "schedule/slot_times.hpp"

namespace vigie::schedule {

enum class CatchUp {
  Skip,    // missed slots are dropped: only on-time slots run
  Latest,  // the newest missed slot runs, unless an on-time one does
  All,     // every missed slot runs, oldest first
};

// "skip", "latest" or "all"; throws std::invalid_argument listing them.
CatchUp parse_catch_up(std::string_view text);
std::string_view catch_up_name(CatchUp mode);

struct CatchUpPolicy {
  CatchUp mode = CatchUp::Latest;
  // A missed slot older than this is never run (a month-old daily report
  // is no longer wanted).
  std::chrono::seconds max_age{std::chrono::hours{24}};
};

// The slots in (since_exclusive, now] to run now, oldest first.
//
// A slot with now - at <= on_time is on time and always due, whatever the
// policy. Older ones were missed: Skip runs none of them; Latest runs only
// the newest one whose age is <= max_age, and only when no slot is on time
// (the on-time one is the newer report, so it wins); All runs every missed
// one with age <= max_age, then the on-time ones.
//
// The work is bounded by the policy, not by `since`: no slot older than
// max(max_age, on_time) (on_time alone for Skip) can be due, so slots are
// listed from there only. A `since` ten years back with a per-minute cron
// costs at most max_age worth of slots (1440 for the default 24 hours),
// never the 5 million minutes since.
std::vector<Slot> due_slots(
    const Schedule& schedule, std::chrono::sys_seconds since_exclusive,
    std::chrono::sys_seconds now, const CatchUpPolicy& policy,
    std::chrono::seconds on_time = std::chrono::seconds{60});

}  // namespace vigie::schedule
