// Small typed columns for the kernel tests, written as lists where
// std::nullopt is a null, and read back through the SDK's Arrow views
// (support/viewed_table.hpp) exactly as an indicator reads a dataset.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "support/viewed_table.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::kernels_test {

using Ints = std::initializer_list<std::optional<int64_t>>;
using Codes = std::initializer_list<std::optional<int32_t>>;

inline Column int_column(std::string name, Type type, Ints values) {
  Column c(std::move(name), type);
  for (const auto& v : values) v ? c.push_int(*v) : c.push_null();
  return c;
}

// Dictionary codes into a pool of `pool_size` strings "k0", "k1", ...
inline Column code_column(std::string name, int32_t pool_size, Codes codes) {
  auto pool = std::make_shared<StringPool>();
  for (int32_t i = 0; i < pool_size; ++i) pool->append("k" + std::to_string(i));
  Column c(std::move(name), Type::Dictionary);
  c.dictionary = pool;
  for (const auto& v : codes) v ? c.push_code(*v) : c.push_null();
  return c;
}

inline Table table_of(std::initializer_list<Column> columns) {
  Table t;
  for (const auto& c : columns) t.columns.push_back(c);
  return t;
}

}  // namespace vigie::kernels_test
