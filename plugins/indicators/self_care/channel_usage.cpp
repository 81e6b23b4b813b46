#include "channel_usage.hpp"

namespace vigie::self_care {

namespace {

bool contains(const vigie_period& period, int64_t time) {
  return period.start_us <= time && time < period.end_us;
}

}  // namespace

std::vector<PeriodUsage> count_channel_usage(
    const WebEvents& events, const Calls& calls, size_t action_count,
    std::span<const vigie_period> periods) {
  std::vector<PeriodUsage> usage(periods.size());
  for (auto& period : usage) {
    period.online.assign(action_count, 0);
    period.offline.assign(action_count, 0);
  }
  // Periods are few (a dozen): each row is tested against all of them,
  // which also counts a row twice if the spec's periods overlap.
  for (int64_t row = 0; row < events.rows(); ++row) {
    if (!events.has_time(row)) continue;
    int32_t action = events.online_action(row);
    if (action == kNoAction) continue;
    for (size_t p = 0; p < periods.size(); ++p)
      if (contains(periods[p], events.time(row)))
        ++usage[p].online[static_cast<size_t>(action)];
  }
  for (int64_t row = 0; row < calls.rows(); ++row) {
    if (!calls.has_time(row) || !calls.inbound(row)) continue;
    bool identified = calls.customer(row) != kNoCustomer;
    int32_t action = calls.answered(row) ? calls.reason_action(row) : kNoAction;
    for (size_t p = 0; p < periods.size(); ++p) {
      if (!contains(periods[p], calls.time(row))) continue;
      ++usage[p].inbound_calls;
      if (identified) ++usage[p].identified_inbound_calls;
      if (action != kNoAction) ++usage[p].offline[static_cast<size_t>(action)];
    }
  }
  return usage;
}

}  // namespace vigie::self_care
