#include "purchase_history.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace customer_base {
namespace {

struct Line {
  int64_t time;
  int64_t amount;
  int64_t margin;
};

// Dense order numbers. order_id is dictionary-encoded by the engine, so its
// codes are used as they are; a plain string column is numbered here. A line
// without an order_id is an order of its own.
std::vector<int64_t> order_numbers(const vigie::ColumnView& order_id,
                                   int64_t rows, int64_t& order_count) {
  std::vector<int64_t> out(static_cast<size_t>(rows));
  int64_t next = 0;
  if (order_id.type() == vigie::Type::Dictionary) {
    const int32_t* codes = order_id.codes();
    next = order_id.dictionary_size();
    for (int64_t i = 0; i < rows; ++i)
      out[static_cast<size_t>(i)] = order_id.is_valid(i) ? codes[i] : next++;
  } else {
    std::unordered_map<std::string_view, int64_t> seen;
    for (int64_t i = 0; i < rows; ++i) {
      if (!order_id.is_valid(i)) {
        out[static_cast<size_t>(i)] = -1;
        continue;
      }
      auto [it, added] = seen.try_emplace(order_id.string_at(i), next);
      if (added) ++next;
      out[static_cast<size_t>(i)] = it->second;
    }
    for (int64_t i = 0; i < rows; ++i)
      if (out[static_cast<size_t>(i)] < 0) out[static_cast<size_t>(i)] = next++;
  }
  order_count = next;
  return out;
}

// Customer code of each line, -1 for an anonymous line (null or empty id).
std::vector<int32_t> line_customers(const vigie::ColumnView& customer_id,
                                    int64_t rows, int32_t customer_count) {
  const int32_t* codes = customer_id.codes();
  std::vector<uint8_t> empty_code(
      static_cast<size_t>(customer_id.dictionary_size()), 0);
  for (int64_t c = 0; c < customer_id.dictionary_size(); ++c)
    empty_code[static_cast<size_t>(c)] =
        customer_id.dictionary_at(static_cast<int32_t>(c)).empty();
  std::vector<int32_t> out(static_cast<size_t>(rows), -1);
  for (int64_t i = 0; i < rows; ++i) {
    if (!customer_id.is_valid(i)) continue;
    int32_t code = codes[i];
    if (code < 0 || code >= customer_count)
      throw std::runtime_error("orders.customer_id: code out of range");
    if (!empty_code[static_cast<size_t>(code)])
      out[static_cast<size_t>(i)] = code;
  }
  return out;
}

// Sorts each row of a compressed-sparse-rows array.
template <class T, class Less>
void sort_rows(const std::vector<int64_t>& offsets, std::vector<T>& values,
               Less less) {
  for (size_t c = 0; c + 1 < offsets.size(); ++c)
    std::sort(values.begin() + offsets[c], values.begin() + offsets[c + 1],
              less);
}

std::vector<int64_t> offsets_from_counts(const std::vector<int64_t>& counts) {
  std::vector<int64_t> offsets(counts.size() + 1, 0);
  std::partial_sum(counts.begin(), counts.end(), offsets.begin() + 1);
  return offsets;
}

}  // namespace

