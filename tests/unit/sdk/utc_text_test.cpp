// Seconds and microseconds since the epoch as ISO text. Every expected
// text was computed with Python's datetime (datetime(1970, 1, 1,
// tzinfo=utc) + timedelta(microseconds=n)), not with the code under test.
#include "vigie/sdk/utc_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using vigie::sdk::utc_text;
using vigie::sdk::UtcUnit;

std::string text_of(int64_t micros) {
  auto text = utc_text(micros, UtcUnit::kMicroseconds);
  return text ? std::string(text->view()) : "(none)";
}

std::string text_of_seconds(int64_t seconds) {
  auto text = utc_text(seconds, UtcUnit::kSeconds);
  return text ? std::string(text->view()) : "(none)";
}

TEST(UtcText, FirstEventOfTheRealExport) {
  // Line 1 of ga4_sample_460rows.ndjson; its event_date is 20201101.
  EXPECT_EQ(text_of(1604192073036492), "2020-11-01T00:54:33.036492Z");
  EXPECT_EQ(text_of(1612069510766593), "2021-01-31T05:05:10.766593Z");
}

TEST(UtcText, EpochLeapDayAndBeforeTheEpoch) {
  EXPECT_EQ(text_of(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(text_of(951782400000000), "2000-02-29T00:00:00.000000Z");
  // Before 1970 the day is floored, not truncated towards zero.
  EXPECT_EQ(text_of(-1), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(text_of(-2203847999999995), "1900-03-01T12:00:00.000005Z");
}

TEST(UtcText, OnlyFourDigitYears) {
  EXPECT_EQ(text_of(-62135596800000000), "0001-01-01T00:00:00.000000Z");
  EXPECT_EQ(text_of(-62167219200000000), "0000-01-01T00:00:00.000000Z");
  EXPECT_EQ(text_of(-62167219200000001), "(none)");
  EXPECT_EQ(text_of(253402300799999999), "9999-12-31T23:59:59.999999Z");
  EXPECT_EQ(text_of(253402300800000000), "(none)");
  EXPECT_EQ(text_of(std::numeric_limits<int64_t>::max()), "(none)");
  EXPECT_EQ(text_of(std::numeric_limits<int64_t>::min()), "(none)");
}

TEST(UtcText, Seconds) {
  // The first ENTERQUEUE of pbxware_queue_log_export.csv.
  EXPECT_EQ(text_of_seconds(1543602677), "2018-11-30T18:31:17Z");
  EXPECT_EQ(text_of_seconds(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(text_of_seconds(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(text_of_seconds(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(text_of_seconds(253402300800), "(none)");
  EXPECT_EQ(text_of_seconds(-62167219200), "0000-01-01T00:00:00Z");
  EXPECT_EQ(text_of_seconds(-62167219201), "(none)");
  EXPECT_EQ(text_of_seconds(std::numeric_limits<int64_t>::max()), "(none)");
}

}  // namespace
