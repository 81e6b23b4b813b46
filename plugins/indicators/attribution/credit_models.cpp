#include "credit_models.hpp"

#include <algorithm>
#include <cmath>

namespace attribution {

std::string_view model_name(Model model) {
  switch (model) {
    case Model::first:
      return "first";
    case Model::last:
      return "last";
    case Model::linear:
      return "linear";
    case Model::time_decay:
      return "time_decay";
    case Model::position_based:
      return "position_based";
  }
  return "";
}

void split_credit(Model model,
                  std::span<const vigie::sdk::kernels::Event> touchpoints,
                  int64_t at, double half_life, std::span<double> weights) {
  const size_t n = touchpoints.size();
  std::fill(weights.begin(), weights.begin() + static_cast<ptrdiff_t>(n), 0.0);
  switch (model) {
    case Model::first:
      weights[0] = 1;
      return;
    case Model::last:
      weights[n - 1] = 1;
      return;
    case Model::linear:
      for (size_t i = 0; i < n; ++i) weights[i] = 1.0 / static_cast<double>(n);
      return;
    case Model::time_decay: {
      // 2^(-age / half-life), then normalised. The newest touchpoint is
      // less than a window old, so no weight underflows to 0 for any
      // window a report would ask for.
      double total = 0;
      for (size_t i = 0; i < n; ++i) {
        const auto age = static_cast<double>(at - touchpoints[i].time);
        weights[i] = std::exp2(-age / half_life);
        total += weights[i];
      }
      for (size_t i = 0; i < n; ++i) weights[i] /= total;
      return;
    }
    case Model::position_based:
      if (n == 1) {
        weights[0] = 1;
      } else if (n == 2) {
        weights[0] = weights[1] = 0.5;
      } else {
        weights[0] = weights[n - 1] = 0.4;
        for (size_t i = 1; i + 1 < n; ++i)
          weights[i] = 0.2 / static_cast<double>(n - 2);
      }
      return;
  }
}

}  // namespace attribution
