#include "order_conversions.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace attribution {

using namespace vigie::sdk::kernels;

namespace {

constexpr int64_t kNoPurchase = std::numeric_limits<int64_t>::max();

}  // namespace

OrderConversions::OrderConversions(const vigie::TableView& orders)
    : ordered_at_(orders.column("ordered_at")), margin_(orders.find("margin")) {
  const vigie::ColumnView& customer_id = orders.column("customer_id");
  const vigie::ColumnView& amount = orders.column("amount");
  const auto customers = static_cast<int32_t>(customer_id.dictionary_size());
  line_customer_ = line_customers(&customer_id, ordered_at_.size());
  const CodeSource line_customer(line_customer_, customers);

  const GroupKeys keys = order_keys(orders.column("order_id"), ordered_at_);
  const int32_t order_count = keys.group_count();
  MinMax time(order_count, ordered_at_);
  Sum total(order_count, amount);
  FirstCode buyer(order_count, ordered_at_, line_customer);
  std::optional<Sum> margin;
  if (margin_) margin.emplace(order_count, *margin_);
  if (margin)
    aggregate(keys, time, total, buyer, *margin);
  else
    aggregate(keys, time, total, buyer);

  first_purchase_.assign(static_cast<size_t>(customers), kNoPurchase);
  for (int32_t o = 0; o < order_count; ++o) {
    const int32_t customer = buyer[o];
    if (!time.min(o) || customer == kNone) continue;
    const int64_t order_total = total.value(o, "the total of an order");
    if (order_total <= 0) continue;  // not a purchase
    const int64_t at = *time.min(o);
    conversions_.push_back(
        {at, customer, order_total,
         margin ? margin->value(o, "the margin of an order") : 0});
    auto& first = first_purchase_[static_cast<size_t>(customer)];
    first = std::min(first, at);
  }
  // Orders were pushed in order code order: a stable sort keeps it for
  // equal times.
  std::stable_sort(
      conversions_.begin(), conversions_.end(),
      [](const Conversion& a, const Conversion& b) { return a.time < b.time; });
}

std::span<const Conversion> OrderConversions::in(int64_t from,
                                                 int64_t to) const {
  auto by_time = [](const Conversion& c, int64_t t) { return c.time < t; };
  auto lo =
      std::lower_bound(conversions_.begin(), conversions_.end(), from, by_time);
  auto hi = std::lower_bound(lo, conversions_.end(), to, by_time);
  return {lo, hi};
}

std::vector<int64_t> OrderConversions::count_by_period(
    const PeriodIndex& periods) const {
  std::vector<int64_t> count(static_cast<size_t>(periods.size()), 0);
  for (const Conversion& c : conversions_) {
    const int32_t p = periods.index(c.time);
    if (p != kNone) ++count[static_cast<size_t>(p)];
  }
  return count;
}

std::optional<int64_t> OrderConversions::first_purchase(
    int32_t customer) const {
  if (customer < 0 || customer >= customer_count()) return std::nullopt;
  const int64_t at = first_purchase_[static_cast<size_t>(customer)];
  if (at == kNoPurchase) return std::nullopt;
  return at;
}

std::optional<double> OrderConversions::clv_margin(int64_t as_of) const {
  if (margin_ == nullptr) return std::nullopt;
  int64_t buyers = 0;
  for (const int64_t first : first_purchase_) buyers += first < as_of;
  vigie::sdk::WideInt margin = 0;
  const int64_t* times = ordered_at_.ints();
  const int64_t* margins = margin_->ints();
  for (size_t row = 0; row < line_customer_.size(); ++row) {
    const int32_t customer = line_customer_[row];
    const auto at = static_cast<int64_t>(row);
    if (customer == kNone || !ordered_at_.is_valid(at) || times[row] >= as_of ||
        !margin_->is_valid(at) ||
        first_purchase_[static_cast<size_t>(customer)] >= as_of)
      continue;
    margin += margins[row];
  }
  return safe_ratio(
      static_cast<double>(margin) / static_cast<double>(vigie::kDecimalScale),
      static_cast<double>(buyers));
}

}  // namespace attribution
