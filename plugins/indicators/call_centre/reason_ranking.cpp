#include "reason_ranking.hpp"

#include <algorithm>

#include "vigie/sdk/kernels/group_by.hpp"

namespace vigie::call_centre {

using namespace sdk::kernels;

Ranking rank_calls(const ColumnView* column,
                   std::span<const int32_t> inbound_period, int32_t period,
                   const Calls::Outcomes* outcomes) {
  Ranking out;
  out.total = std::count(inbound_period.begin(), inbound_period.end(), period);
  if (column == nullptr) {
    out.without_code = out.total;
    return out;
  }
  auto in_period = [&](int64_t row) {
    return inbound_period[static_cast<size_t>(row)] == period;
  };
  GroupKeys keys = GroupKeys::by_code(*column);
  keys.keep_only(in_period);
  const int32_t groups = keys.group_count();
  Count calls(groups), answered(groups);
  aggregate(keys, calls);
  if (outcomes != nullptr) {
    keys.keep_only([&](int64_t row) { return outcomes->is_answered(row); });
    aggregate(keys, answered);
  }
  int64_t with_code = 0;
  for (int32_t code = 0; code < groups; ++code) {
    if (calls[code] == 0) continue;
    out.codes.push_back({code, calls[code], answered[code]});
    with_code += calls[code];
  }
  out.without_code = out.total - with_code;
  std::sort(out.codes.begin(), out.codes.end(),
            [&](const RankedCode& a, const RankedCode& b) {
              if (a.calls != b.calls) return a.calls > b.calls;
              return column->dictionary_at(a.code) <
                     column->dictionary_at(b.code);
            });
  return out;
}

}  // namespace vigie::call_centre