PurchaseHistory::PurchaseHistory(const vigie::TableView& orders,
                                 int32_t customer_count)
    : customer_count_(customer_count) {
  const int64_t rows = orders.rows();
  const auto& ordered_at = orders.column("ordered_at");
  const auto& amount_column = orders.column("amount");
  const vigie::ColumnView* margin_column = orders.find("margin");
  has_margin_ = margin_column != nullptr;
  const int64_t* times = ordered_at.ints();
  const int64_t* amounts = amount_column.ints();
  const int64_t* margins = has_margin_ ? margin_column->ints() : nullptr;

  int64_t order_count = 0;
  std::vector<int64_t> order_of =
      order_numbers(orders.column("order_id"), rows, order_count);
  std::vector<int32_t> customer_of =
      line_customers(orders.column("customer_id"), rows, customer_count);

  // An order's time is its earliest line; its customer is the customer_id
  // of its earliest identified line (first in input order on a tie).
  const auto orders_size = static_cast<size_t>(order_count);
  std::vector<int64_t> order_time(orders_size, kNoTime);
  std::vector<WideInt> order_total(orders_size, 0);
  std::vector<int64_t> order_customer_time(orders_size, kNoTime);
  std::vector<int32_t> order_customer(orders_size, -1);
  std::vector<Line> lines;
  lines.reserve(static_cast<size_t>(rows));
  std::vector<int64_t> lines_per_customer(static_cast<size_t>(customer_count),
                                          0);
  for (int64_t i = 0; i < rows; ++i) {
    // A line without a time belongs to no period: it is left out.
    if (!ordered_at.is_valid(i)) continue;
    const auto row = static_cast<size_t>(i);
    Line line{times[i], amount_column.is_valid(i) ? amounts[i] : 0,
              has_margin_ && margin_column->is_valid(i) ? margins[i] : 0};
    lines.push_back(line);
    const auto order = static_cast<size_t>(order_of[row]);
    order_time[order] = std::min(order_time[order], line.time);
    order_total[order] += line.amount;
    if (int32_t customer = customer_of[row]; customer >= 0) {
      ++lines_per_customer[static_cast<size_t>(customer)];
      if (line.time < order_customer_time[order]) {
        order_customer_time[order] = line.time;
        order_customer[order] = customer;
      }
    }
  }

  auto by_time = [](const Line& a, const Line& b) { return a.time < b.time; };
  std::sort(lines.begin(), lines.end(), by_time);
  line_times_.reserve(lines.size());
  line_amount_sums_.assign(1, 0);
  line_margin_sums_.assign(1, 0);
  for (const Line& l : lines) {
    line_times_.push_back(l.time);
    line_amount_sums_.push_back(line_amount_sums_.back() + l.amount);
    line_margin_sums_.push_back(line_margin_sums_.back() + l.margin);
  }

  // Purchases: orders whose total, over all their lines, is > 0.
  std::vector<std::pair<int64_t, WideInt>> purchases;  // (time, total)
  std::vector<int64_t> purchases_per_customer(
      static_cast<size_t>(customer_count), 0);
  for (size_t o = 0; o < orders_size; ++o) {
    if (order_time[o] == kNoTime || order_total[o] <= 0) continue;
    purchases.emplace_back(order_time[o], order_total[o]);
    if (order_customer[o] >= 0)
      ++purchases_per_customer[static_cast<size_t>(order_customer[o])];
  }
  std::sort(purchases.begin(), purchases.end());
  purchase_total_sums_.assign(1, 0);
  for (const auto& [time, total] : purchases) {
    purchase_times_.push_back(time);
    purchase_total_sums_.push_back(purchase_total_sums_.back() + total);
  }

  customer_purchase_offsets_ = offsets_from_counts(purchases_per_customer);
  customer_purchase_times_.resize(
      static_cast<size_t>(customer_purchase_offsets_.back()));
  {
    std::vector<int64_t> fill(customer_purchase_offsets_.begin(),
                              customer_purchase_offsets_.end() - 1);
    for (size_t o = 0; o < orders_size; ++o) {
      if (order_time[o] == kNoTime || order_total[o] <= 0 ||
          order_customer[o] < 0)
        continue;
      auto& at = fill[static_cast<size_t>(order_customer[o])];
      customer_purchase_times_[static_cast<size_t>(at++)] = order_time[o];
    }
  }
  sort_rows(customer_purchase_offsets_, customer_purchase_times_,
            std::less<int64_t>());

  customer_line_offsets_ = offsets_from_counts(lines_per_customer);
  std::vector<Line> customer_lines(
      static_cast<size_t>(customer_line_offsets_.back()));
  {
    std::vector<int64_t> fill(customer_line_offsets_.begin(),
                              customer_line_offsets_.end() - 1);
    for (int64_t i = 0; i < rows; ++i) {
      const auto row = static_cast<size_t>(i);
      if (!ordered_at.is_valid(i) || customer_of[row] < 0) continue;
      auto& at = fill[static_cast<size_t>(customer_of[row])];
      customer_lines[static_cast<size_t>(at++)] =
          Line{times[i], amount_column.is_valid(i) ? amounts[i] : 0,
               has_margin_ && margin_column->is_valid(i) ? margins[i] : 0};
    }
  }
  sort_rows(customer_line_offsets_, customer_lines, by_time);
  customer_line_times_.reserve(customer_lines.size());
  customer_line_amount_sums_.assign(1, 0);
  customer_line_margin_sums_.assign(1, 0);
  for (const Line& l : customer_lines) {
    customer_line_times_.push_back(l.time);
    customer_line_amount_sums_.push_back(customer_line_amount_sums_.back() +
                                         l.amount);
    customer_line_margin_sums_.push_back(customer_line_margin_sums_.back() +
                                         l.margin);
  }
}

