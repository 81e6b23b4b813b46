// What the kernels read a row's value from: a dataset's column (nulls
// known from its validity bitmap) or a plain span an indicator computed
// itself (the stitched person of each event, a session's duration). The
// kernels are written once against these two small views.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

#include "vigie/sdk/arrow_view.hpp"

namespace vigie::sdk::kernels {

// An int64 a row: Int64, Decimal (scaled by 10^4) or Timestamp (µs UTC)
// raw values. `scale` is what divides a raw value into a number (10^4 for
// a decimal, else 1). A column source keeps a pointer to the ColumnView:
// the view must outlive it (the request's views live for the whole
// compute()).
class IntSource {
 public:
  // Implicit: a column is passed where a source is expected.
  IntSource(const ColumnView& column)
      : values_(column.ints()),
        column_(column.null_count() > 0 ? &column : nullptr),
        size_(column.size()),
        scale_(column.type() == Type::Decimal ? kDecimalScale : 1) {}
  // Never null; `scale` as above.
  explicit IntSource(std::span<const int64_t> values, int64_t scale = 1)
      : values_(values.data()),
        size_(static_cast<int64_t>(values.size())),
        scale_(scale) {}

  int64_t size() const { return size_; }
  int64_t scale() const { return scale_; }
  bool valid(int64_t row) const {
    return column_ == nullptr || column_->is_valid(row);
  }
  int64_t operator[](int64_t row) const { return values_[row]; }

 private:
  const int64_t* values_;
  const ColumnView* column_ = nullptr;
  int64_t size_;
  int64_t scale_;
};

// A dense code a row, below `code_count`: a dictionary column's codes
// (nulls left out) or a span where a negative value means "none".
class CodeSource {
 public:
  // Implicit: a column is passed where a source is expected.
  CodeSource(const ColumnView& column)
      : codes_(column.codes()),
        column_(column.null_count() > 0 ? &column : nullptr),
        size_(column.size()),
        code_count_(column.dictionary_size()) {}
  CodeSource(std::span<const int32_t> codes, int64_t code_count)
      : codes_(codes.data()),
        size_(static_cast<int64_t>(codes.size())),
        code_count_(code_count) {}

  int64_t size() const { return size_; }
  int64_t code_count() const { return code_count_; }
  // The row's code, or -1 (null, or none).
  int32_t operator[](int64_t row) const {
    if (column_ != nullptr && !column_->is_valid(row)) return -1;
    int32_t code = codes_[row];
    if (code >= code_count_) [[unlikely]]
      code_out_of_range(row, code);
    return code < 0 ? -1 : code;
  }

 private:
  // Out of line, so that the check costs the hot loop one compare.
  [[noreturn, gnu::noinline, gnu::cold]] void code_out_of_range(
      int64_t row, int32_t code) const {
    throw std::out_of_range("row " + std::to_string(row) + ": code " +
                            std::to_string(code) + " is not below " +
                            std::to_string(code_count_));
  }

  const int32_t* codes_;
  const ColumnView* column_ = nullptr;
  int64_t size_;
  int64_t code_count_;
};

}  // namespace vigie::sdk::kernels
