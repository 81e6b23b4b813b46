// The two readings of the orders dataset every indicator of orders shares
// (DATA-MODEL.md, "order" and "purchase"; docs/kpi-choices.md "Orders and
// purchases"), so that customer_base, funnel and attribution count the
// same orders and the same customers.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/kernels/group_by.hpp"
#include "vigie/sdk/kernels/sources.hpp"

namespace vigie::sdk::kernels {

// The customer code of each of the `rows` order lines, kNone for an
// anonymous one (a null or empty customer_id: a customer's purchases are
// those of its non-empty customer_id). Without the column every line is
// kNone (a run lends orders.customer_id only to the KPIs that read it).
inline std::vector<int32_t> line_customers(const ColumnView* customer_id,
                                           int64_t rows) {
  if (customer_id == nullptr)
    return std::vector<int32_t>(static_cast<size_t>(rows), kNone);
  std::vector<uint8_t> empty(
      static_cast<size_t>(customer_id->dictionary_size()));
  for (size_t code = 0; code < empty.size(); ++code)
    empty[code] =
        customer_id->dictionary_at(static_cast<int32_t>(code)).empty();
  const CodeSource codes(*customer_id);
  std::vector<int32_t> out(static_cast<size_t>(codes.size()));
  for (int64_t row = 0; row < codes.size(); ++row) {
    const int32_t code = codes[row];
    out[static_cast<size_t>(row)] =
        code < 0 || empty[static_cast<size_t>(code)] ? kNone : code;
  }
  return out;
}

// The order of each line with a time (a line without one belongs to no
// period and is left out); a line with a null order_id is an order of its
// own. Throws when order_id is not a text id column.
inline GroupKeys order_keys(const ColumnView& order_id,
                            const ColumnView& ordered_at) {
  if (order_id.type() != Type::Dictionary)
    throw std::runtime_error("orders.order_id must be a text id column");
  const CodeSource codes(order_id);
  std::vector<int32_t> order(static_cast<size_t>(codes.size()));
  int64_t next = order_id.dictionary_size();
  for (int64_t row = 0; row < codes.size(); ++row) {
    const int32_t code = codes[row];
    order[static_cast<size_t>(row)] =
        code >= 0 ? code : static_cast<int32_t>(next++);
  }
  GroupKeys keys(std::move(order), next);
  keys.keep_only([&](int64_t row) { return ordered_at.is_valid(row); });
  return keys;
}

}  // namespace vigie::sdk::kernels
