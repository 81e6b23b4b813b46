#include "order_lines.hpp"

#include <stdexcept>
#include <utility>

namespace products_test {

int64_t money(std::string_view text) {
  // Decimal text to 10^4 units by hand: a double would not be exact.
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  int64_t units = 0, fraction = 0, digits = 0;
  bool after_point = false;
  for (char c : text) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    if (c < '0' || c > '9') throw std::invalid_argument("not an amount");
    if (after_point) {
      fraction = fraction * 10 + (c - '0');
      ++digits;
    } else {
      units = units * 10 + (c - '0');
    }
  }
  for (; digits < 4; ++digits) fraction *= 10;
  const int64_t scaled = units * vigie::kDecimalScale + fraction;
  return negative ? -scaled : scaled;
}

vigie::Table OrderLines::table() const {
  vigie::table::Interner order_ids, products, categories;
  vigie::Table t;
  auto& order_id = t.add("order_id", vigie::Type::Dictionary);
  auto& ordered_at = t.add("ordered_at", vigie::Type::Timestamp);
  auto& amount = t.add("amount", vigie::Type::Decimal);
  for (size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    order_id.push_code(order_ids.intern("O" + std::to_string(i)));
    ordered_at.push_int(l.at);
    amount.push_int(money(l.amount));
  }
  order_id.dictionary = order_ids.pool();
  auto text_column = [&](const char* name, vigie::table::Interner& interner,
                         std::optional<std::string> Line::*member) {
    auto& column = t.add(name, vigie::Type::Dictionary);
    for (const Line& l : lines_) {
      if (l.*member)
        column.push_code(interner.intern(*(l.*member)));
      else
        column.push_null();
    }
    column.dictionary = interner.pool();
  };
  if (with_product) text_column("product_id", products, &Line::product);
  if (with_category) text_column("category", categories, &Line::category);
  if (with_quantity) {
    auto& quantity = t.add("quantity", vigie::Type::Int64);
    for (const Line& l : lines_) {
      if (l.quantity)
        quantity.push_int(*l.quantity);
      else
        quantity.push_null();
    }
  }
  if (with_margin) {
    auto& margin = t.add("margin", vigie::Type::Decimal);
    for (const Line& l : lines_) margin.push_int(money(l.margin));
  }
  return t;
}

Result run(const OrderLines& lines, const std::vector<vigie_period>& periods,
           uint32_t current,
           const std::map<std::string, std::string>& parameters) {
  vigie::testing::NamedTables datasets;
  datasets.emplace_back("orders", lines.table());
  return vigie::testing::run_indicator("products", parameters,
                                       std::move(datasets), periods, current);
}

}  // namespace products_test
