#include "schedule/catch_up.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace vigie::schedule {

CatchUp parse_catch_up(std::string_view text) {
  if (text == "skip") return CatchUp::Skip;
  if (text == "latest") return CatchUp::Latest;
  if (text == "all") return CatchUp::All;
  throw std::invalid_argument(fmt::format(
      "unknown catch-up policy '{}': expected skip, latest or all", text));
}

std::string_view catch_up_name(CatchUp mode) {
  switch (mode) {
    case CatchUp::Skip:
      return "skip";
    case CatchUp::Latest:
      return "latest";
    case CatchUp::All:
      return "all";
  }
  return "latest";
}

std::vector<Slot> due_slots(const Schedule& schedule,
                            std::chrono::sys_seconds since_exclusive,
                            std::chrono::sys_seconds now,
                            const CatchUpPolicy& policy,
                            std::chrono::seconds on_time) {
  if (now <= since_exclusive) return {};
  // Nothing older than `window` can be due: list from there only (from a
  // second before it, as the range is exclusive and a slot exactly
  // `window` old is due).
  std::chrono::seconds window = policy.mode == CatchUp::Skip
                                    ? on_time
                                    : std::max(policy.max_age, on_time);
  std::chrono::sys_seconds from =
      std::max(since_exclusive, now - window - std::chrono::seconds{1});
  std::vector<Slot> slots =
      schedule.slots_between(from, now, std::numeric_limits<size_t>::max());

  std::vector<Slot> missed;
  std::vector<Slot> on_time_slots;
  for (const Slot& slot : slots) {
    std::chrono::seconds age = now - slot.at;
    if (age <= on_time)
      on_time_slots.push_back(slot);
    else if (age <= policy.max_age)
      missed.push_back(slot);
  }

  std::vector<Slot> due;
  switch (policy.mode) {
    case CatchUp::Skip:
      break;
    case CatchUp::Latest:
      if (on_time_slots.empty() && !missed.empty())
        due.push_back(missed.back());
      break;
    case CatchUp::All:
      due = missed;
      break;
  }
  due.insert(due.end(), on_time_slots.begin(), on_time_slots.end());
  return due;
}

}  // namespace vigie::schedule
