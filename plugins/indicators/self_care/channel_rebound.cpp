#include "channel_rebound.hpp"

#include <algorithm>
#include <stdexcept>

namespace vigie::self_care {

namespace {

using namespace sdk::kernels;

// A (customer, action) pair as one dense code: customer * actions + action.
struct PairCodes {
  int64_t actions;
  int64_t count;
  int32_t of(int32_t customer, int32_t action) const {
    return static_cast<int32_t>(customer * actions + action);
  }
};

// The web events on a topic of each pair: one touch an (event, topic),
// keyed by the event's person stitched at the end of its period.
struct Touches {
  std::vector<int32_t> pair;
  std::vector<int64_t> time;
  std::vector<int32_t> period;
};

Touches topic_touches(const WebEvents& events, const Stitching& stitching,
                      const PeriodIndex& periods, const PairCodes& codes) {
  Touches out;
  const CodeSource visitors(events.visitors());
  const IntSource times(events.times());
  const std::vector<int32_t> period_of_row = periods.assign(events.times());
  for (int64_t row = 0; row < times.size(); ++row) {
    const int32_t p = period_of_row[static_cast<size_t>(row)];
    if (p == kNone) continue;
    const int32_t visitor = visitors[row];
    if (visitor < 0) continue;
    int32_t customer = kNone - 1;  // looked up at the first topic
    events.for_each_topic(row, [&](int32_t action) {
      if (customer == kNone - 1)
        customer =
            stitching.person(visitor, periods[static_cast<size_t>(p)].end_us);
      if (customer == kNone) return;  // an anonymous visitor
      out.pair.push_back(codes.of(customer, action));
      out.time.push_back(times[row]);
      out.period.push_back(p);
    });
  }
  return out;
}

// The inbound calls of each pair, in time order.
Timeline pair_calls(const Calls& calls, const PairCodes& codes,
                    int64_t customers) {
  std::vector<int32_t> pair(static_cast<size_t>(calls.times().size()), kNone);
  for (int64_t row = 0; row < calls.times().size(); ++row) {
    const int32_t customer = calls.customer(row);
    const int32_t action = calls.reason_action(row);
    if (customer < 0 || customer >= customers || action == kNoAction ||
        !calls.inbound(row))
      continue;
    pair[static_cast<size_t>(row)] = codes.of(customer, action);
  }
  return Timeline(CodeSource(pair, codes.count), calls.times());
}

int64_t latest_start(const Calls& calls) {
  const IntSource times(calls.times());
  int64_t latest = std::numeric_limits<int64_t>::min();
  for (int64_t row = 0; row < times.size(); ++row)
    if (times.valid(row)) latest = std::max(latest, times[row]);
  return latest;
}

}  // namespace

ReboundFindings find_rebounds(const WebEvents& events, const Calls& calls,
                              const Stitching& stitching, size_t action_count,
                              const PeriodIndex& periods, size_t current,
                              int64_t window_us) {
  ReboundFindings findings;
  findings.periods.resize(static_cast<size_t>(periods.size()));
  for (auto& p : findings.periods) {
    p.pairs.assign(action_count, 0);
    p.rebounded.assign(action_count, 0);
  }
  findings.latest_call = latest_start(calls);
  // Customer codes are shared by visitor_links and calls (one dictionary).
  const int64_t customers =
      std::max(stitching.customer_count(), calls.customer_count());
  const PairCodes codes{static_cast<int64_t>(action_count),
                        customers * static_cast<int64_t>(action_count)};
  if (codes.count > std::numeric_limits<int32_t>::max())
    throw std::length_error(
        "customers times self-care actions are beyond int32 pair codes");
  const Touches touches = topic_touches(events, stitching, periods, codes);
  const Timeline web(CodeSource(touches.pair, codes.count),
                     IntSource(touches.time));
  const Timeline phone = pair_calls(calls, codes, customers);

  for (int32_t pair = 0; pair < web.entity_count(); ++pair) {
    const std::span<const Event> seen = web.events(pair);
    // A pair's touches in time order fall in runs of one period each.
    for (size_t first = 0; first < seen.size();) {
      const int32_t p = touches.period[static_cast<size_t>(seen[first].row)];
      size_t end = first;
      while (end < seen.size() &&
             touches.period[static_cast<size_t>(seen[end].row)] == p)
        ++end;
      PeriodRebound& counts = findings.periods[static_cast<size_t>(p)];
      const auto action = static_cast<int32_t>(pair % codes.actions);
      ++counts.pairs[static_cast<size_t>(action)];
      // From the latest touch back: the first that a call followed.
      for (size_t touch = end; touch > first; --touch) {
        const int64_t t = seen[touch - 1].time;
        const auto call = phone.next_within(pair, t, window_us);
        if (!call) continue;
        ++counts.rebounded[static_cast<size_t>(action)];
        if (static_cast<size_t>(p) == current)
          findings.failed_journeys.push_back(
              {static_cast<int32_t>(pair / codes.actions), action, t,
               call->time});
        break;
      }
      first = end;
    }
  }
  return findings;
}

}  // namespace vigie::self_care
