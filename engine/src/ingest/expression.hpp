// Mapping expressions: how a canonical column is computed from the columns
// of a source (docs/spec-reference.md, "mapping"). Examples:
//   Quantity * UnitPrice
//   integer(CustomerID)                 17850.0 -> 17850
//   concat(Date, ' ', Time)
//   recode(Answered, 'Y', 'answered', 'N', 'abandoned')
//   `Call Id`                           a column name with spaces
//   lookup('phones', e164(src, 'FR'))   a customer id from a caller number
// Arithmetic is exact decimal (int64 scaled by 10^4): muparser, the
// expression library of the stack, computes in double only, which would
// print 0.1 * 3 as 0.30000000000000004 in a finance controller's figure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::ingest {

class LookupTable;

// A value while an expression is evaluated.
struct Value {
  enum class Kind { Null, Text, Number } kind = Kind::Null;
  std::string text;    // Text
  int64_t number = 0;  // Number, scaled by 10^4
  static Value null() { return {}; }
  static Value of_text(std::string_view t) {
    return {Kind::Text, std::string(t), 0};
  }
  static Value of_number(int64_t scaled) { return {Kind::Number, {}, scaled}; }
  bool is_null() const { return kind == Kind::Null; }
  // The text a number prints as: "12.5", "17850", "-0.0001".
  std::string as_text() const;
};

// A mistake in the expression itself (a spec error): position is 1-based.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(const std::string& message, size_t position)
      : std::runtime_error(message), position_(position) {}
  size_t position() const { return position_; }

 private:
  size_t position_;
};

// A value that does not fit the expression (a data error for that row).
class EvaluationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads the columns of the current row.
class RowAccess {
 public:
  virtual ~RowAccess() = default;
  virtual Value column(size_t index) const = 0;
};

class Expression {
 public:
  // Parses `text`; column names resolve through `columns` (their index is
  // what RowAccess::column receives), lookup ids through `lookups`, which
  // must outlive the expression. Throws ExpressionError.
  static Expression parse(
      std::string_view text, const std::vector<std::string>& columns,
      const std::map<std::string, LookupTable, std::less<>>* lookups = nullptr);
  ~Expression();
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;

  // Throws EvaluationError when a value does not fit (text in arithmetic).
  Value evaluate(const RowAccess& row) const;

  // The source column when the expression is just a column, for the fast
  // path that skips evaluation.
  std::optional<size_t> single_column() const;

  // The keys given to lookup() that matched nothing (unknown or ambiguous)
  // in the evaluations so far.
  int64_t unmatched() const;
  // Whether it calls lookup() anywhere.
  bool consults_lookup() const;

  struct Node;

 private:
  explicit Expression(std::unique_ptr<Node> root);
  std::unique_ptr<Node> root_;
};

}  // namespace vigie::ingest
