// A chart's value axis: a range widened to round numbers and its ticks.
#pragma once

#include <vector>

namespace vigie::render {

struct Scale {
  double min = 0;
  double max = 1;
  std::vector<double> ticks;  // from min to max inclusive, evenly spaced

  // Position of v between `low` (at min) and `high` (at max).
  double map(double v, double low, double high) const {
    return low + (v - min) / (max - min) * (high - low);
  }
};

// Ticks at 1, 2 or 5 times a power of ten (Heckbert's "nice numbers"),
// about `target_ticks` of them, the range widened to the outer ticks. An
// empty range (lo == hi) is widened around its value.
Scale nice_scale(double lo, double hi, int target_ticks = 5);

}  // namespace vigie::render
