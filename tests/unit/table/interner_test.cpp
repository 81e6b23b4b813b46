#include "table/interner.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace vigie::table {
namespace {

TEST(Interner, EqualStringsShareACodeAndCodesAreDense) {
  Interner interner;
  EXPECT_EQ(interner.intern("C0001"), 0);
  EXPECT_EQ(interner.intern("C0002"), 1);
  EXPECT_EQ(interner.intern("C0001"), 0);
  EXPECT_EQ(interner.intern(""), 2);
  EXPECT_EQ(interner.intern(""), 2);
  EXPECT_EQ(interner.size(), 3);
  EXPECT_EQ(interner.pool()->at(0), "C0001");
  EXPECT_EQ(interner.pool()->at(2), "");
}

// Against a std::unordered_map on a million draws with many repeats, across
// every growth of the table: the first code given to a string is the one it
// keeps, and the pool holds each string at its code.
TEST(Interner, AgreesWithAHashMapAcrossGrowth) {
  Interner interner;
  std::unordered_map<std::string, int32_t> reference;
  std::mt19937_64 random(7);
  std::uniform_int_distribution<int> id(0, 300000);
  for (int i = 0; i < 1000000; ++i) {
    // Ids of varying length, some sharing long prefixes.
    std::string s = (i % 3 ? "V" : "visitor-with-a-long-common-prefix-") +
                    std::to_string(id(random));
    auto [it, added] =
        reference.emplace(s, static_cast<int32_t>(reference.size()));
    ASSERT_EQ(interner.intern(s), it->second) << s;
  }
  ASSERT_EQ(interner.size(), static_cast<int32_t>(reference.size()));
  for (const auto& [s, code] : reference)
    ASSERT_EQ(interner.pool()->at(code), s);
}

TEST(Interner, ReservingKeepsTheCodesGiven) {
  Interner interner;
  EXPECT_EQ(interner.intern("a"), 0);
  EXPECT_EQ(interner.intern("b"), 1);
  interner.reserve(100000, 1000000);
  EXPECT_EQ(interner.intern("b"), 1);
  EXPECT_EQ(interner.intern("a"), 0);
  for (int i = 0; i < 100000; ++i) interner.intern(std::to_string(i));
  EXPECT_EQ(interner.size(), 100002);
  EXPECT_EQ(interner.intern("99999"), 100001);
}

// Strings that differ only past a shared prefix, or only in length, or by
// an embedded NUL, are different strings.
TEST(Interner, ComparesWholeStrings) {
  Interner interner;
  const std::string with_nul("a\0b", 3);
  const int32_t a = interner.intern("a");
  const int32_t nul = interner.intern(with_nul);
  const int32_t ab = interner.intern("ab");
  EXPECT_NE(a, nul);
  EXPECT_NE(nul, ab);
  EXPECT_EQ(interner.intern(std::string("a\0b", 3)), nul);
  EXPECT_EQ(interner.pool()->at(nul), with_nul);
}

}  // namespace
}  // namespace vigie::table
