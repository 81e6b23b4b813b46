// The marketing_spend dataset, read once: each row kept with its month so
// that the spend of a period made of whole months is a filter.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"
#include "vigie/sdk/local_months.hpp"

namespace crm_tables {

class MarketingSpend {
 public:
  // `months`: the report's calendar, which must outlive this.
  MarketingSpend(const vigie::TableView& spend,
                 const vigie::sdk::LocalMonths& months);

  // Spend (scaled by 10^4, summed exactly in 128 bits: see
  // vigie/sdk/exact_sum.hpp) of the months [from, to) is made of; nothing
  // when it is not made of whole months (a week, a day: spend is given by
  // month and a share of it would be invented).
  std::optional<vigie::sdk::WideInt> total_in(int64_t from, int64_t to) const;
  std::optional<std::map<std::string, vigie::sdk::WideInt, std::less<>>>
  by_channel_in(int64_t from, int64_t to) const;

 private:
  struct Row {
    int64_t month;             // vigie/sdk/calendar_month.hpp code
    std::string_view channel;  // a view into the Arrow dictionary
    int64_t spend;
  };
  const vigie::sdk::LocalMonths& months_;
  std::vector<Row> rows_;
};

}  // namespace crm_tables
