#include <gtest/gtest.h>

#include "output/cell_text.hpp"

namespace vigie::output {
namespace {

TEST(CellText, DecimalsAreExact) {
  EXPECT_EQ(decimal_text(153000), "15.3");
  EXPECT_EQ(decimal_text(-275000), "-27.5");
  EXPECT_EQ(decimal_text(-1), "-0.0001");
  EXPECT_EQ(decimal_text(178500000), "17850");
  EXPECT_EQ(decimal_text(0), "0");
}

TEST(CellText, TimestampsInTheReportsZone) {
  // 2026-10-25T00:30:00Z is 02:30 summer time in Paris (+02:00);
  // 2026-10-25T01:30:00Z is 02:30 again, winter time (+01:00).
  const int64_t s = 1000000;
  EXPECT_EQ(timestamp_text(1792888200 * s, "Europe/Paris"),
            "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(timestamp_text(1792891800 * s, "Europe/Paris"),
            "2026-10-25T02:30:00+01:00");
  EXPECT_EQ(timestamp_text(0, "UTC"), "1970-01-01T00:00:00+00:00");
}

TEST(CellText, TheZonesOffsetAtAnInstant) {
  const int64_t s = 1000000;
  EXPECT_EQ(zone_offset(1792888200 * s, "Europe/Paris").count(), 7200);
  EXPECT_EQ(zone_offset(1792891800 * s, "Europe/Paris").count(), 3600);
  EXPECT_EQ(zone_offset(1792891800 * s, "UTC").count(), 0);
}

}  // namespace
}  // namespace vigie::output
