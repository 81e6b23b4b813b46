// Some rows of a table, every column type kept, nulls included.
#include "table/take_rows.hpp"

#include <gtest/gtest.h>

namespace vigie::table {
namespace {

Table sample() {
  Table t;
  auto pool = std::make_shared<StringPool>();
  for (const char* s : {"fr", "be", "ch"}) pool->append(s);
  auto& region = t.add("region", Type::Dictionary);
  region.dictionary = pool;
  auto& name = t.add("name", Type::String);
  auto& amount = t.add("amount", Type::Decimal, "currency");
  auto& score = t.add("score", Type::Double);
  auto& ok = t.add("ok", Type::Bool);
  const int32_t codes[] = {0, 1, 0, 2, 0};
  for (int i = 0; i < 5; ++i) {
    if (i == 2)
      region.push_null();
    else
      region.push_code(codes[i]);
    name.push_string("n" + std::to_string(i));
    amount.push_int(i * 10000);
    score.push_double(i / 2.0);
    ok.push_bool(i % 2 == 0);
  }
  return t;
}

TEST(TakeRows, KeepsTheRowsAskedInOrderWithEveryType) {
  const Table t = sample();
  const Table out = take_rows(t, {4, 1});
  ASSERT_EQ(out.rows(), 2);
  EXPECT_EQ(out.find("region")->string_at(0), "fr");
  EXPECT_EQ(out.find("region")->string_at(1), "be");
  EXPECT_EQ(out.find("region")->dictionary, t.find("region")->dictionary);
  EXPECT_EQ(out.find("name")->string_at(0), "n4");
  EXPECT_EQ(out.find("name")->string_at(1), "n1");
  EXPECT_EQ(out.find("amount")->ints, (std::vector<int64_t>{40000, 10000}));
  EXPECT_EQ(out.find("amount")->unit, "currency");
  EXPECT_EQ(out.find("score")->doubles, (std::vector<double>{2.0, 0.5}));
  EXPECT_EQ(out.find("ok")->bools, (std::vector<uint8_t>{1, 0}));
  const Table with_null = take_rows(t, {2});
  EXPECT_FALSE(with_null.find("region")->is_valid(0));
  EXPECT_EQ(take_rows(t, {}).rows(), 0);
}

TEST(RowsEqual, ByDictionaryOrTextNeverANull) {
  const Table t = sample();
  EXPECT_EQ(rows_equal(*t.find("region"), "fr"),
            (std::vector<int64_t>{0, 4}));  // row 2 is null
  EXPECT_EQ(rows_equal(*t.find("region"), "ch"), (std::vector<int64_t>{3}));
  EXPECT_TRUE(rows_equal(*t.find("region"), "de").empty());
  EXPECT_EQ(rows_equal(*t.find("name"), "n3"), (std::vector<int64_t>{3}));
}

}  // namespace
}  // namespace vigie::table
