// The wall-clock times of CDR rows.
#include "cdr_time.hpp"

#include <gtest/gtest.h>

namespace {

using vigie::asterisk_cdr::parse_cdr_time;

TEST(CdrTime, SecondsOfTheWallClock) {
  // `date -u -d '2024-01-27 15:07:24' +%s` prints 1706368044 (the
  // uniqueid of that row of prod_21col_Master.csv is 1706368044.0: the
  // PBX's clock was on UTC).
  EXPECT_EQ(parse_cdr_time("2024-01-27 15:07:24"), 1706368044);
  EXPECT_EQ(parse_cdr_time("1970-01-01 00:00:00"), 0);
  EXPECT_EQ(parse_cdr_time("2024-02-29 00:00:00"),
            *parse_cdr_time("2024-02-28 00:00:00") + 86400);
  // A 'T' in place of the space, and a fraction (ignored).
  EXPECT_EQ(parse_cdr_time("2024-01-27T15:07:24"), 1706368044);
  EXPECT_EQ(parse_cdr_time("2024-01-27 15:07:24.731"), 1706368044);
}

TEST(CdrTime, WhatIsNoTime) {
  for (const char* text :
       {"", "2024-01-27", "2024-01-27 15:07", "2023-02-29 00:00:00",
        "2024-13-01 00:00:00", "2024-04-31 00:00:00", "2024-01-27 24:00:00",
        "2024-01-27 15:60:00", "2024-01-27 15:07:60", "2024/01/27 15:07:24",
        "2024-01-27 15:07:24.", "2024-01-27 15:07:24x", "1706368044",
        "2024-01-27 15:07:2a", "start"})
    EXPECT_FALSE(parse_cdr_time(text).has_value()) << text;
}

}  // namespace
