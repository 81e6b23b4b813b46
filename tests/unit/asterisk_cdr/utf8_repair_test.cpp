// The repair of text that is not UTF-8. Every expectation is what Python's
// bytes.decode("utf-8", "replace") gives for the same bytes (the Unicode
// Standard's "maximal subpart" practice), re-encoded in UTF-8.
#include "utf8_repair.hpp"

#include <gtest/gtest.h>

namespace {

using vigie::asterisk_cdr::repair_utf8;
using vigie::asterisk_cdr::valid_utf8;

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8Repair, ValidTextIsKept) {
  for (std::string text : {"", "plain", "caf\xC3\xA9", "\xF0\x9F\x98\x80",
                           "\xE2\x82\xAC 12", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_TRUE(valid_utf8(text)) << text;
    EXPECT_EQ(repair_utf8(text), text);
  }
}

TEST(Utf8Repair, TheCallerNamesOfTheProductionPbx) {
  // prod_21col_Master.csv line 41: the caller name `8107924651` then the
  // bytes A5 A5 (an 8-bit encoding) then `b`. A5 is never a lead byte:
  // one U+FFFD each.
  const std::string name =
      "8107924651\xA5\xA5"
      "b";
  EXPECT_FALSE(valid_utf8(name));
  EXPECT_EQ(repair_utf8(name), "8107924651" + kFffd + kFffd + "b");
}

TEST(Utf8Repair, MaximalSubparts) {
  // A character cut short: its lead and the continuation bytes it got are
  // one part, at the end of the text or before an ASCII byte.
  EXPECT_EQ(repair_utf8("\xE2\x82"), kFffd);
  EXPECT_EQ(repair_utf8("\xE2\x82x"), kFffd + "x");
  EXPECT_EQ(repair_utf8("\xF0\x9F\x98"), kFffd);
  // Overlong forms, surrogates and code points past U+10FFFF: the lead
  // cannot be followed by that second byte, so every byte is a part.
  EXPECT_EQ(repair_utf8("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xE0\x80\xAF"), kFffd + kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(repair_utf8("\xFF"), kFffd);
  for (std::string bad : {"\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xFF"})
    EXPECT_FALSE(valid_utf8(bad));
}

TEST(Utf8Repair, TheResultIsValid) {
  const std::string messy = "a\x80\xC3\xA9\xE2\x28\xA1\xF0\x28\x8C\xBC z";
  EXPECT_TRUE(valid_utf8(repair_utf8(messy)));
}

}  // namespace
