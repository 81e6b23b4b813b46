// Typical paths (KPI-CATALOG.md section 3): the page groups a session of P
// went through, in time order, pages in no group dropped, consecutive
// repeats collapsed, cut after the first `path_length` groups; the most
// frequent ones with their share of visits and the share of their sessions
// that end with an action or a conversion.
#pragma once

#include <cstdint>
#include <span>

#include "vigie/sdk/column.hpp"
#include "web_data.hpp"

namespace vigie::web_analytics {

// top_paths: path (groups joined by " > "), sessions, share (of P's
// visits), ending_share; by sessions descending, then path text.
Table top_paths(const WebData& data, std::span<const int32_t> session_period);

}  // namespace vigie::web_analytics
