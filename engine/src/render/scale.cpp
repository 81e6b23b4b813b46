#include "render/scale.hpp"

#include <cmath>

namespace vigie::render {

namespace {

// The nice number (1, 2, 5 or 10 times a power of ten) nearest to x when
// `round`, else the smallest one not below x.
double nice_number(double x, bool round) {
  const double exponent = std::floor(std::log10(x));
  const double power = std::pow(10.0, exponent);
  const double fraction = x / power;
  double nice = 10;
  if (round) {
    if (fraction < 1.5) {
      nice = 1;
    } else if (fraction < 3) {
      nice = 2;
    } else if (fraction < 7) {
      nice = 5;
    }
  } else {
    if (fraction <= 1) {
      nice = 1;
    } else if (fraction <= 2) {
      nice = 2;
    } else if (fraction <= 5) {
      nice = 5;
    }
  }
  return nice * power;
}

}  // namespace

Scale nice_scale(double lo, double hi, int target_ticks) {
  if (lo > hi) std::swap(lo, hi);
  if (lo == hi && lo == 0) {
    hi = 1;
  } else if (lo == hi) {
    lo -= std::fabs(lo) * 0.1;
    hi += std::fabs(hi) * 0.1;
  }
  const int intervals = target_ticks > 2 ? target_ticks - 1 : 1;
  const double step =
      nice_number(nice_number(hi - lo, false) / intervals, true);
  Scale scale;
  scale.min = std::floor(lo / step) * step;
  scale.max = std::ceil(hi / step) * step;
  const long count = std::lround((scale.max - scale.min) / step);
  for (long i = 0; i <= count; ++i) {
    double tick = scale.min + static_cast<double>(i) * step;
    // A residue such as -1e-17 where zero is meant would print "-0".
    if (std::fabs(tick) < step * 1e-9) tick = 0;
    scale.ticks.push_back(tick);
  }
  return scale;
}

}  // namespace vigie::render
