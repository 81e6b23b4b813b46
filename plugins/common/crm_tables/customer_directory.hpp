// What is known of each customer code beside its orders: its id text (for
// lists and for the byte-order tie-break of rankings), its acquisition
// channel and its marketing consent, from the optional customers dataset.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"

namespace crm_tables {

class CustomerDirectory {
 public:
  // customer_id codes are shared by orders and customers: the code space is
  // the larger of the two dictionaries.
  CustomerDirectory(const vigie::TableView& orders,
                    const vigie::TableView* customers);

  int32_t size() const { return static_cast<int32_t>(ids_.size()); }
  std::string_view id(int32_t customer) const {
    return ids_[static_cast<size_t>(customer)];
  }
  // Position of the id in byte order: comparing two of them compares ids.
  int32_t id_order(int32_t customer) const {
    return id_order_[static_cast<size_t>(customer)];
  }
  // id_order of every code, for sdk::kernels::RfmRanking.
  std::span<const int32_t> id_orders() const { return id_order_; }
  std::optional<std::string_view> acquisition_channel(int32_t customer) const;
  // Absent consent (no customers row, no column, null) means no.
  bool consent_marketing(int32_t customer) const {
    return consent_[static_cast<size_t>(customer)] != 0;
  }

 private:
  std::vector<std::string_view> ids_;  // views into the Arrow dictionaries
  std::vector<int32_t> id_order_;
  std::vector<std::string_view> channels_;
  std::vector<uint8_t> has_channel_;
  std::vector<uint8_t> consent_;
};

}  // namespace crm_tables
