#include "acquisition_cost.hpp"

#include <map>
#include <string>

#include "period_values.hpp"

namespace customer_base {

vigie::Table cac_by_channel(const PurchaseHistory& h,
                            const CustomerDirectory& directory,
                            const MarketingSpend* spend, int64_t start,
                            int64_t end) {
  struct Channel {
    int64_t spend = 0;
    int64_t new_customers = 0;
  };
  std::map<std::string, Channel, std::less<>> channels;
  if (spend)
    for (const auto& [name, amount] : spend->by_channel_in(start, end))
      channels[name].spend = vigie::sdk::narrow(amount, "cac_by_channel");
  for (int32_t c = 0; c < h.customer_count() && c < directory.size(); ++c) {
    auto first = h.first_purchase(c);
    if (!first || *first < start || *first >= end) continue;
    if (auto name = directory.acquisition_channel(c))
      ++channels[std::string(*name)].new_customers;
  }

  vigie::Table out;
  auto& channel = out.add("channel", vigie::Type::String);
  auto& spend_column = out.add("spend", vigie::Type::Decimal);
  auto& new_customers = out.add("new_customers", vigie::Type::Int64);
  auto& cac = out.add("cac", vigie::Type::Double, "currency");
  for (const auto& [name, row] : channels) {
    channel.push_string(name);
    spend_column.push_int(row.spend);
    new_customers.push_int(row.new_customers);
    if (row.new_customers == 0)
      cac.push_null();
    else
      cac.push_double(to_number(row.spend) /
                      static_cast<double>(row.new_customers));
  }
  return out;
}

}  // namespace customer_base
