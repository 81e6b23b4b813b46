#include "locale/months.hpp"

#include <gtest/gtest.h>

namespace vigie::locale {
namespace {

TEST(MonthName, FrenchNamesAreLowerCase) {
  const Locale fr("fr_FR");
  EXPECT_EQ(month_name(fr, 1), "janvier");
  EXPECT_EQ(month_name(fr, 2), "février");
  EXPECT_EQ(month_name(fr, 8), "août");
  EXPECT_EQ(month_name(fr, 12), "décembre");
  EXPECT_EQ(month_name(Locale("fr"), 10), "octobre");
}

TEST(MonthName, EnglishNames) {
  EXPECT_EQ(month_name(Locale("en_GB"), 1), "January");
  EXPECT_EQ(month_name(Locale("en_US"), 9), "September");
}

TEST(MonthAbbreviation, FrenchAbbreviationsKeepTheirDot) {
  const Locale fr("fr_FR");
  const char* expected[] = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                            "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
  for (unsigned m = 1; m <= 12; ++m)
    EXPECT_EQ(month_abbreviation(fr, m), expected[m - 1]) << m;
}

TEST(MonthAbbreviation, EnglishAbbreviationsHaveThreeLetters) {
  // The language's abbreviations in every English locale: en_GB's own
  // would be "Sept".
  const char* expected[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (const char* name : {"en_GB", "en_US", "en"})
    for (unsigned m = 1; m <= 12; ++m)
      EXPECT_EQ(month_abbreviation(Locale(name), m), expected[m - 1])
          << name << " " << m;
}

TEST(MonthName, OutOfRangeThrows) {
  EXPECT_THROW(month_name(Locale("fr_FR"), 0), std::out_of_range);
  EXPECT_THROW(month_abbreviation(Locale("en_GB"), 13), std::out_of_range);
}

}  // namespace
}  // namespace vigie::locale
