// The text-to-value parsers: every accepted form, every refused form, and
// the boundaries (overflow, rounding, leap days, daylight-saving changes).
// Expected epoch values are computed by hand in the comments; they were
// also checked with GNU date (`date -u -d '2026-10-03 14:05:09Z' +%s`).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "table/parse.hpp"

namespace {

using vigie::table::parse_bool;
using vigie::table::parse_decimal;
using vigie::table::parse_int;
using vigie::table::TimestampParser;

constexpr int64_t kMicros = 1000000;
constexpr int64_t kDay = 86400;
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

// Days from 1970-01-01 to 2026-01-01: 56 years of 365 days plus the 14 leap
// days of 1972, 1976, ..., 2024: 56 * 365 + 14 = 20454.
constexpr int64_t k2026 = 20454;

// ---- decimals ---------------------------------------------------------

TEST(ParseDecimal, AcceptsTheDocumentedForms) {
  EXPECT_EQ(parse_decimal("-12.5"), -125000);
  EXPECT_EQ(parse_decimal("1234.5678"), 12345678);
  EXPECT_EQ(parse_decimal("+3"), 30000);
  EXPECT_EQ(parse_decimal(".5"), 5000);
  EXPECT_EQ(parse_decimal("-.5"), -5000);
  EXPECT_EQ(parse_decimal("5."), 50000);
  EXPECT_EQ(parse_decimal("0"), 0);
  EXPECT_EQ(parse_decimal("-0"), 0);
  EXPECT_EQ(parse_decimal("007.50"), 75000);
  EXPECT_EQ(parse_decimal("0.0001"), 1);
  EXPECT_EQ(parse_decimal("2.55"), 25500);
}

TEST(ParseDecimal, RefusesEverythingElse) {
  for (const char* text : {"",
                           "-",
                           "+",
                           ".",
                           "-.",
                           "1e3",
                           "1E3",
                           " 1",
                           "1 ",
                           "1,5",
                           "1.2.3",
                           "--1",
                           "+-1",
                           "0x10",
                           "abc",
                           "1a",
                           "1_000",
                           "NaN",
                           "inf",
                           "1.5-",
                           "1 000",
                           "\xC2\xA0"
                           "1"})
    EXPECT_EQ(parse_decimal(text), std::nullopt) << "'" << text << "'";
}

TEST(ParseDecimal, SumsExactly) {
  // In binary floating point 0.1 + 0.2 != 0.3; scaled by 10^4 they are the
  // integers 1000 + 2000 == 3000.
  EXPECT_EQ(*parse_decimal("0.1") + *parse_decimal("0.2"),
            *parse_decimal("0.3"));
  EXPECT_EQ(*parse_decimal("0.3"), 3000);
}

TEST(ParseDecimal, RoundsHalfToEvenAtTheFifthDecimal) {
  // 1.00005 lies exactly between 1.0000 and 1.0001: the even one, 1.0000.
  EXPECT_EQ(parse_decimal("1.00005"), 10000);
  // 1.00015 lies between 1.0001 and 1.0002: the even one, 1.0002.
  EXPECT_EQ(parse_decimal("1.00015"), 10002);
  // Not exactly half: anything after the 5 tips it up.
  EXPECT_EQ(parse_decimal("1.000050001"), 10001);
  EXPECT_EQ(parse_decimal("1.00006"), 10001);
  EXPECT_EQ(parse_decimal("1.00004999"), 10000);
  // Trailing zeros after the 5 keep it exactly half.
  EXPECT_EQ(parse_decimal("1.0000500"), 10000);
  // Symmetric for negatives.
  EXPECT_EQ(parse_decimal("-1.00005"), -10000);
  EXPECT_EQ(parse_decimal("-1.00015"), -10002);
  EXPECT_EQ(parse_decimal("-1.00006"), -10001);
  // Carry through the units: 0.99995 is half-way between 0.9999 (odd) and
  // 1.0000 (even), so 1.0000.
  EXPECT_EQ(parse_decimal("0.99995"), 10000);
  EXPECT_EQ(parse_decimal("0.00005"), 0);
  EXPECT_EQ(parse_decimal("0.00015"), 2);
}

TEST(ParseDecimal, OverflowGivesNothing) {
  // int64 max is 9223372036854775807, that is 922337203685477.5807 scaled.
  EXPECT_EQ(parse_decimal("922337203685477.5807"), kInt64Max);
  EXPECT_EQ(parse_decimal("922337203685477.5808"), std::nullopt);
  EXPECT_EQ(parse_decimal("922337203685478"), std::nullopt);
  // Rounding up past the maximum overflows too: .58066 rounds to .5807,
  // the maximum, but .58075 (half-way, .5807 odd) rounds to .5808.
  EXPECT_EQ(parse_decimal("922337203685477.58066"), kInt64Max);
  EXPECT_EQ(parse_decimal("922337203685477.58075"), std::nullopt);
  // .58065 is exactly half-way and .5806 is even: it stays.
  EXPECT_EQ(parse_decimal("922337203685477.58065"), kInt64Max - 1);
  // The negative side reaches one further: -9223372036854775808.
  EXPECT_EQ(parse_decimal("-922337203685477.5808"), kInt64Min);
  EXPECT_EQ(parse_decimal("-922337203685477.5809"), std::nullopt);
  EXPECT_EQ(parse_decimal("99999999999999999999999"), std::nullopt);
  // Leading zeros are no overflow.
  EXPECT_EQ(parse_decimal("000000000000000000000000001.5"), 15000);
}

// ---- integers ---------------------------------------------------------

TEST(ParseInt, AcceptsTheDocumentedForms) {
  EXPECT_EQ(parse_int("42"), 42);
  EXPECT_EQ(parse_int("-7"), -7);
  EXPECT_EQ(parse_int("+7"), 7);
  EXPECT_EQ(parse_int("0"), 0);
  EXPECT_EQ(parse_int("-0"), 0);
  EXPECT_EQ(parse_int("0042"), 42);
  // A whole number written as a decimal, as spreadsheets do.
  EXPECT_EQ(parse_int("42.0"), 42);
  EXPECT_EQ(parse_int("17850.0"), 17850);
  EXPECT_EQ(parse_int("42.000"), 42);
  EXPECT_EQ(parse_int("42."), 42);
  EXPECT_EQ(parse_int("-3.0"), -3);
}

TEST(ParseInt, RefusesEverythingElse) {
  for (const char* text :
       {"", "-", "+", ".", ".0", "42.5", "42.01", "4e2", " 42", "42 ", "4 2",
        "0x2A", "forty", "42a", "1,000", "--4", "42.0.0"})
    EXPECT_EQ(parse_int(text), std::nullopt) << "'" << text << "'";
}

TEST(ParseInt, BoundsOfInt64) {
  EXPECT_EQ(parse_int("9223372036854775807"), kInt64Max);
  EXPECT_EQ(parse_int("9223372036854775808"), std::nullopt);
  EXPECT_EQ(parse_int("-9223372036854775808"), kInt64Min);
  EXPECT_EQ(parse_int("-9223372036854775809"), std::nullopt);
  EXPECT_EQ(parse_int("18446744073709551616"), std::nullopt);  // 2^64
}

// ---- booleans ---------------------------------------------------------

TEST(ParseBool, AcceptsEveryCase) {
  for (const char* text :
       {"true", "TRUE", "True", "tRuE", "1", "yes", "YES", "Yes"})
    EXPECT_EQ(parse_bool(text), true) << text;
  for (const char* text : {"false", "FALSE", "False", "0", "no", "NO", "No"})
    EXPECT_EQ(parse_bool(text), false) << text;
}

TEST(ParseBool, RefusesEverythingElse) {
  for (const char* text : {"", "t", "f", "y", "n", "2", "-1", "01", "oui",
                           "non", " true", "true ", "truee", "ye", "on", "off"})
    EXPECT_EQ(parse_bool(text), std::nullopt) << "'" << text << "'";
}

// ---- timestamps -------------------------------------------------------

// 2026-10-03: 273 days after 2026-01-01 (31+28+31+30+31+30+31+31+30), plus
// 2: day 20454 + 275 = 20729 since the epoch. 14:05:09 is 50709 s.
constexpr int64_t k20261003T140509 = (k2026 + 275) * kDay + 50709;

TEST(TimestampParser, UtcForms) {
  TimestampParser utc("UTC");
  const int64_t expected = k20261003T140509 * kMicros;
  EXPECT_EQ(expected, 1791036309LL * kMicros);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09"), expected);
  EXPECT_EQ(utc.parse("2026-10-03 14:05:09"), expected);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09Z"), expected);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09+00:00"), expected);
  EXPECT_EQ(utc.parse("2026-10-03T14:05"), expected - 9 * kMicros);
  // Date alone: midnight.
  EXPECT_EQ(utc.parse("2026-10-03"), (k2026 + 275) * kDay * kMicros);
  EXPECT_EQ(utc.parse("1970-01-01"), 0);
  EXPECT_EQ(utc.parse("1970-01-01T00:00:00.000001"), 1);
  EXPECT_EQ(utc.parse("1969-12-31T23:59:59"), -kMicros);
  // A one-digit hour, as some exports write it: 9:12:58 is 33178 s.
  EXPECT_EQ(utc.parse("2026-10-03 9:12:58"),
            ((k2026 + 275) * kDay + 33178) * kMicros);
}

