#include "funnel_walk.hpp"

namespace vigie::funnel {

int32_t StepWalker::reached(std::span<const sdk::kernels::Event> events,
                            std::span<const StepMask> masks) {
  int32_t next = 0;  // the step to reach next
  for (size_t first = 0; first < events.size() && next < step_count_;) {
    size_t end = first + 1;
    while (end < events.size() && events[end].time == events[first].time) ++end;
    if (end == first + 1) {  // one event at this time: the common case
      if (masks[static_cast<size_t>(events[first].row)] & (StepMask{1} << next))
        ++next;
    } else {
      masks_.clear();
      for (size_t e = first; e < end; ++e)
        masks_.push_back(masks[static_cast<size_t>(events[e].row)]);
      next += steps_of_one_time(next);
    }
    first = end;
  }
  return next;
}

// Kuhn's augmenting paths: steps next, next + 1, ... are added one at a
// time while some assignment gives each a distinct event of the group; the
// first step that cannot be added ends the group's run (no assignment of
// the group covers it together with the steps before it).
int32_t StepWalker::steps_of_one_time(int32_t next) {
  step_of_event_.assign(masks_.size(), -1);
  int32_t taken = 0;
  for (int32_t step = next; step < step_count_; ++step) {
    seen_.assign(masks_.size(), 0);
    if (!give_step(step)) break;
    ++taken;
  }
  return taken;
}

bool StepWalker::give_step(int32_t step) {
  for (size_t e = 0; e < masks_.size(); ++e) {
    if (!(masks_[e] & (StepMask{1} << step)) || seen_[e]) continue;
    seen_[e] = 1;
    if (step_of_event_[e] < 0 || give_step(step_of_event_[e])) {
      step_of_event_[e] = step;
      return true;
    }
  }
  return false;
}

}  // namespace vigie::funnel