std::optional<int64_t> PurchaseHistory::first_line_time() const {
  if (line_times_.empty()) return std::nullopt;
  return line_times_.front();
}

std::span<const int64_t>::size_type PurchaseHistory::lower(
    std::span<const int64_t> s, int64_t t) {
  return static_cast<std::span<const int64_t>::size_type>(
      std::lower_bound(s.begin(), s.end(), t) - s.begin());
}

Money PurchaseHistory::lines_in(int64_t from, int64_t to) const {
  if (from >= to) return {};
  auto lo = lower(line_times_, from);
  auto hi = lower(line_times_, to);
  return {line_amount_sums_[hi] - line_amount_sums_[lo],
          line_margin_sums_[hi] - line_margin_sums_[lo]};
}

int64_t PurchaseHistory::purchases_in(int64_t from, int64_t to) const {
  if (from >= to) return 0;
  return static_cast<int64_t>(lower(purchase_times_, to) -
                              lower(purchase_times_, from));
}

WideInt PurchaseHistory::purchase_totals_in(int64_t from, int64_t to) const {
  if (from >= to) return 0;
  return purchase_total_sums_[lower(purchase_times_, to)] -
         purchase_total_sums_[lower(purchase_times_, from)];
}

std::span<const int64_t> PurchaseHistory::purchases_of(int32_t customer) const {
  const auto c = static_cast<size_t>(customer);
  const auto begin = static_cast<size_t>(customer_purchase_offsets_[c]);
  const auto end = static_cast<size_t>(customer_purchase_offsets_[c + 1]);
  return std::span<const int64_t>(customer_purchase_times_)
      .subspan(begin, end - begin);
}

bool PurchaseHistory::has_purchases(int32_t customer) const {
  return !purchases_of(customer).empty();
}

std::optional<int64_t> PurchaseHistory::first_purchase(int32_t customer) const {
  auto p = purchases_of(customer);
  if (p.empty()) return std::nullopt;
  return p.front();
}

std::optional<int64_t> PurchaseHistory::last_purchase_before(int32_t customer,
                                                             int64_t t) const {
  auto p = purchases_of(customer);
  auto n = lower(p, t);
  if (n == 0) return std::nullopt;
  return p[n - 1];
}

int64_t PurchaseHistory::customer_purchases_in(int32_t customer, int64_t from,
                                               int64_t to) const {
  if (from >= to) return 0;
  auto p = purchases_of(customer);
  return static_cast<int64_t>(lower(p, to) - lower(p, from));
}

Money PurchaseHistory::customer_lines_in(int32_t customer, int64_t from,
                                         int64_t to) const {
  if (from >= to) return {};
  const auto c = static_cast<size_t>(customer);
  const auto begin = static_cast<size_t>(customer_line_offsets_[c]);
  const auto end = static_cast<size_t>(customer_line_offsets_[c + 1]);
  auto times = std::span<const int64_t>(customer_line_times_)
                   .subspan(begin, end - begin);
  const size_t lo = begin + lower(times, from);
  const size_t hi = begin + lower(times, to);
  return {customer_line_amount_sums_[hi] - customer_line_amount_sums_[lo],
          customer_line_margin_sums_[hi] - customer_line_margin_sums_[lo]};
}

}  // namespace customer_base
