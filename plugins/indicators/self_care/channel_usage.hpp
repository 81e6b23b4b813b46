// How often each self-care action was done online and asked for on the
// phone in each period, and how many inbound calls carry a customer
// (KPI-CATALOG.md section 2: online(a), offline(a), identified_call_share).
// Each is one pass over its dataset for every period of the request.
#pragma once

#include <cstdint>
#include <vector>

#include "self_care_datasets.hpp"
#include "vigie/sdk.hpp"

namespace vigie::self_care {

// Counts by period (in the order of the request), then by action.
using ActionCounts = std::vector<std::vector<int64_t>>;

// `action` events of each table action.
ActionCounts count_online_acts(const WebEvents& events, size_t action_count,
                               const sdk::kernels::PeriodIndex& periods);

// Inbound answered calls whose reason is each table action.
ActionCounts count_offline_acts(const Calls& calls, size_t action_count,
                                const sdk::kernels::PeriodIndex& periods);

struct InboundCalls {
  std::vector<int64_t> all;         // by period, whatever their reason
  std::vector<int64_t> identified;  // those with a customer_id
};
InboundCalls count_inbound_calls(const Calls& calls,
                                 const sdk::kernels::PeriodIndex& periods);

}  // namespace vigie::self_care
