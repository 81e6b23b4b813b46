#include "call_volumes.hpp"

#include "vigie/sdk/kernels/group_by.hpp"

namespace vigie::call_centre {

namespace {

using namespace sdk::kernels;

GroupKeys by_period(std::span<const int32_t> inbound_period,
                    int32_t period_count) {
  return GroupKeys::by_period(
      std::vector<int32_t>(inbound_period.begin(), inbound_period.end()),
      period_count);
}

std::vector<int64_t> counts_of(const Count& count, int32_t period_count) {
  std::vector<int64_t> out(static_cast<size_t>(period_count));
  for (int32_t p = 0; p < period_count; ++p)
    out[static_cast<size_t>(p)] = count[p];
  return out;
}

}  // namespace

std::vector<int64_t> count_offered(std::span<const int32_t> inbound_period,
                                   int32_t period_count) {
  const GroupKeys keys = by_period(inbound_period, period_count);
  Count offered(period_count);
  aggregate(keys, offered);
  return counts_of(offered, period_count);
}

OutcomeCounts count_outcomes(const Calls& calls,
                             std::span<const int32_t> inbound_period,
                             int32_t period_count) {
  const Calls::Outcomes outcomes = calls.outcomes();
  GroupKeys answered_keys = by_period(inbound_period, period_count);
  answered_keys.keep_only(
      [&](int64_t row) { return outcomes.is_answered(row); });
  GroupKeys abandoned_keys = by_period(inbound_period, period_count);
  abandoned_keys.keep_only(
      [&](int64_t row) { return outcomes.is_abandoned(row); });
  Count answered(period_count), abandoned(period_count);
  aggregate(answered_keys, answered);
  aggregate(abandoned_keys, abandoned);
  return {counts_of(answered, period_count),
          counts_of(abandoned, period_count)};
}

std::vector<int64_t> count_answered_within(
    const Calls& calls, std::span<const int32_t> inbound_period,
    int32_t period_count, int64_t threshold_seconds) {
  const Calls::Outcomes outcomes = calls.outcomes();
  const ColumnView* waits = calls.waits();
  GroupKeys keys = by_period(inbound_period, period_count);
  keys.keep_only([&](int64_t row) {
    // "wait_s <= T": a wait of exactly T is within the service level.
    return waits != nullptr && outcomes.is_answered(row) &&
           waits->is_valid(row) && waits->ints()[row] <= threshold_seconds;
  });
  Count within(period_count);
  aggregate(keys, within);
  return counts_of(within, period_count);
}

std::vector<std::optional<double>> mean_of_answered(
    const Calls& calls, const ColumnView* seconds,
    std::span<const int32_t> inbound_period, int32_t period_count) {
  std::vector<std::optional<double>> out(static_cast<size_t>(period_count));
  if (seconds == nullptr) return out;  // no such column: no value
  const Calls::Outcomes outcomes = calls.outcomes();
  GroupKeys keys = by_period(inbound_period, period_count);
  keys.keep_only([&](int64_t row) { return outcomes.is_answered(row); });
  Mean mean(period_count, *seconds);
  aggregate(keys, mean);
  for (int32_t p = 0; p < period_count; ++p)
    out[static_cast<size_t>(p)] = mean[p];
  return out;
}

}  // namespace vigie::call_centre
