#include "table/take_rows.hpp"

namespace vigie::table {
namespace {

template <typename T>
std::vector<T> pick(const std::vector<T>& values,
                    const std::vector<int64_t>& rows) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (int64_t r : rows) out.push_back(values[static_cast<size_t>(r)]);
  return out;
}

Column take_column(const Column& in, const std::vector<int64_t>& rows) {
  Column out(in.name, in.type);
  out.unit = in.unit;
  out.dictionary = in.dictionary;
  switch (in.type) {
    case Type::Int64:
    case Type::Decimal:
    case Type::Timestamp:
      out.ints = pick(in.ints, rows);
      break;
    case Type::Double:
      out.doubles = pick(in.doubles, rows);
      break;
    case Type::Bool:
      out.bools = pick(in.bools, rows);
      break;
    case Type::Dictionary:
      out.codes = pick(in.codes, rows);
      break;
    case Type::String:
      for (int64_t r : rows) {
        const std::string_view s = in.string_at(r);
        out.chars.append(s.data(), s.size());
        out.offsets.push_back(static_cast<int32_t>(out.chars.size()));
      }
      break;
  }
  if (!in.valid.empty()) out.valid = pick(in.valid, rows);
  return out;
}

}  // namespace

Table take_rows(const Table& table, const std::vector<int64_t>& rows) {
  Table out;
  for (const auto& c : table.columns)
    out.columns.push_back(take_column(c, rows));
  return out;
}

std::vector<int64_t> rows_equal(const Column& column, std::string_view value) {
  std::vector<int64_t> rows;
  const int64_t n = column.size();
  if (column.type == Type::Dictionary) {
    // One comparison a distinct value, then codes: the dictionary is
    // shared and may be large, but is looked at once.
    std::vector<uint8_t> match(static_cast<size_t>(column.dictionary->size()));
    for (int32_t code = 0; code < column.dictionary->size(); ++code)
      match[static_cast<size_t>(code)] = column.dictionary->at(code) == value;
    for (int64_t i = 0; i < n; ++i)
      if (column.is_valid(i) &&
          match[static_cast<size_t>(column.codes[static_cast<size_t>(i)])])
        rows.push_back(i);
    return rows;
  }
  for (int64_t i = 0; i < n; ++i)
    if (column.is_valid(i) && column.string_at(i) == value) rows.push_back(i);
  return rows;
}

}  // namespace vigie::table
