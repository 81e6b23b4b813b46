// The orders dataset read once into what the customer KPIs ask of it
// (KPI-CATALOG.md section 1, docs/kpi-choices.md "Orders and purchases"):
// its orders reduced to purchases (time, total, customer), and each
// customer's purchases and lines in time order (sdk::kernels::Timeline), so
// that a question of a period is a binary search in one customer's slice.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "vigie/sdk.hpp"

namespace customer_base {

using vigie::sdk::WideInt;
using vigie::sdk::kernels::PeriodIndex;
using vigie::sdk::kernels::Timeline;

inline constexpr int64_t kBeginningOfTime = std::numeric_limits<int64_t>::min();

// Exact sums of decimal amounts (int64 scaled by 10^4) in 128 bits.
struct Money {
  WideInt amount = 0;
  WideInt margin = 0;
};

// The purchases of each period, anonymous ones included.
struct PeriodPurchases {
  std::vector<int64_t> count;
  std::vector<double> totals;  // sum of their totals, as a number
};

class OrderBook {
 public:
  // `orders` must have order_id, customer_id, ordered_at and amount;
  // margin is optional.
  explicit OrderBook(const vigie::TableView& orders);

  bool has_margin() const { return margin_ != nullptr; }
  // The customer codes: those of orders.customer_id's dictionary.
  int32_t customer_count() const { return purchases_.entity_count(); }
  // Earliest ordered_at of any line; empty when there is none.
  std::optional<int64_t> first_line_time() const { return first_line_; }

  // Each customer's purchases (orders with a total > 0), oldest first.
  const Timeline& purchases() const { return purchases_; }
  PeriodPurchases purchases_by_period(const PeriodIndex& periods) const;
  // The amount and margin of a customer's lines with ordered_at in
  // [from, to) (a null amount or margin counts 0).
  Money lines_of(int32_t customer, int64_t from, int64_t to) const;

 private:
  const vigie::ColumnView& amount_;
  const vigie::ColumnView* margin_;
  std::optional<int64_t> first_line_;
  std::vector<int64_t> order_time_;   // by order; kNoTime without lines
  std::vector<int64_t> order_total_;  // by order, scaled by 10^4
  std::vector<uint8_t> purchase_;     // by order: a time and a total > 0
  Timeline purchases_;                // rows are orders
  Timeline lines_;                    // rows are order lines
};

}  // namespace customer_base
