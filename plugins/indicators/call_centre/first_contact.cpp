#include "first_contact.hpp"

#include <algorithm>

#include "vigie/sdk/kernels/timeline.hpp"

namespace vigie::call_centre {

using namespace sdk::kernels;

FirstContact first_contact_resolution(const Calls& calls,
                                      std::span<const int32_t> inbound_period,
                                      int32_t period_count, int64_t window_us) {
  FirstContact out;
  out.measured.assign(static_cast<size_t>(period_count), 0);
  out.resolved.assign(static_cast<size_t>(period_count), 0);
  const Calls::Directions directions = calls.directions();
  const IntSource times(calls.started_at());
  for (int64_t row = 0; row < times.size(); ++row)
    if (times.valid(row) && directions.is_inbound(row))
      out.latest_inbound = std::max(out.latest_inbound, times[row]);

  // Without a customer or a reason no call can be judged: no value.
  const ColumnView* customers = calls.customers();
  const ColumnView* reasons = calls.reasons();
  if (customers == nullptr || reasons == nullptr) return out;
  const Calls::Outcomes outcomes = calls.outcomes();
  const int32_t* reason = reasons->codes();

  // Each customer's inbound calls that carry a reason, in time order: a
  // repeat may come after the periods, or in a gap between them, and may
  // be answered or not (the customer called again either way).
  auto has_reason = [&](int64_t row) {
    return reasons->is_valid(row) && directions.is_inbound(row);
  };
  const Timeline by_customer(*customers, times, has_reason);

  for (int64_t row = 0; row < times.size(); ++row) {
    const int32_t p = inbound_period[static_cast<size_t>(row)];
    if (p == kNone || !customers->is_valid(row) || !reasons->is_valid(row) ||
        !outcomes.is_answered(row))
      continue;
    ++out.measured[static_cast<size_t>(p)];
    // The customer's calls in (t, t + d], that is [t + 1, t + d + 1) in
    // microseconds; a few calls at most, so they are scanned for the reason
    // rather than keeping a timeline per (customer, reason), whose offsets
    // would be customers x reasons long.
    const int64_t t = times[row];
    const auto next = by_customer.events_in(customers->codes()[row], t + 1,
                                            t + window_us + 1);
    const bool repeated = std::any_of(
        next.begin(), next.end(),
        [&](const Event& e) { return reason[e.row] == reason[row]; });
    if (!repeated) ++out.resolved[static_cast<size_t>(p)];
  }
  return out;
}

}  // namespace vigie::call_centre
