#include "locale/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace vigie::locale {
namespace {

// U+202F, the French thousands separator and the space before a sign.
const std::string kNnbsp = "\u202f";

Locale french() { return Locale("fr_FR"); }

// The report's currency is the spec's, whatever the language.
Locale english() { return Locale("en_GB", "UTC", "USD"); }

// U+00A0, between an English figure and its "pts".
const std::string kNbsp = "\u00a0";

TEST(FormatValue, CurrencyGroupsThousandsAndPutsTheSignAfter) {
  EXPECT_EQ(format_value(1234567.891, "currency", french()),
            "1" + kNnbsp + "234" + kNnbsp + "567,89" + kNnbsp + "€");
  EXPECT_EQ(format_value(0, "currency", french()), "0,00" + kNnbsp + "€");
  EXPECT_EQ(format_value(999.999, "currency", french()),  // rounds up a digit
            "1" + kNnbsp + "000,00" + kNnbsp + "€");
  EXPECT_EQ(format_value(-1234.5, "currency", french()),
            "-1" + kNnbsp + "234,50" + kNnbsp + "€");
}

TEST(FormatValue, EnglishCurrencyGoesFirstAfterTheMinus) {
  EXPECT_EQ(format_value(1234567.891, "currency", english()), "$1,234,567.89");
  EXPECT_EQ(format_value(-5, "currency", english()), "-$5.00");
}

TEST(FormatValue, CountHasNoDecimals) {
  EXPECT_EQ(format_value(1234, "count", french()), "1" + kNnbsp + "234");
  EXPECT_EQ(format_value(999, "count", french()), "999");
  EXPECT_EQ(format_value(100000, "count", french()), "100" + kNnbsp + "000");
  EXPECT_EQ(format_value(2.4, "count", french()), "2");
  EXPECT_EQ(format_value(2.6, "count", french()), "3");
  EXPECT_EQ(format_value(-1234567, "count", french()),
            "-1" + kNnbsp + "234" + kNnbsp + "567");
}

TEST(FormatValue, RatioIsAPercentageWithOneDecimal) {
  EXPECT_EQ(format_value(0.123, "ratio", french()), "12,3" + kNnbsp + "%");
  EXPECT_EQ(format_value(1, "ratio", french()), "100,0" + kNnbsp + "%");
  EXPECT_EQ(format_value(0, "ratio", french()), "0,0" + kNnbsp + "%");
  // 0.12345 * 100 = 12.345, which as a double is just under: 12,3.
  EXPECT_EQ(format_value(0.12345, "ratio", french()), "12,3" + kNnbsp + "%");
  EXPECT_EQ(format_value(-0.05, "ratio", french()), "-5,0" + kNnbsp + "%");
  EXPECT_EQ(format_value(0.5, "ratio", english()), "50.0%");
}

TEST(FormatValue, DaysHaveOneDecimalOtherUnitsUpToTwo) {
  EXPECT_EQ(format_value(45.26, "days", french()), "45,3");
  EXPECT_EQ(format_value(1.5, "score", french()), "1,5");
  EXPECT_EQ(format_value(3, "score", french()), "3");
  EXPECT_EQ(format_value(2.345678, "", french()), "2,35");
  EXPECT_EQ(format_value(1200.1, "", french()), "1" + kNnbsp + "200,1");
}

TEST(FormatFixed, AColumnsFiguresShareTheirDecimals) {
  EXPECT_EQ(decimals_needed(323.39), 2);
  EXPECT_EQ(decimals_needed(314.8), 1);
  EXPECT_EQ(decimals_needed(314.804), 1);  // as two decimals write it
  EXPECT_EQ(decimals_needed(0), 0);
  EXPECT_EQ(decimals_needed(-2.999), 0);  // "-3.00"
  EXPECT_EQ(decimals_needed(std::nan("")), 0);
  EXPECT_EQ(format_fixed(314.8, 2, french()), "314,80");
  EXPECT_EQ(format_fixed(0, 2, french()), "0,00");
  EXPECT_EQ(format_fixed(1234.5, 1, english()), "1,234.5");
  EXPECT_EQ(format_fixed(-0.001, 2, french()), "0,00");
}

TEST(FormatValue, NegativeZeroAfterRoundingHasNoSign) {
  EXPECT_EQ(format_value(-0.001, "currency", french()), "0,00" + kNnbsp + "€");
  EXPECT_EQ(format_value(-0.4, "count", french()), "0");
  EXPECT_EQ(format_value(-0.001, "score", french()), "0");
}

TEST(FormatValue, NoValuePrintsNotAvailable) {
  EXPECT_EQ(format_value(std::nullopt, "currency", french()), "n/a");
  EXPECT_EQ(
      format_value(std::numeric_limits<double>::quiet_NaN(), "count", french()),
      "n/a");
  EXPECT_EQ(
      format_value(std::numeric_limits<double>::infinity(), "ratio", french()),
      "n/a");
}

TEST(FormatChange, RelativeChangeIsASignedPercentage) {
  // 0.042 relative = +4.2 %.
  EXPECT_EQ(format_change(420.0, 0.042, "currency", french()),
            "+4,2" + kNnbsp + "%");
  EXPECT_EQ(format_change(-3.0, -0.1234, "count", french()),
            "-12,3" + kNnbsp + "%");
  EXPECT_EQ(format_change(0.0, 0.0, "count", french()), "0,0" + kNnbsp + "%");
  // +0.0004 rounds to 0.0: no sign on a change that rounds to nothing.
  EXPECT_EQ(format_change(1.0, 0.000004, "count", french()),
            "0,0" + kNnbsp + "%");
  EXPECT_EQ(format_change(5.0, 12.5, "count", french()),  // x13.5: +1 250 %
            "+1" + kNnbsp + "250,0" + kNnbsp + "%");
  EXPECT_EQ(format_change(1.0, 0.042, "count", english()), "+4.2%");
}

TEST(FormatChange, ScoreChangeIsInPoints) {
  // An NPS from -42.9 to -39.7: +3.2 points, whatever the relative change.
  EXPECT_EQ(format_change(3.2, -0.0746, "score", french()),
            "+3,2" + kNnbsp + "pt");
  EXPECT_EQ(format_change(-12.0, std::nullopt, "score", english()),
            "-12.0" + kNbsp + "pts");
}

TEST(FormatChange, RatioChangeIsInPoints) {
  // 0.245 -> 0.258: +0.013 absolute = +1.3 points.
  EXPECT_EQ(format_change(0.013, 0.053, "ratio", french()),
            "+1,3" + kNnbsp + "pt");
  EXPECT_EQ(format_change(-0.0251, -0.1, "ratio", french()),
            "-2,5" + kNnbsp + "pt");
  EXPECT_EQ(format_change(std::nullopt, 0.1, "ratio", french()), "n/a");
  EXPECT_EQ(format_change(0.013, 0.053, "ratio", english()),
            "+1.3" + kNbsp + "pts");
}

TEST(FormatChange, NothingToCompareIsNotAvailable) {
  EXPECT_EQ(format_change(std::nullopt, std::nullopt, "count", french()),
            "n/a");
  // An absolute change but no relative one (the previous value was 0).
  EXPECT_EQ(format_change(12.0, std::nullopt, "currency", french()), "n/a");
}

TEST(FormatAxis, ShortensThousandsAndMillions) {
  EXPECT_EQ(format_axis(1200000, "count", french()), "1,2" + kNnbsp + "M");
  EXPECT_EQ(format_axis(12500, "count", french()), "12,5" + kNnbsp + "k");
  EXPECT_EQ(format_axis(1000, "count", french()), "1" + kNnbsp + "k");
  EXPECT_EQ(format_axis(1250000, "count", french()), "1,25" + kNnbsp + "M");
  EXPECT_EQ(format_axis(950000, "count", french()), "950" + kNnbsp + "k");
  EXPECT_EQ(format_axis(3e9, "count", french()), "3" + kNnbsp + "Md");
  EXPECT_EQ(format_axis(3e9, "count", english()), "3B");
  EXPECT_EQ(format_axis(-25000, "count", french()), "-25" + kNnbsp + "k");
}

TEST(FormatAxis, SmallValuesAndZero) {
  EXPECT_EQ(format_axis(0, "count", french()), "0");
  EXPECT_EQ(format_axis(950, "count", french()), "950");
  EXPECT_EQ(format_axis(2.5, "days", french()), "2,5");
  EXPECT_EQ(format_axis(0.25, "", french()), "0,25");
}

TEST(FormatAxis, RoundingUpToTheNextMagnitude) {
  // 999 999 / 1 000 = 999.999, which to two decimals is 1 000,00 k: the
  // label moves up to millions, 0.999999 M to two decimals is 1 M.
  EXPECT_EQ(format_axis(999999, "count", french()), "1" + kNnbsp + "M");
}

TEST(FormatAxis, CurrencyAndRatio) {
  EXPECT_EQ(format_axis(12500, "currency", french()), "12,5" + kNnbsp + "k€");
  EXPECT_EQ(format_axis(500, "currency", french()), "500" + kNnbsp + "€");
  EXPECT_EQ(format_axis(12500, "currency", english()), "$12.5k");
  EXPECT_EQ(format_axis(0.25, "ratio", french()), "25" + kNnbsp + "%");
  EXPECT_EQ(format_axis(0.125, "ratio", french()), "12,5" + kNnbsp + "%");
}

TEST(FormatAxisTicks, AllTicksInTheLargestMagnitude) {
  // Largest 1 300 000: millions for all; 900 000 is 0.9 M, 0 stays "0".
  EXPECT_EQ(format_axis_ticks({0, 900000, 1300000}, "count", french()),
            (std::vector<std::string>{"0", "0,9" + kNnbsp + "M",
                                      "1,3" + kNnbsp + "M"}));
  // Largest -20 000 in absolute value: thousands.
  EXPECT_EQ(format_axis_ticks({-20000, -500, 0}, "count", french()),
            (std::vector<std::string>{"-20" + kNnbsp + "k",
                                      "-0,5" + kNnbsp + "k", "0"}));
  EXPECT_EQ(
      format_axis_ticks({0, 500000}, "currency", french()),
      (std::vector<std::string>{"0" + kNnbsp + "€", "500" + kNnbsp + "k€"}));
  EXPECT_EQ(
      format_axis_ticks({0, 0.5}, "ratio", french()),
      (std::vector<std::string>{"0" + kNnbsp + "%", "50" + kNnbsp + "%"}));
  EXPECT_TRUE(format_axis_ticks({}, "count", french()).empty());
}

// A chart of figures a millionth apart: each tick keeps the decimals that
// tell it from the next, rather than all reading "0".
TEST(FormatAxisTicks, TinyFiguresKeepTheirDecimals) {
  EXPECT_EQ(
      format_axis_ticks({0, 2e-7, 4e-7, 6e-7}, "", french()),
      (std::vector<std::string>{"0", "0,0000002", "0,0000004", "0,0000006"}));
  EXPECT_EQ(
      format_axis_ticks({0, 0.000005}, "ratio", french()),
      (std::vector<std::string>{"0" + kNnbsp + "%", "0,0005" + kNnbsp + "%"}));
  EXPECT_EQ(format_axis_ticks({0, 2e-7}, "", english()),
            (std::vector<std::string>{"0", "0.0000002"}));
  // Ordinary steps keep two decimals at most, as before.
  EXPECT_EQ(format_axis_ticks({0, 0.25, 0.5}, "", french()),
            (std::vector<std::string>{"0", "0,25", "0,5"}));
  // One figure alone keeps two significant digits.
  EXPECT_EQ(format_axis(0.0000036, "", french()), "0,0000036");
  EXPECT_EQ(format_axis(2e-6, "ratio", french()), "0,0002" + kNnbsp + "%");
  EXPECT_EQ(format_axis(1e-15, "", french()), "0");  // past 12 decimals
}

// 1e12: a thousand billions, the largest magnitude the axes name.
TEST(FormatAxis, HugeFiguresStayInTheLargestMagnitude) {
  EXPECT_EQ(format_axis(1.2e12, "currency", french()),
            "1" + kNnbsp + "200" + kNnbsp + "Md€");
  EXPECT_EQ(format_axis(1.2e12, "count", english()), "1,200B");
}

TEST(FormatValue, RoundsTheDoublesBinaryValueAsTheReportsAlwaysHave) {
  // 2.675 is 2.67499999... as a double: "2,67", where ICU's own rounding
  // of the shortest decimal text would give "2,68".
  EXPECT_EQ(format_value(2.675, "currency", french()), "2,67" + kNnbsp + "€");
  EXPECT_EQ(format_value(2.675, "", english()), "2.67");
}

TEST(FormatValue, EnglishGroupsWithCommas) {
  const Locale gb("en_GB");
  EXPECT_EQ(format_value(1234567.891, "currency", gb), "€1,234,567.89");
  EXPECT_EQ(format_value(-1234.5, "count", gb), "-1,234");  // half to even
  EXPECT_EQ(format_value(0.1234, "ratio", gb), "12.3%");
  EXPECT_EQ(format_value(1200.1, "", gb), "1,200.1");
}

TEST(Currency, TheSpecsCodeGivesTheSignInTheLanguage) {
  EXPECT_EQ(format_value(1234.5, "currency", Locale("en_GB", "UTC", "GBP")),
            "£1,234.50");
  EXPECT_EQ(format_value(1234.5, "currency", Locale("en_GB", "UTC", "EUR")),
            "€1,234.50");
  EXPECT_EQ(format_value(1234.5, "currency", Locale("fr_FR", "UTC", "GBP")),
            "1" + kNnbsp + "234,50" + kNnbsp + "£");
  EXPECT_EQ(format_axis(12500, "currency", Locale("en_GB", "UTC", "GBP")),
            "£12.5k");
  EXPECT_TRUE(known_currency("GBP"));
  EXPECT_FALSE(known_currency("EURO"));
  EXPECT_FALSE(known_currency("XYZ"));
  EXPECT_THROW(Locale("fr_FR", "UTC", "EURO"), std::invalid_argument);
}

TEST(FormatNumber, UpToTheGivenDecimals) {
  EXPECT_EQ(format_number(48, 1, french()), "48");
  EXPECT_EQ(format_number(12.54, 1, french()), "12,5");
  EXPECT_EQ(format_number(1234.56, 1, french()), "1" + kNnbsp + "234,6");
  EXPECT_EQ(format_number(12.54, 1, Locale("en_GB")), "12.5");
}

TEST(FormatLocalTime, InTheLocalesTimeZone) {
  // 2026-10-25 01:30 UTC, half an hour after the clocks went back: 02:30
  // in Paris (CET, not CEST's 03:30), 01:30 in London (GMT).
  const int64_t instant = 1792891800LL * 1000000;  // 2026-10-25T01:30:00Z
  EXPECT_EQ(format_local_time(instant, Locale("fr_FR", "Europe/Paris")),
            "2026-10-25 02:30");
  EXPECT_EQ(format_local_time(instant, Locale("en_GB", "Europe/London")),
            "2026-10-25 01:30");
  EXPECT_EQ(format_local_time(instant, Locale("en_GB")), "2026-10-25 01:30");
}

}  // namespace
}  // namespace vigie::locale
