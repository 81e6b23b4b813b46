// The rule for text entering the engine (table/text_check.hpp), on the
// byte sequences Unicode table 3-7 allows and forbids.
#include <gtest/gtest.h>

#include <string>

#include "table/text_check.hpp"

namespace vigie::table {
namespace {

using namespace std::string_literals;

TEST(TextCheck, WellFormedUtf8Passes) {
  EXPECT_FALSE(text_problem(""));
  EXPECT_FALSE(text_problem("plain ASCII, 12.34"));
  EXPECT_FALSE(text_problem("Café crème"));             // 2-byte
  EXPECT_FALSE(text_problem("1 234 €"));                // 3-byte
  EXPECT_FALSE(text_problem("\xF0\x9F\x93\x9E call"));  // 4-byte U+1F4DE
  EXPECT_FALSE(text_problem("\xED\x9F\xBF"));           // U+D7FF
  EXPECT_FALSE(text_problem("\xF4\x8F\xBF\xBF"));       // U+10FFFF
}

TEST(TextCheck, IllFormedUtf8NamesTheByteAndPosition) {
  // Latin-1 "é", as a CRM export in the wrong encoding writes it.
  EXPECT_EQ(text_problem("Caf\xE9"),
            "is not valid UTF-8 (byte 0xE9 at position 4)");
  EXPECT_TRUE(text_problem("\xC0\xAF"));          // overlong "/"
  EXPECT_TRUE(text_problem("\xE0\x80\xAF"));      // overlong, 3 bytes
  EXPECT_TRUE(text_problem("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_TRUE(text_problem("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_TRUE(text_problem("\xF5\x80\x80\x80"));
  EXPECT_TRUE(text_problem("\x80"));        // lone continuation
  EXPECT_TRUE(text_problem("ab\xE2\x82"));  // cut short at the end
  EXPECT_EQ(text_problem("ab\xE2\x82"),
            "is not valid UTF-8 (byte 0xE2 at position 3)");
}

TEST(TextCheck, NulIsRefusedWithItsPosition) {
  EXPECT_EQ(text_problem("12\0"
                         "5"s),
            "holds a NUL character at position 3");
}

TEST(TextCheck, PrintableTextReplacesWhatCannotBeShown) {
  EXPECT_EQ(printable_text("Caf\xE9 ok"), "Caf\xEF\xBF\xBD ok");
  EXPECT_EQ(printable_text("a\0b"s), "a\\0b");
  EXPECT_EQ(printable_text("Café"), "Café");
  EXPECT_FALSE(text_problem(printable_text("\xFF\xC0\xAF\xED\xA0\x80")));
}

}  // namespace
}  // namespace vigie::table
