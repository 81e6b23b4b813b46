// The events a funnel looks at: every web event and purchase that matches
// at least one step, with its period, its person (stitched at the as_of of
// that period) and the steps it matches. Each dictionary is matched against
// the steps once, a code at a time, so that the pass over the rows compares
// integers only.
#pragma once

#include <cstdint>
#include <vector>

#include "funnel_steps.hpp"
#include "vigie/sdk.hpp"

namespace vigie::funnel {

struct Hits {
  std::vector<int32_t> period;  // index of the request's period
  std::vector<int32_t> person;  // a person key, below person_count
  std::vector<int64_t> time;
  std::vector<StepMask> steps;  // bit k: matches step k
  int64_t person_count = 0;

  void add(int32_t p, int32_t who, int64_t t, StepMask matched) {
    period.push_back(p);
    person.push_back(who);
    time.push_back(t);
    steps.push_back(matched);
  }
};

// `orders` is needed only when a step is a purchase (else nullptr).
Hits collect_hits(const FunnelParameters& parameters,
                  const TableView& web_events, const TableView& visitor_links,
                  const TableView* orders,
                  const sdk::kernels::PeriodIndex& periods);

}  // namespace vigie::funnel
