// Fuzz target: mapping expressions (engine/src/ingest/expression.cpp),
// parsed and evaluated over one row. Input: the expression on the first
// line, then the row's values one a line for the columns below (a missing
// or empty value is null). Beyond "no crash, no sanitizer report", checks:
// a parse error points inside the text (or just past it); a number result
// prints as text that reads back to the same number; an expression that is
// a single column gives that column's value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/expression.hpp"
#include "table/parse.hpp"

namespace {

using vigie::ingest::Expression;
using vigie::ingest::Value;

const std::vector<std::string> kColumns = {"Quantity", "UnitPrice",
                                           "CustomerID", "Call Id", "Answered"};

class Row : public vigie::ingest::RowAccess {
 public:
  explicit Row(std::vector<std::string> values) : values_(std::move(values)) {}
  Value column(size_t i) const override {
    if (i >= values_.size() || values_[i].empty()) return Value::null();
    return Value::of_text(values_[i]);
  }

 private:
  std::vector<std::string> values_;
};

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t line_end = input.find('\n');
  const std::string_view text = input.substr(0, line_end);
  std::vector<std::string> values;
  if (line_end != std::string_view::npos) {
    std::string_view rest = input.substr(line_end + 1);
    while (values.size() < kColumns.size()) {
      const size_t end = rest.find('\n');
      values.emplace_back(rest.substr(0, end));
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  const Row row(std::move(values));

  std::optional<Expression> expression;
  try {
    expression = Expression::parse(text, kColumns);
  } catch (const vigie::ingest::ExpressionError& e) {
    check(e.position() >= 1 && e.position() <= text.size() + 1);
    return 0;
  }
  Value result;
  try {
    result = expression->evaluate(row);
  } catch (const vigie::ingest::EvaluationError&) {
    return 0;
  }
  if (result.kind == Value::Kind::Number)
    check(vigie::table::parse_decimal(result.as_text()) == result.number);
  if (auto column = expression->single_column()) {
    const Value direct = row.column(*column);
    check(direct.kind == result.kind && direct.text == result.text);
  }
  return 0;
}
