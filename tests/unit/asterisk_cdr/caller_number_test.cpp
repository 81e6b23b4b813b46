// The caller's number, from the real files' values.
#include "caller_number.hpp"

#include <gtest/gtest.h>

namespace {

using vigie::asterisk_cdr::caller_number;

TEST(CallerNumber, SrcFirst) {
  // prod_21col_Master.csv line 1.
  EXPECT_EQ(caller_number("89212428605", "\"89212428605\" <89212428605>"),
            "89212428605");
  // Line 41: src and the number of the caller id differ; src is kept.
  EXPECT_EQ(
      caller_number("81100181240432", "\"8107924651??b\" <81100181240432>"),
      "81100181240432");
}

TEST(CallerNumber, TheNumberOfTheCallerIdWithoutSrc) {
  EXPECT_EQ(caller_number("", "\"USER100\" <100>"), "100");
  EXPECT_EQ(caller_number("  ", "\"a <b>\" < +33 1 23 >"), "+33 1 23");
  // A bare number, as a caller id without a name is sometimes written.
  EXPECT_EQ(caller_number("", "0612345678"), "0612345678");
  EXPECT_EQ(caller_number("", "+33612345678"), "+33612345678");
}

TEST(CallerNumber, NoneWhenNothingIsANumber) {
  // lab_18col_Master.csv line 59: no src, the caller id a name alone.
  EXPECT_EQ(caller_number("", "apptel"), "");
  EXPECT_EQ(caller_number("", ""), "");
  EXPECT_EQ(caller_number("", "\"\" <>"), "");
  EXPECT_EQ(caller_number("", "#"), "");
}

}  // namespace
