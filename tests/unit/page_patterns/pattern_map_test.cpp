// Named page patterns: page groups (one group a page, the most specific
// alternative wins) and life moments (every moment that matches).
#include "pattern_map.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigie::pages {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The demo's page groups (docs/kpi-choices.md), where /espace-client/aide
// is matched by both "espace_client" (through a `*`) and "aide" (exactly).
PatternMap demo_groups() {
  return PatternMap("page_groups",
                    {{"espace_client", "/espace-client|/espace-client/*"},
                     {"aide", "/aide|/aide/*|/espace-client/aide"},
                     {"accueil", "/"},
                     {"produits", "/produits/*|/offres"}});
}

TEST(PatternMap, KeepsTheNamesInByteOrder) {
  PatternMap groups = demo_groups();
  ASSERT_EQ(groups.size(), 4);
  EXPECT_EQ(groups.name(0), "accueil");
  EXPECT_EQ(groups.name(3), "produits");
  EXPECT_EQ(groups.find("aide"), 1);
  EXPECT_EQ(groups.find("nowhere"), -1);
}

TEST(PatternMap, AnAlternativeWithoutStarBeatsOneWith) {
  PatternMap groups = demo_groups();
  EXPECT_EQ(groups.name(groups.best("/espace-client/aide")), "aide");
  EXPECT_EQ(groups.name(groups.best("/espace-client/factures")),
            "espace_client");
  EXPECT_EQ(groups.name(groups.best("/")), "accueil");
}

TEST(PatternMap, AmongStarsTheMoreLiteralCharactersWin) {
  PatternMap groups("page_groups",
                    {{"wide", "/espace-client/*"},
                     {"narrow", "/espace-client/demenagement*"}});
  EXPECT_EQ(groups.name(groups.best("/espace-client/demenagement/2")),
            "narrow");
  EXPECT_EQ(groups.name(groups.best("/espace-client/paiement")), "wide");
}

TEST(PatternMap, AnEqualSpecificityGoesToTheFirstNameInByteOrder) {
  // Same literal count, both with a star; "B" (0x42) sorts before "a".
  PatternMap groups("page_groups", {{"a", "/x/*"}, {"B", "/*/y"}});
  EXPECT_EQ(groups.name(groups.best("/x/y")), "B");
}

TEST(PatternMap, APageInNoGroupHasNone) {
  EXPECT_EQ(demo_groups().best("/blog/article"), -1);
  EXPECT_EQ(PatternMap().best("/"), -1);
}

TEST(PatternMap, MatchingGivesEveryName) {
  PatternMap moments("life_moments",
                     {{"termination", "/espace-client/resiliation*"},
                      {"moving", "/espace-client/*"}});
  EXPECT_THAT(moments.matching("/espace-client/resiliation"),
              ElementsAre(0, 1));
  EXPECT_THAT(moments.matching("/espace-client/demenagement"), ElementsAre(0));
  EXPECT_THAT(moments.matching("/aide"), ElementsAre());
}

TEST(PatternMap, ABadPatternNamesItsEntry) {
  try {
    PatternMap("page_groups", {{"aide", "/aide|"}});
    FAIL() << "an empty alternative was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("page_groups.aide"));
    EXPECT_THAT(e.what(), HasSubstr("empty alternative"));
  }
}

}  // namespace
}  // namespace vigie::pages
