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

  // Spend (int64 scaled by 10^4) of the months whose instant is in
  // [from, to).
  int64_t total_in(int64_t from, int64_t to) const;
  std::map<std::string, int64_t, std::less<>> by_channel_in(int64_t from,
                                                            int64_t to) const;

 private:
  struct Row {
    int64_t month_instant;
    std::string_view channel;  // a view into the Arrow dictionary
    int64_t spend;
  };
  std::vector<Row> rows_;
};

}  // namespace customer_base
