// A burst value's folder name: safe on any file system, and never shared
// by two values.
#include "output/burst_folder.hpp"

#include <gtest/gtest.h>

namespace vigie::output {
namespace {

TEST(BurstFolder, ASafeValueIsItsOwnName) {
  EXPECT_EQ(burst_folder("/out", "Bretagne"), "/out/Bretagne");
  EXPECT_EQ(burst_folder("", "queue_2.fr-b"), "queue_2.fr-b");
}

TEST(BurstFolder, AnythingElseIsReplacedAndTheValueHashed) {
  const auto a = burst_folder("", "Grand Est").string();
  EXPECT_EQ(a.rfind("Grand_Est-", 0), 0u) << a;
  EXPECT_EQ(a.size(), std::string("Grand_Est-").size() + 8);
  // Two values that differ only by an unsafe character.
  EXPECT_NE(burst_folder("", "Grand Est"), burst_folder("", "Grand/Est"));
  for (const char* v : {"", ".", "..", "../x", "a/b", "Île-de-France"}) {
    const auto name = burst_folder("", v).string();
    EXPECT_EQ(name.find('/'), std::string::npos) << v;
    EXPECT_NE(name, ".");
    EXPECT_NE(name, "..");
    EXPECT_FALSE(name.empty());
  }
  // Stable: the scheduler finds what the run wrote.
  EXPECT_EQ(burst_folder("", "Grand Est"), burst_folder("", "Grand Est"));
}

}  // namespace
}  // namespace vigie::output
