// Nearest-rank percentiles (KPI catalog, "Time"): sort the n values
// ascending and take the one at 1-based rank ceil(p/100 * n); no value when
// n = 0. The rank is computed in integers: in double, p/100 * n can land
// just above a whole number (7/100 * 100 is 7.000000000000001) and ceil
// then takes the next value.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

#include "vigie/sdk/exact_sum.hpp"

namespace vigie::sdk::kernels {

// A percent as an exact fraction: Percent{95} is 95 %, Percent{999, 10}
// is 99.9 %. Between 0 and 100.
struct Percent {
  int64_t numerator;
  int64_t denominator = 1;

  // Implicit: percentile(values, 95) reads as it is meant.
  constexpr Percent(int64_t whole) : numerator(whole) {}
  constexpr Percent(int64_t num, int64_t den)
      : numerator(num), denominator(den) {}
};

// The 1-based rank ceil(p/100 * n), at least 1; 0 when n is 0.
inline int64_t nearest_rank(int64_t n, Percent p) {
  if (p.denominator <= 0 || p.numerator < 0 ||
      p.numerator > 100 * p.denominator)
    throw std::invalid_argument(
        "a percentile must lie between 0 and 100, not " +
        std::to_string(p.numerator) + "/" + std::to_string(p.denominator));
  if (n <= 0) return 0;
  WideInt scaled = WideInt{p.numerator} * n;  // p/100 * n = scaled / whole
  WideInt whole = WideInt{100} * p.denominator;
  auto rank = static_cast<int64_t>((scaled + whole - 1) / whole);
  return std::max<int64_t>(rank, 1);
}

// The percentile of values already sorted ascending.
template <class T>
std::optional<T> percentile_of_sorted(std::span<const T> sorted, Percent p) {
  int64_t rank = nearest_rank(static_cast<int64_t>(sorted.size()), p);
  if (rank == 0) return std::nullopt;
  return sorted[static_cast<size_t>(rank - 1)];
}

// The percentile of values in any order; reorders them (a partial sort,
// linear on average). For several percentiles of the same values, sort
// once and use percentile_of_sorted.
template <class T>
std::optional<T> percentile(std::span<T> values, Percent p) {
  int64_t rank = nearest_rank(static_cast<int64_t>(values.size()), p);
  if (rank == 0) return std::nullopt;
  auto at = values.begin() + (rank - 1);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace vigie::sdk::kernels
