#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/expression.hpp"

namespace vigie::ingest {
namespace {

using ::testing::HasSubstr;

// A row given as text values (empty: null).
class Row : public RowAccess {
 public:
  explicit Row(std::vector<std::string> values) : values_(std::move(values)) {}
  Value column(size_t i) const override {
    return values_[i].empty() ? Value::null() : Value::of_text(values_[i]);
  }

 private:
  std::vector<std::string> values_;
};

const std::vector<std::string> kColumns = {"Quantity", "UnitPrice",
                                           "CustomerID", "Call Id", "Answered"};

std::string eval(const std::string& expr, std::vector<std::string> row) {
  return Expression::parse(expr, kColumns)
      .evaluate(Row(std::move(row)))
      .as_text();
}

TEST(Expression, MultipliesExactly) {
  // 6 x 2.55 = 15.30; 3 x 0.1 = 0.3 exactly (not 0.30000000000000004).
  EXPECT_EQ(eval("Quantity * UnitPrice", {"6", "2.55", "", "", ""}), "15.3");
  EXPECT_EQ(eval("Quantity * UnitPrice", {"3", "0.1", "", "", ""}), "0.3");
  // A return: -12 x 1.25 = -15.
  EXPECT_EQ(eval("Quantity * UnitPrice", {"-12", "1.25", "", "", ""}), "-15");
  // 0.00005 x 1 rounds half to even at 4 decimals: 0.0000 (0 is even).
  EXPECT_EQ(eval("UnitPrice / 3", {"", "1", "", "", ""}), "0.3333");
  EXPECT_EQ(eval("(Quantity + 1) * 2 - -1", {"4", "", "", "", ""}), "11");
}

TEST(Expression, CleansIdsAndText) {
  EXPECT_EQ(eval("integer(CustomerID)", {"", "", "17850.0", "", ""}), "17850");
  EXPECT_EQ(eval("concat('c-', `Call Id`)", {"", "", "", "ID0001", ""}),
            "c-ID0001");
  EXPECT_EQ(eval("recode(Answered, 'Y', 'answered', 'N', 'abandoned')",
                 {"", "", "", "", "N"}),
            "abandoned");
  EXPECT_EQ(eval("lower(trim(Answered))", {"", "", "", "", "  YeS "}), "yes");
  EXPECT_EQ(eval("coalesce(CustomerID, 'anon')", {"", "", "", "", ""}), "anon");
}

// PhoneNow's talk times ("0:02:23") and other exports' "2:23" or "143".
TEST(Expression, DurationsBecomeSeconds) {
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", "0:02:23"}), "143");
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", "1:00:00"}), "3600");
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", "2:23"}), "143");
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", "143"}), "143");
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", "27:59:59"}), "100799");
  EXPECT_EQ(eval("seconds(Answered)", {"", "", "", "", ""}), "");  // null
  const auto d = Expression::parse("seconds(Answered)", kColumns);
  for (const char* bad :
       {"0:2:23", "0:60:00", "1:02:03:04", "-0:02:23", "2.5", "0:02:", ":02",
        "a:02:23", "0:02:23 ", "99999999999999999:00"})
    EXPECT_THROW(d.evaluate(Row({"", "", "", "", bad})), EvaluationError)
        << bad;
}

// Epoch counts (NDJSON exports, queue logs) as ISO UTC instants; expected
// texts from Python's datetime.fromtimestamp(n, timezone.utc).
TEST(Expression, EpochCountsBecomeUtcInstants) {
  EXPECT_EQ(eval("epoch(Answered, 's')", {"", "", "", "", "1543602677"}),
            "2018-11-30T18:31:17Z");
  EXPECT_EQ(eval("epoch(Answered, 'ms')", {"", "", "", "", "1604192073036"}),
            "2020-11-01T00:54:33.036000Z");
  EXPECT_EQ(eval("epoch(Answered, 'us')", {"", "", "", "", "1604192073036492"}),
            "2020-11-01T00:54:33.036492Z");
  EXPECT_EQ(eval("epoch(Answered, 'ms')", {"", "", "", "", "-1"}),
            "1969-12-31T23:59:59.999000Z");
  EXPECT_EQ(eval("epoch(Answered, 's')", {"", "", "", "", ""}), "");  // null
  const auto d = Expression::parse("epoch(Answered, 'ms')", kColumns);
  for (const char* bad : {"1.5", "12a", " 12", "9223372036854775807"})
    EXPECT_THROW(d.evaluate(Row({"", "", "", "", bad})), EvaluationError)
        << bad;
  EXPECT_THROW(Expression::parse("epoch(Answered, 'minutes')", kColumns),
               ExpressionError);
  EXPECT_THROW(Expression::parse("epoch(Answered, CustomerID)", kColumns),
               ExpressionError);
}

TEST(Expression, NullPropagatesThroughArithmetic) {
  auto v = Expression::parse("Quantity * UnitPrice", kColumns)
               .evaluate(Row({"", "2", "", "", ""}));
  EXPECT_TRUE(v.is_null());
}

TEST(Expression, BadValuesAreEvaluationErrors) {
  auto e = Expression::parse("Quantity * UnitPrice", kColumns);
  EXPECT_THROW(e.evaluate(Row({"abc", "2", "", "", ""})), EvaluationError);
  auto i = Expression::parse("integer(CustomerID)", kColumns);
  EXPECT_THROW(i.evaluate(Row({"", "", "17850.5", "", ""})), EvaluationError);
  auto d = Expression::parse("Quantity / UnitPrice", kColumns);
  EXPECT_THROW(d.evaluate(Row({"1", "0", "", "", ""})), EvaluationError);
}

TEST(Expression, NegatingTheSmallestNumberIsTooLarge) {
  // Found with tests/fuzz/expression: -(-922337203685477.5808) overflowed
  // int64 (undefined behaviour) instead of being a data error.
  auto e = Expression::parse("-Quantity", kColumns);
  try {
    e.evaluate(Row({"-922337203685477.5808", "", "", "", ""}));
    FAIL() << "no error";
  } catch (const EvaluationError& error) {
    EXPECT_THAT(error.what(), HasSubstr("number too large"));
  }
  EXPECT_EQ(eval("-Quantity", {"-922337203685477.5807", "", "", "", ""}),
            "922337203685477.5807");
}

std::string repeated(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

TEST(Expression, DeepNestingIsASpecErrorNotAStackOverflow) {
  // Found with tests/fuzz/expression: 4,000 parentheses overflowed the stack
  // (the parser recursed once a level; evaluating and destroying the tree
  // recurse once a level of operators too).
  const int n = 100000;
  for (const std::string& text :
       {repeated("(", n) + "1" + repeated(")", n), repeated("-", n) + "1",
        repeated("trim(", n) + "'x'" + repeated(")", n),
        "1" + repeated(" + 1", n), repeated("1 * ", n) + "1"}) {
    try {
      Expression::parse(text, kColumns);
      FAIL() << "no error for " << text.substr(0, 40);
    } catch (const ExpressionError& e) {
      EXPECT_THAT(e.what(), HasSubstr("nested more than 100 levels deep"));
    }
  }
  // Within the bound, nesting and chains still read.
  EXPECT_EQ(eval(repeated("(", 90) + "Quantity" + repeated(")", 90),
                 {"7", "", "", "", ""}),
            "7");
  EXPECT_EQ(eval("0" + repeated(" + Quantity", 99), {"2", "", "", "", ""}),
            "198");
}

TEST(Expression, SpecMistakesSayWhere) {
  try {
    Expression::parse("Quantity * UnitPrise", kColumns);
    FAIL();
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.position(), 21u);
    EXPECT_THAT(e.what(), HasSubstr("no source column 'UnitPrise'"));
    EXPECT_THAT(e.what(), HasSubstr("UnitPrice"));
  }
  EXPECT_THROW(Expression::parse("frobnicate(Quantity)", kColumns),
               ExpressionError);
  EXPECT_THROW(Expression::parse("integer(Quantity, UnitPrice)", kColumns),
               ExpressionError);
  EXPECT_THROW(Expression::parse("(Quantity", kColumns), ExpressionError);
  EXPECT_THROW(Expression::parse("'open", kColumns), ExpressionError);
}

TEST(Expression, SingleColumnIsRecognised) {
  EXPECT_EQ(Expression::parse("UnitPrice", kColumns).single_column(), 1u);
  EXPECT_EQ(Expression::parse("`Call Id`", kColumns).single_column(), 3u);
  EXPECT_FALSE(Expression::parse("trim(UnitPrice)", kColumns).single_column());
}

}  // namespace
}  // namespace vigie::ingest
