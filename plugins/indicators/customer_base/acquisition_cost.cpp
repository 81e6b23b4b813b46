#include "acquisition_cost.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "period_values.hpp"

namespace customer_base {

vigie::Table cac_by_channel(const OrderBook& book,
                            const CustomerDirectory& directory,
                            const MarketingSpend* spend, int64_t start,
                            int64_t end) {
  struct Channel {
    std::string_view name;
    WideInt spend = 0;
    int64_t new_customers = 0;
  };
  // One entry a spend row of P and a new customer of P, then merged by
  // name: sorted once, no lookup a customer.
  std::vector<Channel> entries;
  // No spend (and no cac) in a period that is not made of whole months.
  std::optional<std::map<std::string, WideInt, std::less<>>> spend_by_channel;
  if (spend)
    spend_by_channel = spend->by_channel_in(start, end);
  else
    spend_by_channel.emplace();
  if (spend_by_channel)
    for (const auto& [name, amount] : *spend_by_channel)
      entries.push_back({name, amount, 0});
  const Timeline& purchases = book.purchases();
  for (int32_t c = 0; c < book.customer_count() && c < directory.size(); ++c) {
    auto first = purchases.first(c);
    if (!first || first->time < start || first->time >= end) continue;
    if (auto name = directory.acquisition_channel(c))
      entries.push_back({*name, 0, 1});
  }
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const Channel& a, const Channel& b) { return a.name < b.name; });

  vigie::Table out;
  auto& channel = out.add("channel", vigie::Type::String);
  auto& spend_column = out.add("spend", vigie::Type::Decimal);
  auto& new_customers = out.add("new_customers", vigie::Type::Int64);
  auto& cac = out.add("cac", vigie::Type::Double, "currency");
  for (size_t first = 0; first < entries.size();) {
    Channel row{entries[first].name};
    size_t next = first;
    for (; next < entries.size() && entries[next].name == row.name; ++next) {
      row.spend += entries[next].spend;
      row.new_customers += entries[next].new_customers;
    }
    const int64_t total = vigie::sdk::narrow(row.spend, "cac_by_channel");
    channel.push_string(row.name);
    new_customers.push_int(row.new_customers);
    std::optional<double> value;
    if (spend_by_channel) {
      spend_column.push_int(total);
      value = vigie::sdk::kernels::safe_ratio(
          to_number(total), static_cast<double>(row.new_customers));
    } else {
      spend_column.push_null();
    }
    if (value)
      cac.push_double(*value);
    else
      cac.push_null();
    first = next;
  }
  return out;
}

}  // namespace customer_base
