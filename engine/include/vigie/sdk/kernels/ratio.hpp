// A rate whose denominator is 0 has no value (KPI catalog, "Time"): "n/a"
// in the report, null in kpis.json, never 0 and never a division error.
#pragma once

#include <optional>

namespace vigie::sdk::kernels {

// num / den, or no value when den is 0. Any arithmetic type on either side
// (counts, doubles, the sdk::WideInt of an exact sum).
template <class Num, class Den>
std::optional<double> safe_ratio(Num num, Den den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

// The same when either side may itself have no value.
template <class Num, class Den>
std::optional<double> safe_ratio(std::optional<Num> num,
                                 std::optional<Den> den) {
  if (!num || !den) return std::nullopt;
  return safe_ratio(*num, *den);
}

}  // namespace vigie::sdk::kernels
