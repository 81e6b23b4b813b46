#include "channel_rebound.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace vigie::self_care {

namespace {

// A web event on a topic, or a call about a reason, of one customer.
struct Contact {
  int32_t customer;
  int32_t action;
  int64_t time;
};

bool same_pair(const Contact& a, const Contact& b) {
  return a.customer == b.customer && a.action == b.action;
}
bool pair_before(const Contact& a, const Contact& b) {
  return std::tie(a.customer, a.action) < std::tie(b.customer, b.action);
}
bool contact_before(const Contact& a, const Contact& b) {
  return std::tie(a.customer, a.action, a.time) <
         std::tie(b.customer, b.action, b.time);
}
bool time_before(const Contact& c, int64_t time) { return c.time < time; }

bool in_any(std::span<const vigie_period> periods, int64_t time) {
  for (const auto& p : periods)
    if (p.start_us <= time && time < p.end_us) return true;
  return false;
}

std::vector<Contact> topic_events(const WebEvents& events,
                                  std::span<const vigie_period> periods) {
  std::vector<Contact> out;
  for (int64_t row = 0; row < events.rows(); ++row) {
    if (!events.has_time(row)) continue;
    int32_t customer = events.customer(row);
    int64_t time = events.time(row);
    if (customer == kNoCustomer || !in_any(periods, time)) continue;
    events.for_each_topic(row, [&](int32_t action) {
      out.push_back({customer, action, time});
    });
  }
  std::sort(out.begin(), out.end(), contact_before);
  return out;
}

std::vector<Contact> reason_calls(const Calls& calls, int64_t& latest_call) {
  std::vector<Contact> out;
  for (int64_t row = 0; row < calls.rows(); ++row) {
    if (!calls.has_time(row)) continue;
    latest_call = std::max(latest_call, calls.time(row));
    int32_t customer = calls.customer(row);
    int32_t action = calls.reason_action(row);
    if (!calls.inbound(row) || customer == kNoCustomer || action == kNoAction)
      continue;
    out.push_back({customer, action, calls.time(row)});
  }
  std::sort(out.begin(), out.end(), contact_before);
  return out;
}

// The first call of `calls` (one pair's, by time) in (time, time + window].
std::optional<int64_t> rebound_call(std::span<const Contact> calls,
                                    int64_t time, int64_t window_us) {
  auto next =
      std::upper_bound(calls.begin(), calls.end(), time,
                       [](int64_t t, const Contact& c) { return t < c.time; });
  if (next == calls.end() || next->time - time > window_us) return std::nullopt;
  return next->time;
}

}  // namespace

ReboundFindings find_rebounds(const WebEvents& events, const Calls& calls,
                              size_t action_count,
                              std::span<const vigie_period> periods,
                              size_t current, int64_t window_us) {
  ReboundFindings findings;
  findings.periods.resize(periods.size());
  for (auto& p : findings.periods) {
    p.pairs.assign(action_count, 0);
    p.rebounded.assign(action_count, 0);
  }
  // Both sides sorted by (customer, action, time): one merge walk pairs each
  // customer's web events on a topic with the calls about it, and a binary
  // search finds the call following each event.
  std::vector<Contact> touches = topic_events(events, periods);
  std::vector<Contact> pair_calls = reason_calls(calls, findings.latest_call);
  auto call = pair_calls.begin();
  for (auto first = touches.begin(); first != touches.end();) {
    auto last = std::find_if_not(first, touches.end(), [&](const Contact& c) {
      return same_pair(c, *first);
    });
    while (call != pair_calls.end() && pair_before(*call, *first)) ++call;
    auto calls_end = std::find_if_not(
        call, pair_calls.end(),
        [&](const Contact& c) { return same_pair(c, *first); });
    std::span<const Contact> calls_of_pair(call, calls_end);
    auto action = static_cast<size_t>(first->action);
    for (size_t p = 0; p < periods.size(); ++p) {
      auto lo = std::lower_bound(first, last, periods[p].start_us, time_before);
      auto hi = std::lower_bound(lo, last, periods[p].end_us, time_before);
      if (lo == hi) continue;
      ++findings.periods[p].pairs[action];
      // From the latest event back: the first that a call followed.
      for (auto touch = hi; touch != lo;) {
        --touch;
        auto at = rebound_call(calls_of_pair, touch->time, window_us);
        if (!at) continue;
        ++findings.periods[p].rebounded[action];
        if (p == current)
          findings.failed_journeys.push_back(
              {first->customer, first->action, touch->time, *at});
        break;
      }
    }
    first = last;
    call = calls_end;
  }
  return findings;
}

}  // namespace vigie::self_care
