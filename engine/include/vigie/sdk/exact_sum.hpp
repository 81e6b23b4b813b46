// Sums of int64 values that never wrap around. Decimals are int64 scaled
// by 10^4 (at most about ±922 trillion) and a plain `+=` past that limit
// silently gives a negative revenue. Plugins add in 128 bits (WideInt, or
// ExactSum for a running total: no realistic number of int64 terms can
// overflow it) and take the result back as int64 through narrow(), which
// throws OverflowError naming the figure when it does not fit. The SDK's
// adapters turn the exception into a plugin error (exit code 4).
#pragma once

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::sdk {

__extension__ typedef __int128 WideInt;

class OverflowError : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

// `what` names the figure, e.g. "revenue" or "value_segments.revenue".
[[noreturn]] inline void throw_overflow(std::string_view what) {
  throw OverflowError(std::string(what) +
                      ": the exact total is beyond the range of Vigie's "
                      "numbers (an amount must lie within "
                      "±922,337,203,685,477.5807); check the source for "
                      "values in the wrong unit");
}

inline bool fits_int64(WideInt value) {
  return value >= std::numeric_limits<int64_t>::min() &&
         value <= std::numeric_limits<int64_t>::max();
}

inline int64_t narrow(WideInt value, std::string_view what) {
  if (!fits_int64(value)) throw_overflow(what);
  return static_cast<int64_t>(value);
}

// A running total of int64 terms, read back checked.
class ExactSum {
 public:
  // Any int64 term converts: one overload, no ambiguity for an int.
  ExactSum& operator+=(WideInt term) {
    total_ += term;
    return *this;
  }
  WideInt wide() const { return total_; }
  int64_t value(std::string_view what) const { return narrow(total_, what); }

 private:
  WideInt total_ = 0;
};

}  // namespace vigie::sdk
