#include "order_book.hpp"

#include <stdexcept>
#include <string>

namespace customer_base {

using namespace vigie::sdk::kernels;

OrderBook::OrderBook(const vigie::TableView& orders)
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

PeriodPurchases OrderBook::purchases_by_period(
    const PeriodIndex& periods) const {
  std::vector<int32_t> period(order_time_.size(), kNone);
  for (size_t o = 0; o < period.size(); ++o)
    if (purchase_[o]) period[o] = periods.index(order_time_[o]);
  const GroupKeys keys =
      GroupKeys::by_period(std::move(period), periods.size());
  Count count(periods.size());
  Sum totals(periods.size(), IntSource(order_total_, vigie::kDecimalScale));
  aggregate(keys, count, totals);
  PeriodPurchases out;
  out.count.assign(count.counts().begin(), count.counts().end());
  for (int32_t p = 0; p < periods.size(); ++p)
    out.totals.push_back(totals.number(p));
  return out;
}

Money OrderBook::lines_of(int32_t customer, int64_t from, int64_t to) const {
  Money sum;
  const IntSource amount(amount_);
  const int64_t* margin = margin_ ? margin_->ints() : nullptr;
  for (const Event& line : lines_.events_in(customer, from, to)) {
    if (amount.valid(line.row)) sum.amount += amount[line.row];
    if (margin && margin_->is_valid(line.row)) sum.margin += margin[line.row];
  }
  return sum;
}

}  // namespace customer_base