TEST(TimestampParser, Offsets) {
  TimestampParser utc("UTC");
  const int64_t expected = k20261003T140509 * kMicros;
  // 16:05:09 at +02:00 is 14:05:09 UTC.
  EXPECT_EQ(utc.parse("2026-10-03T16:05:09+02:00"), expected);
  EXPECT_EQ(utc.parse("2026-10-03T16:05:09+0200"), expected);
  EXPECT_EQ(utc.parse("2026-10-03T16:05:09+02"), expected);
  // 08:35:09 at -05:30 is 14:05:09 UTC.
  EXPECT_EQ(utc.parse("2026-10-03T08:35:09-05:30"), expected);
  // An offset in the text wins over the parser's time zone.
  TimestampParser paris("Europe/Paris");
  EXPECT_EQ(paris.parse("2026-10-03T14:05:09Z"), expected);
  EXPECT_EQ(paris.parse("2026-10-03T16:05:09+02:00"), expected);
}

TEST(TimestampParser, Fractions) {
  TimestampParser utc("UTC");
  const int64_t whole = k20261003T140509 * kMicros;
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09.123456"), whole + 123456);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09.5"), whole + 500000);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09.000001Z"), whole + 1);
  EXPECT_EQ(utc.parse("2026-10-03 14:05:09.123+02:00"),
            whole - 2 * 3600 * kMicros + 123000);
  // Beyond microseconds the digits are truncated, not rounded.
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09.123456789"), whole + 123456);
  EXPECT_EQ(utc.parse("2026-10-03T14:05:09.9999999"), whole + 999999);
}

