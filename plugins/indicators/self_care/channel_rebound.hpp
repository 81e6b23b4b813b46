// Channel rebound (KPI-CATALOG.md section 2): the pairs (customer, action)
// of the customers who were on an action's topic on the web in a period,
// and those of them who called about it within the rebound window after one
// of those web events (t < call <= t + window). The customer of a web event
// is the stitched person of section 3 at the end of the event's period
// (visitor_links), so an anonymous event of a linked visitor counts for its
// customer; a call's customer is its own customer_id.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "self_care_datasets.hpp"
#include "vigie/sdk.hpp"

namespace vigie::self_care {

// A rebounded pair of the report period: a failed self-care journey.
struct FailedJourney {
  int32_t customer;
  int32_t action;
  // The latest web event of the pair in the period that a call followed
  // within the window, and the first call after it.
  int64_t last_web_event;
  int64_t call_at;
};

struct PeriodRebound {
  std::vector<int64_t> pairs;      // by action
  std::vector<int64_t> rebounded;  // by action
};

struct ReboundFindings {
  std::vector<PeriodRebound> periods;          // in the order of the request
  std::vector<FailedJourney> failed_journeys;  // of the current period
  // The start of the latest call of the data (lowest value if none).
  int64_t latest_call = std::numeric_limits<int64_t>::min();
};

// Calls count whenever they start, after the end of the period too; any
// inbound call counts, answered or abandoned.
ReboundFindings find_rebounds(const WebEvents& events, const Calls& calls,
                              const sdk::kernels::Stitching& stitching,
                              size_t action_count,
                              const sdk::kernels::PeriodIndex& periods,
                              size_t current, int64_t window_us);

}  // namespace vigie::self_care
