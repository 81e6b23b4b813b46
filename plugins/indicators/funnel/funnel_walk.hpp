// How far one person goes down a funnel: the greatest k such that there
// are k distinct events e1..ek, ei matching step i, with e1.ts <= ... <=
// ek.ts (KPI-CATALOG.md section 4). The events are walked in time order,
// each step taken by the earliest event that can take it (greedy earliest
// match: reaching a step sooner never closes a later one). Events of equal
// time may take their steps in any order: within such a group, the steps
// are given to distinct events by a bipartite matching, so that an event
// matching two steps does not hide another that matches only one.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "funnel_steps.hpp"
#include "vigie/sdk.hpp"

namespace vigie::funnel {

class StepWalker {
 public:
  explicit StepWalker(int32_t step_count) : step_count_(step_count) {}

  // The steps reached by the events `events` (time order), whose matched
  // steps are masks[event.row].
  int32_t reached(std::span<const sdk::kernels::Event> events,
                  std::span<const StepMask> masks);

 private:
  // The steps from `next` on that the events of one time, masks_, take.
  int32_t steps_of_one_time(int32_t next);
  bool give_step(int32_t step);

  int32_t step_count_;
  // Scratch of one group of equal times, kept across calls.
  std::vector<StepMask> masks_;
  std::vector<int32_t> step_of_event_;
  std::vector<uint8_t> seen_;
};

}  // namespace vigie::funnel
