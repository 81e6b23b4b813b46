// The figures of the web events of each period (an event counts in the
// period its ts falls in): unique visitors, unique people, load-time
// percentiles, cross-device customers; and P's load time by page group.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "vigie/sdk/column.hpp"
#include "web_data.hpp"

namespace vigie::web_analytics {

// By period of the request.
struct AudienceFigures {
  std::vector<int64_t> unique_visitors;
  std::vector<int64_t> unique_people;  // stitched at the period's end
};
AudienceFigures audience_figures(WebData& data);

struct LoadTimeFigures {
  std::vector<std::optional<int64_t>> p50, p95;  // ms, by period
};
LoadTimeFigures load_time_figures(WebData& data);

struct CrossDeviceFigures {
  std::vector<int64_t> customers;     // customers with an event, by period
  std::vector<int64_t> cross_device;  // of them, on two devices or more
};
CrossDeviceFigures cross_device_figures(WebData& data);

// load_time_by_group: group, page_views, p50, p95 (ms) of P's page views
// with a load time, one row a group that has one, by group name.
Table load_time_by_group(WebData& data);

}  // namespace vigie::web_analytics
