// One row of a connector's batch as expression values: text as text,
// numbers exact (int64 scaled by 10^4), for mappings and lookups alike.
#pragma once

#include <cmath>
#include <cstdint>

#include "ingest/expression.hpp"
#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::ingest {

// Reads one row of a batch as expression values.
class BatchRow : public RowAccess {
 public:
  explicit BatchRow(const TableView& batch) : batch_(batch) {}
  void set_row(int64_t row) { row_ = row; }
  Value column(size_t index) const override {
    const ColumnView& c = batch_.columns()[index];
    if (!c.is_valid(row_)) return Value::null();
    switch (c.type()) {
      case Type::String:
      case Type::Dictionary: {
        std::string_view s = c.string_at(row_);
        return s.empty() ? Value::null() : Value::of_text(s);
      }
      case Type::Int64: {
        // Typed sources: a value past the decimal range is a reject (the
        // caller catches EvaluationError), never a wrapped number.
        int64_t scaled = 0;
        if (__builtin_mul_overflow(c.ints()[row_], kDecimalScale, &scaled))
          throw EvaluationError("number too large");
        return Value::of_number(scaled);
      }
      case Type::Decimal:
        return Value::of_number(c.ints()[row_]);
      case Type::Double: {
        const double scaled =
            c.doubles()[row_] * static_cast<double>(kDecimalScale);
        if (!(std::fabs(scaled) < 0x1p63))  // also NaN
          throw EvaluationError("number too large or not a number");
        return Value::of_number(std::llround(scaled));
      }
      case Type::Bool:
        return Value::of_text(c.bool_at(row_) ? "true" : "false");
      case Type::Timestamp:
        return Value::of_text(std::to_string(c.ints()[row_]));
    }
    return Value::null();
  }

 private:
  const TableView& batch_;
  int64_t row_ = 0;
};

}  // namespace vigie::ingest
