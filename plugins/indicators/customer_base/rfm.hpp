// The value_segments and rfm_scores tables of the RFM ranking
// (vigie/sdk/kernels/rfm.hpp; KPI-CATALOG.md, "Value segments").
#pragma once

#include <string>
#include <vector>

#include "vigie/sdk/kernels/rfm.hpp"

namespace customer_base {

using vigie::sdk::kernels::RfmCustomer;
using vigie::sdk::kernels::RfmRanking;

// value_segments: one row a segment, in segment order.
vigie::Table segment_table(const RfmRanking& ranking,
                           const std::vector<std::string>& names);
// rfm_scores: customers per (R, F, M) score combination, scores 1..5.
vigie::Table score_table(const RfmRanking& ranking);

}  // namespace customer_base
