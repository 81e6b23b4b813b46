#include "vigie/sdk/dictionary_builder.hpp"

#include <gtest/gtest.h>

#include <string>

#include "vigie/sdk/string_index.hpp"

namespace vigie {
namespace {

TEST(StringIndex, FindsOrAddsAndForgetsOnClear) {
  StringPool pool;
  StringIndex<> index;
  EXPECT_EQ(index.find_or_add(pool, "web"), 0);
  EXPECT_EQ(index.find_or_add(pool, "app"), 1);
  EXPECT_EQ(index.find_or_add(pool, "web"), 0);
  EXPECT_EQ(index.size(), 2u);
  StringPool next;
  index.clear();
  EXPECT_EQ(index.find_or_add(next, "app"), 0);
  EXPECT_EQ(next.at(0), "app");
  for (int i = 0; i < 10000; ++i)
    EXPECT_EQ(index.find_or_add(next, std::to_string(i)), i + 1);
  EXPECT_EQ(index.find_or_add(next, "9999"), 10000);
}

// A batch's repeated values are stored once; every row reads back its own.
TEST(DictionaryBuilder, StoresEachDistinctValueOnce) {
  DictionaryBuilder builder;
  Column column("device", Type::Dictionary);
  builder.begin(column);
  const char* values[] = {"mobile", "desktop", "mobile",
                          nullptr,  "tablet",  "mobile"};
  for (const char* v : values) v ? builder.push(v) : builder.push_null();
  builder.finish();
  ASSERT_EQ(column.size(), 6);
  EXPECT_EQ(column.dictionary->size(), 3);
  for (int64_t i = 0; i < 6; ++i) {
    if (values[i] == nullptr) {
      EXPECT_FALSE(column.is_valid(i));
    } else {
      EXPECT_TRUE(column.is_valid(i));
      EXPECT_EQ(column.string_at(i), values[i]);
    }
  }
}

// Mostly distinct values (times) stop being looked up after the probe: the
// dictionary then repeats values, and each row still reads its own.
TEST(DictionaryBuilder, MostlyDistinctValuesAreAppendedAsTheyCome) {
  DictionaryBuilder builder;
  Column column("ts", Type::Dictionary);
  builder.begin(column);
  for (int i = 0; i < 10000; ++i) builder.push(std::to_string(i % 6000));
  builder.finish();
  ASSERT_EQ(column.size(), 10000);
  EXPECT_EQ(column.dictionary->size(), 10000);  // 4,000 repeats not merged
  for (int i = 0; i < 10000; ++i)
    ASSERT_EQ(column.string_at(i), std::to_string(i % 6000));

  // A few distinct values keep being merged, batch after batch, each batch
  // with a dictionary of its own.
  Column next("device", Type::Dictionary);
  builder.begin(next);
  for (int i = 0; i < 10000; ++i) builder.push(i % 2 ? "web" : "app");
  builder.finish();
  EXPECT_EQ(next.dictionary->size(), 2);
  EXPECT_NE(next.dictionary, column.dictionary);
  EXPECT_EQ(next.string_at(9999), "web");
}

}  // namespace
}  // namespace vigie
