// The inbound calls of the report period by the code of a text column
// (reason, queue), most calls first: what the tables by reason and by
// queue, the top reasons and the online reasons are made of.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "call_centre_calls.hpp"

namespace vigie::call_centre {

struct RankedCode {
  int32_t code;
  int64_t calls;
  int64_t answered;  // counted only when the ranking is given the outcomes
};

struct Ranking {
  // Codes with at least one call, by calls descending, then by their text
  // in byte order (a stable, readable order for ties).
  std::vector<RankedCode> codes;
  int64_t without_code = 0;  // calls of the period whose column is null
  int64_t total = 0;         // every inbound call of the period
};

// `column` null (the dataset has no such column): every call is without
// code. With `outcomes`, the answered calls of each code are counted too.
Ranking rank_calls(const ColumnView* column,
                   std::span<const int32_t> inbound_period, int32_t period,
                   const Calls::Outcomes* outcomes);

}  // namespace vigie::call_centre
