#include "customer_directory.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace crm_tables {

CustomerDirectory::CustomerDirectory(const vigie::TableView& orders,
                                     const vigie::TableView* customers) {
  const auto& order_ids = orders.column("customer_id");
  // customers.customer_id is lent only when an asked KPI reads customers.
  const vigie::ColumnView* customer_ids =
      customers ? customers->find("customer_id") : nullptr;
  int64_t count = order_ids.dictionary_size();
  if (customer_ids) count = std::max(count, customer_ids->dictionary_size());
  const auto n = static_cast<size_t>(count);
  ids_.resize(n);
  for (int64_t c = 0; c < count; ++c) {
    const auto code = static_cast<int32_t>(c);
    ids_[static_cast<size_t>(c)] = c < order_ids.dictionary_size()
                                       ? order_ids.dictionary_at(code)
                                       : customer_ids->dictionary_at(code);
  }
  // std::string_view compares as unsigned bytes (char_traits<char>): the
  // catalog's byte order.
  std::vector<int32_t> by_id(n);
  std::iota(by_id.begin(), by_id.end(), 0);
  std::sort(by_id.begin(), by_id.end(), [&](int32_t a, int32_t b) {
    return ids_[static_cast<size_t>(a)] < ids_[static_cast<size_t>(b)];
  });
  id_order_.resize(n);
  for (size_t i = 0; i < n; ++i)
    id_order_[static_cast<size_t>(by_id[i])] = static_cast<int32_t>(i);

  channels_.resize(n);
  has_channel_.assign(n, 0);
  consent_.assign(n, 0);
  if (customer_ids == nullptr) return;
  const int32_t* codes = customer_ids->codes();
  const vigie::ColumnView* channel = customers->find("acquisition_channel");
  const vigie::ColumnView* consent = customers->find("consent_marketing");
  for (int64_t i = 0; i < customers->rows(); ++i) {
    if (!customer_ids->is_valid(i)) continue;
    const int32_t code = codes[i];
    if (code < 0 || code >= count)
      throw std::runtime_error("customers.customer_id: code out of range");
    const auto c = static_cast<size_t>(code);
    // A customer listed twice keeps its last non-empty channel and its last
    // row's consent.
    if (channel && channel->is_valid(i) && !channel->string_at(i).empty()) {
      channels_[c] = channel->string_at(i);
      has_channel_[c] = 1;
    }
    if (consent)
      consent_[c] = consent->is_valid(i) && consent->bool_at(i) ? 1 : 0;
  }
}

std::optional<std::string_view> CustomerDirectory::acquisition_channel(
    int32_t customer) const {
  const auto c = static_cast<size_t>(customer);
  if (!has_channel_[c]) return std::nullopt;
  return channels_[c];
}

}  // namespace crm_tables
