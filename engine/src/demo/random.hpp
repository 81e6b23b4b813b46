// The demo data's random numbers. The generator must give byte-identical
// files for a seed on every machine, so only std::mt19937_64 (whose output
// the standard fixes) is taken from <random>: the distributions of <random>
// are implementation-defined and differ between standard libraries, hence
// the small ones written here (uniform from the top bits, exponential by
// -log(u), Poisson and geometric by inversion, normal by Box-Muller).
#pragma once

#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <span>

namespace vigie::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1): the top 53 bits of one draw.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) {
    return low + (high - low) * uniform();
  }
  // Uniform integer in [0, n), n < 2^53.
  int64_t below(int64_t n) {
    return static_cast<int64_t>(uniform() * static_cast<double>(n));
  }
  int64_t between(int64_t low, int64_t high) {  // inclusive
    return low + below(high - low + 1);
  }
  bool chance(double p) { return uniform() < p; }

  double exponential(double mean) { return -mean * std::log1p(-uniform()); }
  double normal() {
    double radius = std::sqrt(-2.0 * std::log1p(-uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
  }
  // exp(N(log median, sigma)): right-skewed, most values near the median.
  double lognormal(double median, double sigma) {
    return median * std::exp(sigma * normal());
  }
  // Number of failures before a success, with the given mean.
  int64_t geometric(double mean) {
    if (mean <= 0) return 0;
    double p = 1.0 / (1.0 + mean);
    return static_cast<int64_t>(
        std::floor(std::log1p(-uniform()) / std::log1p(-p)));
  }
  // Inversion of the cumulative distribution; a normal approximation above
  // 50, where exp(-mean) loses precision.
  int64_t poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 50) {
      double x = std::round(mean + std::sqrt(mean) * normal());
      return x < 0 ? 0 : static_cast<int64_t>(x);
    }
    double u = uniform();
    double p = std::exp(-mean);
    double cumulative = p;
    int64_t k = 0;
    while (u > cumulative && k < 1000) {
      ++k;
      p *= mean / static_cast<double>(k);
      cumulative += p;
    }
    return k;
  }
  // An index drawn with probability proportional to its weight.
  size_t pick(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double target = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (target < weights[i]) return i;
      target -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace vigie::demo
