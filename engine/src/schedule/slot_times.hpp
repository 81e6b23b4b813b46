// When a schedule runs: its cron expression read in an IANA time zone and
// turned into UTC instants ("slots").
//
// The daylight-saving rule, the one Vixie cron and cronie users expect:
// - a slot is a local wall-clock minute the expression matches;
// - a local time that does not exist (the spring gap: 02:30 on 2026-03-29
//   in Europe/Paris) runs at the first instant after the gap (03:00 local,
//   01:00 UTC). Every slot of the gap, and a slot at the gap's end (03:00),
//   collapse into that one instant, which runs once; its Slot::local is the
//   earliest of them (`*/15 * * * *` runs at 01:45 local, then once at
//   01:00 UTC with local 02:00, then 03:15);
// - a local time that occurs twice (the autumn repeat: 02:30 on 2026-10-25
//   in Paris, at 00:30 UTC in summer time and again at 01:30 UTC in winter
//   time) runs once, at its first occurrence (the earlier UTC instant).
//   So in the repeated hour the second occurrence's minutes are not run
//   again: `*/15 * * * *` runs at 02:00, 02:15, 02:30, 02:45 summer time
//   (00:00-00:45 UTC), then nothing until 03:00 winter time (02:00 UTC).
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "schedule/cron.hpp"

namespace vigie::schedule {

// One run of a schedule.
struct Slot {
  std::chrono::sys_seconds at;  // when it runs
  // The wall-clock time written by the expression, even in a gap (where
  // `at` is the end of the gap): the time a report covers is reckoned from
  // it (covered_period.hpp).
  date::local_seconds local;

  bool operator==(const Slot&) const = default;
};

class Schedule {
 public:
  // Throws CronError for a bad expression, std::invalid_argument naming the
  // zone for an unknown zone.
  Schedule(std::string_view expression, std::string_view zone_name);
  Schedule(CronExpression cron, std::string_view zone_name);
  Schedule(CronExpression cron, const date::time_zone* zone);

  const CronExpression& cron() const { return cron_; }
  const date::time_zone& zone() const { return *zone_; }

  // The next slot strictly after `t`; nothing when the expression does not
  // run again within CronExpression::kSearchYears.
  std::optional<Slot> next_slot(std::chrono::sys_seconds t) const;
  std::optional<std::chrono::sys_seconds> next_after(
      std::chrono::sys_seconds t) const;

  // The slots in (from_exclusive, to_inclusive], oldest first, at most
  // `limit` of them (the oldest).
  std::vector<Slot> slots_between(std::chrono::sys_seconds from_exclusive,
                                  std::chrono::sys_seconds to_inclusive,
                                  size_t limit) const;

  // The `n` slots after `after` (fewer if the expression stops matching).
  std::vector<Slot> next_slots(std::chrono::sys_seconds after, size_t n) const;

  // When the local wall-clock time `local` runs, by the rule above.
  std::chrono::sys_seconds instant_of(date::local_seconds local) const;

 private:
  CronExpression cron_;
  const date::time_zone* zone_;
};

}  // namespace vigie::schedule