TEST(TimestampParser, LeapDays) {
  TimestampParser utc("UTC");
  // 2024-01-01 is 54 * 365 + 13 leap days (1972..2020) = 19723 days; Feb 29
  // is 59 days later: 19782; 23:59:59 is 86399 s.
  EXPECT_EQ(utc.parse("2024-02-29T23:59:59"), (19782 * kDay + 86399) * kMicros);
  // 2000 is a leap year (divisible by 400): 2000-01-01 is 30 * 365 + 7
  // leap days (1972..1996) = 10957 days, Feb 29 is 59 days later.
  EXPECT_EQ(utc.parse("2000-02-29"), (10957 + 59) * kDay * kMicros);
  EXPECT_EQ(utc.parse("2026-02-29"), std::nullopt);
  EXPECT_EQ(utc.parse("1900-02-29"), std::nullopt);
}

TEST(TimestampParser, RefusesMalformedText) {
  TimestampParser utc("UTC");
  for (const char* text : {"",
                           "2026",
                           "2026-10",
                           "2026-1-03",
                           "2026-10-3",
                           "26-10-03",
                           "2026/10/03",
                           "03/10/2026",
                           "2026-13-01",
                           "2026-00-10",
                           "2026-10-00",
                           "2026-10-32",
                           "2026-04-31",
                           "2026-10-03T",
                           "2026-10-03T24:00:00",
                           "2026-10-03T14:60:00",
                           "2026-10-03T14:05:60",
                           "2026-10-03T14",
                           "2026-10-03T14:5",
                           "2026-10-03T14:05:9",
                           "2026-10-03T14:05:09.",
                           "2026-10-03T14:05:09+2",
                           "2026-10-03T14:05:09+02:0",
                           "2026-10-03T14:05:09+24:00",
                           "2026-10-03T14:05:09 Z",
                           "2026-10-03T14:05:09z",
                           "2026-10-03X14:05:09",
                           " 2026-10-03",
                           "2026-10-03 ",
                           "2026-10-03Z",
                           "2026-10-03T14:05:09Zjunk",
                           "2026-10-03T114:05:09",
                           "abcd-ef-gh",
                           "1.791e9"})
    EXPECT_EQ(utc.parse(text), std::nullopt) << "'" << text << "'";
}

