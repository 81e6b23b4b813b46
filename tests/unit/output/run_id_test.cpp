#include "output/run_id.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace vigie::output {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

// 2026-12-01T02:49:36Z, counted by hand: 20788 days since 1970-01-01.
const system_clock::time_point kStart{
    seconds(20788LL * 86400 + 2 * 3600 + 49 * 60 + 36)};

TEST(RunId, IsTheUtcStartToTheMillisecondThenSixtyFourRandomBits) {
  EXPECT_EQ(format_run_id(kStart + milliseconds(512), 0x9c1f0e4b7a2d6c83),
            "20261201T024936.512Z-9c1f0e4b7a2d6c83");
  // Fixed width: leading zeros are kept in every field.
  EXPECT_EQ(format_run_id(kStart + milliseconds(7), 0x2a),
            "20261201T024936.007Z-000000000000002a");
}

TEST(RunId, SortsAsTextInTheOrderOfTime) {
  const std::vector<std::string> ids = {
      format_run_id(kStart, UINT64_MAX),
      format_run_id(kStart + milliseconds(1), 0),
      format_run_id(kStart + milliseconds(999), 0),
      format_run_id(kStart + seconds(1), 0),
      format_run_id(kStart + seconds(86400 * 40), 0),  // next year
  };
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST(RunId, NewIdsHaveTheShapeTheTimeOfTheCallAndAreUniqueOverManyCalls) {
  const std::string before = format_run_id(system_clock::now(), 0);
  std::set<std::string> ids;
  constexpr int kCalls = 100000;  // many in each millisecond
  for (int i = 0; i < kCalls; ++i) {
    const std::string id = new_run_id();
    ASSERT_TRUE(is_run_id(id)) << id;
    ids.insert(id);
  }
  const std::string after = format_run_id(system_clock::now(), UINT64_MAX);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kCalls));
  EXPECT_LE(before, *ids.begin());
  EXPECT_LE(*ids.rbegin(), after);
}

TEST(RunId, TheShapeIsChecked) {
  EXPECT_TRUE(is_run_id("20261201T024936.512Z-9c1f0e4b7a2d6c83"));
  for (const char* bad :
       {"", "20261201T024936.512Z-9c1f0e4b7a2d6c8",  // short
        "20261201T024936.512Z-9c1f0e4b7a2d6c833",    // long
        "20261201T024936.512Z-9C1F0E4B7A2D6C83",     // upper case
        "20261201t024936.512Z-9c1f0e4b7a2d6c83",     // lower-case t
        "2026-12-01T02:49:36.512Z-9c1f0e4b",         // extended format
        "20261201T024936.5x2Z-9c1f0e4b7a2d6c83",     // not a digit
        "20261201T024936.512Z_9c1f0e4b7a2d6c83",     // not a dash
        "20261201T024936.512Z-9c1f0e4b7a2d6c8g"})    // not hex
    EXPECT_FALSE(is_run_id(bad)) << bad;
}

}  // namespace
}  // namespace vigie::output
