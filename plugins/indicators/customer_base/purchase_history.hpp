// The orders dataset indexed once for every period question: lines sorted
// by time with running sums, orders grouped and reduced to purchases, and
// each customer's purchases and lines sorted by time. Every KPI of a period
// is then a few binary searches, never a new pass over the lines.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"

namespace customer_base {

inline constexpr int64_t kBeginningOfTime = std::numeric_limits<int64_t>::min();
inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::max();

using vigie::sdk::WideInt;

// Sums of decimal amounts (int64 scaled by 10^4), exact and in 128 bits:
// the KPI that shows one takes it back with vigie::sdk::narrow(), which
// fails naming the KPI rather than wrap around.
struct Money {
  WideInt amount = 0;
  WideInt margin = 0;
};

class PurchaseHistory {
 public:
  // `orders` must have order_id, customer_id, ordered_at, amount; margin is
  // optional. `customer_count` bounds the customer codes (dictionary size).
  PurchaseHistory(const vigie::TableView& orders, int32_t customer_count);

  bool has_margin() const { return has_margin_; }
  int32_t customer_count() const { return customer_count_; }
  // Earliest ordered_at of any line; empty when there is none.
  std::optional<int64_t> first_line_time() const;

  // All lines (anonymous included) with ordered_at in [from, to).
  Money lines_in(int64_t from, int64_t to) const;
  // Purchases (orders with total > 0, anonymous included) whose time is in
  // [from, to): their number and the sum of their totals.
  int64_t purchases_in(int64_t from, int64_t to) const;
  WideInt purchase_totals_in(int64_t from, int64_t to) const;

  // Per customer code.
  bool has_purchases(int32_t customer) const;
  std::optional<int64_t> first_purchase(int32_t customer) const;
  std::optional<int64_t> last_purchase_before(int32_t customer,
                                              int64_t t) const;
  int64_t customer_purchases_in(int32_t customer, int64_t from,
                                int64_t to) const;
  Money customer_lines_in(int32_t customer, int64_t from, int64_t to) const;

 private:
  static std::span<const int64_t>::size_type lower(std::span<const int64_t> s,
                                                   int64_t t);
  std::span<const int64_t> purchases_of(int32_t customer) const;

  int32_t customer_count_ = 0;
  bool has_margin_ = false;
  // Every line, sorted by ordered_at, and running sums (size lines + 1).
  std::vector<int64_t> line_times_;
  std::vector<WideInt> line_amount_sums_;
  std::vector<WideInt> line_margin_sums_;
  // Every purchase, sorted by time, and running sums of totals.
  std::vector<int64_t> purchase_times_;
  std::vector<WideInt> purchase_total_sums_;
  // Customer c's purchase times: customer_purchase_times_[offsets[c] ..
  // offsets[c + 1]), sorted (compressed sparse rows).
  std::vector<int64_t> customer_purchase_offsets_;
  std::vector<int64_t> customer_purchase_times_;
  // Customer c's lines, sorted by time, with running sums over the whole
  // array so that a window's sum is a difference of two entries.
  std::vector<int64_t> customer_line_offsets_;
  std::vector<int64_t> customer_line_times_;
  std::vector<WideInt> customer_line_amount_sums_;  // size lines + 1
  std::vector<WideInt> customer_line_margin_sums_;
};

}  // namespace customer_base
