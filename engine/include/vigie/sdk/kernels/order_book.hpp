// The orders dataset read once into what the customer KPIs ask of it
// (customer_base, and the engine's customer profiles; KPI-CATALOG.md section 1,
// docs/kpi-choices.md "Orders and purchases"): its orders reduced to purchases
// (time, total, customer), and each customer's purchases and lines in time
// order (sdk::kernels::Timeline), so that a question of a period is a binary
// search in one customer's slice.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/group_by.hpp"
#include "vigie/sdk/kernels/orders.hpp"
#include "vigie/sdk/kernels/sources.hpp"
#include "vigie/sdk/kernels/timeline.hpp"

namespace vigie::sdk::kernels {

inline constexpr int64_t kBeginningOfTime = std::numeric_limits<int64_t>::min();

// Exact sums of decimal amounts (int64 scaled by 10^4) in 128 bits.
struct Money {
  WideInt amount = 0;
  WideInt margin = 0;
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
  // By order (the groups of kernels::order_keys): its time (that of its
  // earliest line; unset without one), its total scaled by 10^4, and
  // whether it is a purchase (a time and a total > 0).
  std::span<const int64_t> order_times() const { return order_time_; }
  std::span<const int64_t> order_totals() const { return order_total_; }
  bool is_purchase(size_t order) const { return purchase_[order] != 0; }
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

inline OrderBook::OrderBook(const vigie::TableView& orders)
    : amount_(orders.column("amount")), margin_(orders.find("margin")) {
  const vigie::ColumnView& ordered_at = orders.column("ordered_at");
  const vigie::ColumnView* customer_id = orders.find("customer_id");
  const auto customers =
      customer_id ? static_cast<int32_t>(customer_id->dictionary_size()) : 0;
  const std::vector<int32_t> customer =
      line_customers(customer_id, ordered_at.size());
  const CodeSource line_customer(customer, customers);

  // An order's time is its earliest line, its total the sum of its lines,
  // its customer that of its earliest identified line (first in input
  // order on a tie).
  const GroupKeys keys = order_keys(orders.column("order_id"), ordered_at);
  MinMax time(keys.group_count(), ordered_at);
  Sum total(keys.group_count(), amount_);
  FirstCode buyer(keys.group_count(), ordered_at, line_customer);
  aggregate(keys, time, total, buyer);

  const auto order_count = static_cast<size_t>(keys.group_count());
  order_time_.resize(order_count);
  order_total_.resize(order_count);
  purchase_.resize(order_count);
  std::vector<int32_t> order_customer(order_count);
  for (int32_t o = 0; o < keys.group_count(); ++o) {
    const auto at = static_cast<size_t>(o);
    order_customer[at] = buyer[o];
    if (!time.min(o)) continue;  // no line with a time
    order_time_[at] = *time.min(o);
    order_total_[at] = total.value(o, "the total of an order");
    purchase_[at] = order_total_[at] > 0;
    if (!first_line_ || *first_line_ > order_time_[at])
      first_line_ = order_time_[at];
  }
  purchases_ = Timeline(
      CodeSource(order_customer, customers), IntSource(order_time_),
      [&](int64_t o) { return purchase_[static_cast<size_t>(o)] != 0; });
  lines_ = Timeline(line_customer, ordered_at);
}

inline Money OrderBook::lines_of(int32_t customer, int64_t from,
                                 int64_t to) const {
  Money sum;
  const IntSource amount(amount_);
  const int64_t* margin = margin_ ? margin_->ints() : nullptr;
  for (const Event& line : lines_.events_in(customer, from, to)) {
    if (amount.valid(line.row)) sum.amount += amount[line.row];
    if (margin && margin_->is_valid(line.row)) sum.margin += margin[line.row];
  }
  return sum;
}

}  // namespace vigie::sdk::kernels
