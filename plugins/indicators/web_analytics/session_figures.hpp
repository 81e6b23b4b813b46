// The figures of the sessions of each period (a session belongs, whole, to
// the period of its first event): visits, bounce rate, pages per visit,
// average visit duration, and the visits of P by device. One pass over the
// sessions for every period.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "vigie/sdk/column.hpp"
#include "web_data.hpp"

namespace vigie::web_analytics {

struct SessionFigures {
  // By period of the request.
  std::vector<int64_t> visits;
  std::vector<std::optional<double>> bounce_rate;
  std::vector<std::optional<double>> pages_per_visit;
  std::vector<std::optional<double>> avg_visit_duration;  // seconds
};

// The session index of every period (kNone outside them), which the
// sessions' other figures (paths) read too.
std::vector<int32_t> session_periods(const WebData& data);

SessionFigures session_figures(const WebData& data,
                               std::span<const int32_t> session_period);

// visits_by_device: device ("(none)" when the first event has none),
// visits, share of P's visits; by visits descending, then device.
Table visits_by_device(const WebData& data,
                       std::span<const int32_t> session_period);

}  // namespace vigie::web_analytics
