// How often each self-care action was done online and asked for on the
// phone in each period, and how many inbound calls carry a customer
// (KPI-CATALOG.md section 2: online(a), offline(a), identified_call_share).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "self_care_datasets.hpp"
#include "vigie/plugin.h"

namespace vigie::self_care {

struct PeriodUsage {
  std::vector<int64_t> online;   // by action: `action` events in the period
  std::vector<int64_t> offline;  // by action: inbound answered calls
  int64_t inbound_calls = 0;     // every inbound call, whatever its reason
  int64_t identified_inbound_calls = 0;  // those with a customer_id
};

// One entry a period, in the order of `periods`.
std::vector<PeriodUsage> count_channel_usage(
    const WebEvents& events, const Calls& calls, size_t action_count,
    std::span<const vigie_period> periods);

}  // namespace vigie::self_care
