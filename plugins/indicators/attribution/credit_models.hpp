// The five attribution models of KPI-CATALOG.md section 5: how one
// conversion's credit (1) is split across its touchpoints, oldest first.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "vigie/sdk.hpp"

namespace attribution {

enum class Model { first, last, linear, time_decay, position_based };
inline constexpr std::array kModels = {Model::first, Model::last, Model::linear,
                                       Model::time_decay,
                                       Model::position_based};
inline constexpr int kModelCount = static_cast<int>(kModels.size());

std::string_view model_name(Model model);

// Writes into weights[i] the credit of touchpoints[i] (sorted by start,
// ties in a fixed order), for a conversion at `at`; the weights sum to 1.
// `half_life` (microseconds) is time_decay's. touchpoints must not be
// empty and weights must be as long.
void split_credit(Model model,
                  std::span<const vigie::sdk::kernels::Event> touchpoints,
                  int64_t at, double half_life, std::span<double> weights);

}  // namespace attribution