TEST(TimestampParser, ParisSummerAndWinter) {
  TimestampParser paris("Europe/Paris");
  // 2026-07-14: 20454 + 181 (Jan..Jun) + 13 = 20648 days. Noon in summer
  // (CEST, UTC+2) is 10:00 UTC: 36000 s.
  EXPECT_EQ(paris.parse("2026-07-14 12:00:00"),
            (20648 * kDay + 36000) * kMicros);
  // 2026-01-15: 20454 + 14 = 20468 days. Noon in winter (CET, UTC+1) is
  // 11:00 UTC: 39600 s.
  EXPECT_EQ(paris.parse("2026-01-15 12:00:00"),
            (20468 * kDay + 39600) * kMicros);
  // Midnight of a winter date alone is 23:00 UTC the day before.
  EXPECT_EQ(paris.parse("2026-01-15"), (20468 * kDay - 3600) * kMicros);
}

TEST(TimestampParser, ParisAutumnChangeTakesTheEarlierInstant) {
  TimestampParser paris("Europe/Paris");
  // 2026-10-25 is 20454 + 273 + 24 = 20751 days. At 03:00 CEST the clocks
  // go back to 02:00 CET, so 02:30 happens twice: 00:30 UTC (CEST) and
  // 01:30 UTC (CET). The earlier one: 1800 s after midnight UTC.
  const int64_t day = 20751 * kDay;
  EXPECT_EQ(paris.parse("2026-10-25T02:30:00"), (day + 1800) * kMicros);
  // Just before and after the repeated hour, unambiguous: 01:59:59 CEST is
  // 23:59:59 UTC the day before; 03:00 CET is 02:00 UTC.
  EXPECT_EQ(paris.parse("2026-10-25T01:59:59"), (day - 1) * kMicros);
  EXPECT_EQ(paris.parse("2026-10-25T03:00:00"), (day + 7200) * kMicros);
  // The repeated hour's first second: 02:00 CEST is 00:00 UTC.
  EXPECT_EQ(paris.parse("2026-10-25T02:00:00"), day * kMicros);
}

TEST(TimestampParser, ParisSpringChangeMovesForwardByTheGap) {
  TimestampParser paris("Europe/Paris");
  // 2026-03-29 is 20454 + 31 + 28 + 28 = 20541 days. At 02:00 CET the
  // clocks jump to 03:00 CEST: 02:30 does not exist and becomes 03:30 CEST,
  // which is 01:30 UTC: 5400 s.
  const int64_t day = 20541 * kDay;
  EXPECT_EQ(paris.parse("2026-03-29T02:30:00"), (day + 5400) * kMicros);
  // Around the gap: 01:59:59 CET is 00:59:59 UTC, 03:00 CEST is 01:00 UTC.
  EXPECT_EQ(paris.parse("2026-03-29T01:59:59"), (day + 3599) * kMicros);
  EXPECT_EQ(paris.parse("2026-03-29T03:00:00"), (day + 3600) * kMicros);
  // 02:00 (missing) is moved to 03:00 CEST as well.
  EXPECT_EQ(paris.parse("2026-03-29T02:00:00"), (day + 3600) * kMicros);
}

