// The marketing_spend dataset, read once: each row placed at its month's
// instant (month_calendar.hpp) so that a period's spend is a filter.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"

namespace customer_base {

class MarketingSpend {
 public:
  explicit MarketingSpend(const vigie::TableView& spend);

  // Spend (scaled by 10^4, summed exactly in 128 bits: see
  // vigie/sdk/exact_sum.hpp) of the months whose instant is in [from, to).
  vigie::sdk::WideInt total_in(int64_t from, int64_t to) const;
  std::map<std::string, vigie::sdk::WideInt, std::less<>> by_channel_in(
      int64_t from, int64_t to) const;

 private:
  struct Row {
    int64_t month_instant;
    std::string_view channel;  // a view into the Arrow dictionary
    int64_t spend;
  };
  std::vector<Row> rows_;
};

}  // namespace customer_base
