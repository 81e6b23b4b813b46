// First contact resolution (KPI-CATALOG.md section 6): of the answered
// inbound calls of identified customers, those not followed by another
// inbound call of the same customer with the same reason within the repeat
// window after. "Within d after" is Timeline::next_within's (t, t + d]: a
// call exactly d later is a repeat, one a microsecond later is not, nor is
// one at the very same instant.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "call_centre_calls.hpp"

namespace vigie::call_centre {

struct FirstContact {
  std::vector<int64_t> measured;  // by period: the answered calls judged
  std::vector<int64_t> resolved;  // not followed by a repeat
  // The latest start of an inbound call (to tell whether the data cover
  // the window after the period); the minimum of int64 when there is none.
  int64_t latest_inbound = std::numeric_limits<int64_t>::min();
};

FirstContact first_contact_resolution(const Calls& calls,
                                      std::span<const int32_t> inbound_period,
                                      int32_t period_count, int64_t window_us);

}  // namespace vigie::call_centre