TEST(TimestampParser, ParisBeforeTheCachedRanges) {
  TimestampParser paris("Europe/Paris");
  // 1850 predates the cached range (1900-2200) and standard time: Paris
  // then kept its local mean time, 9 min 21 s ahead of UTC (tzdata LMT
  // +0:09:21). 1850-01-01 is 43829 days before the epoch (120 years of 365
  // days plus 29 leap days: the 30 years 1852..1968 divisible by 4, minus
  // 1900); noon LMT is 43200 - 561 s UTC.
  EXPECT_EQ(paris.parse("1850-01-01T12:00:00"),
            (-43829 * kDay + 43200 - 561) * kMicros);
}

TEST(TimestampParser, ConsecutiveValuesAcrossAChangeStayRight) {
  // The parser remembers the offset of the last value; a run of values
  // crossing the spring change must switch offset when the date does.
  TimestampParser paris("Europe/Paris");
  const int64_t day = 20541 * kDay;  // 2026-03-29
  EXPECT_EQ(paris.parse("2026-03-28T12:00:00"),
            (day - kDay + 39600) * kMicros);  // CET: 11:00 UTC
  EXPECT_EQ(paris.parse("2026-03-29T12:00:00"),
            (day + 36000) * kMicros);  // CEST: 10:00 UTC
  EXPECT_EQ(paris.parse("2026-03-28T12:00:00"), (day - kDay + 39600) * kMicros);
}

TEST(TimestampParser, EveryHalfHourOf2026InParis) {
  // The EU rule: CEST (UTC+2) from the last Sunday of March, 01:00 UTC, to
  // the last Sunday of October, 01:00 UTC; CET (UTC+1) otherwise. In local
  // time, with the documented choices (the repeated hour takes the earlier
  // instant, which is CEST; the skipped hour is read as CET, moving it
  // forward), UTC+2 applies exactly to [03-29 03:00, 10-25 03:00).
  // Walked forwards then backwards, so the remembered range is left in both
  // directions.
  const int64_t summer_begin = (20541 * kDay + 3 * 3600);  // 2026-03-29
  const int64_t summer_end = (20751 * kDay + 3 * 3600);    // 2026-10-25
  TimestampParser paris("Europe/Paris");
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::pair<std::string, int64_t>> cases;
  int64_t day = k2026;
  for (int month = 1; month <= 12; ++month) {
    for (int d = 1; d <= month_days[month - 1]; ++d, ++day) {
      for (int half = 0; half < 48; ++half) {
        char text[64];
        std::snprintf(text, sizeof text, "2026-%02d-%02dT%02d:%02d:00", month,
                      d, half / 2, half % 2 * 30);
        int64_t local = day * kDay + half * 1800;
        int64_t offset =
            local >= summer_begin && local < summer_end ? 7200 : 3600;
        cases.emplace_back(text, (local - offset) * kMicros);
      }
    }
  }
  ASSERT_EQ(cases.size(), 365u * 48u);
  for (const auto& [text, expected] : cases)
    ASSERT_EQ(paris.parse(text), expected) << text;
  for (auto it = cases.rbegin(); it != cases.rend(); ++it)
    ASSERT_EQ(paris.parse(it->first), it->second) << it->first;
}

TEST(TimestampParser, FixedOffsetZone) {
  TimestampParser plus_two("+02:00");
  // 16:05:09 at +02:00 is 14:05:09 UTC, summer or winter alike.
  EXPECT_EQ(plus_two.parse("2026-10-03T16:05:09"), k20261003T140509 * kMicros);
  EXPECT_EQ(TimestampParser("-0530").parse("2026-10-03T08:35:09"),
            k20261003T140509 * kMicros);
}

TEST(TimestampParser, UnknownZoneThrows) {
  EXPECT_THROW(TimestampParser("Mars/Olympus_Mons"), std::runtime_error);
  EXPECT_THROW(TimestampParser(""), std::runtime_error);
  EXPECT_THROW(TimestampParser("+25:00"), std::runtime_error);
  EXPECT_NO_THROW(TimestampParser("America/New_York"));
}

TEST(TimestampParser, MovedParserStillParses) {
  TimestampParser first("Europe/Paris");
  TimestampParser second(std::move(first));
  EXPECT_EQ(second.parse("2026-07-14 12:00:00"),
            (20648 * kDay + 36000) * kMicros);
}

}  // namespace
