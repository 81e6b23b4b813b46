// The orders dataset read once into conversions (KPI-CATALOG.md section 5,
// DATA-MODEL.md "orders"): the purchases (orders with a total > 0) of
// identified customers, each at the time of its earliest line, with its
// total and margin; and what the return on spend needs of the customers:
// each one's first purchase and the margin to date of those who bought.
// Orders are read as customer_base's OrderBook reads them (an order's
// customer is that of its earliest identified line).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "vigie/sdk.hpp"

namespace attribution {

struct Conversion {
  int64_t time;
  int32_t customer;
  int64_t total;   // scaled by 10^4
  int64_t margin;  // scaled by 10^4; 0 without a margin column
};

class OrderConversions {
 public:
  // `orders` must have order_id, customer_id, ordered_at and amount;
  // margin is optional.
  explicit OrderConversions(const vigie::TableView& orders);

  bool has_margin() const { return margin_ != nullptr; }
  int32_t customer_count() const {
    return static_cast<int32_t>(first_purchase_.size());
  }
  // The conversions with from <= time < to, by time then order.
  std::span<const Conversion> in(int64_t from, int64_t to) const;
  // Conversions of each period of `periods`.
  std::vector<int64_t> count_by_period(
      const vigie::sdk::kernels::PeriodIndex& periods) const;
  // The time of customer c's first purchase ever, if any.
  std::optional<int64_t> first_purchase(int32_t customer) const;
  // customer_base's clv_margin at as_of: the margin of every line before
  // as_of of the customers whose first purchase is before as_of, per such
  // customer; none without a margin column or such a customer.
  std::optional<double> clv_margin(int64_t as_of) const;

 private:
  const vigie::ColumnView& ordered_at_;
  const vigie::ColumnView* margin_;
  std::vector<int32_t> line_customer_;   // by line; kNone when anonymous
  std::vector<Conversion> conversions_;  // by time, then order
  std::vector<int64_t> first_purchase_;  // by customer; kNoPurchase
};

}  // namespace attribution
