#include "channel_usage.hpp"

namespace vigie::self_care {

namespace {

using namespace sdk::kernels;

// Counts the kept rows by (period, dictionary code of `codes`), then adds
// each code's count to the table action it spells.
template <class Keep, class ActionOf>
ActionCounts count_by_action(const ColumnView& times, const ColumnView* codes,
                             size_t action_count, const PeriodIndex& periods,
                             Keep keep, ActionOf action_of) {
  ActionCounts out(static_cast<size_t>(periods.size()),
                   std::vector<int64_t>(action_count, 0));
  if (codes == nullptr) return out;  // no action column: no act
  GroupKeys keys = GroupKeys::by_period_and_code(periods.assign(times),
                                                 periods.size(), *codes);
  keys.keep_only(keep);
  Count count(keys.group_count());
  aggregate(keys, count);
  for (int32_t g = 0; g < keys.group_count(); ++g) {
    const int32_t action = action_of(keys.code_of(g));
    if (action != kNoAction)
      out[static_cast<size_t>(keys.period_of(g))]
         [static_cast<size_t>(action)] += count[g];
  }
  return out;
}

}  // namespace

ActionCounts count_online_acts(const WebEvents& events, size_t action_count,
                               const PeriodIndex& periods) {
  return count_by_action(
      events.times(), events.actions(), action_count, periods,
      [&](int64_t row) { return events.is_action(row); },
      [&](int32_t code) { return events.action_of_code(code); });
}

ActionCounts count_offline_acts(const Calls& calls, size_t action_count,
                                const PeriodIndex& periods) {
  return count_by_action(
      calls.times(), calls.reasons(), action_count, periods,
      [&](int64_t row) { return calls.inbound(row) && calls.answered(row); },
      [&](int32_t code) { return calls.action_of_code(code); });
}

InboundCalls count_inbound_calls(const Calls& calls,
                                 const PeriodIndex& periods) {
  const int32_t n = periods.size();
  GroupKeys keys = GroupKeys::by_period(periods.assign(calls.times()), n);
  keys.keep_only([&](int64_t row) { return calls.inbound(row); });
  Count all(n);
  InboundCalls out;
  if (const ColumnView* customers = calls.customers()) {
    Count identified(n, *customers);
    aggregate(keys, all, identified);
    out.identified.assign(identified.counts().begin(),
                          identified.counts().end());
  } else {
    aggregate(keys, all);
    out.identified.assign(static_cast<size_t>(n), 0);
  }
  out.all.assign(all.counts().begin(), all.counts().end());
  return out;
}

}  // namespace vigie::self_care
