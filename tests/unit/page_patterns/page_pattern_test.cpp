// Page patterns of the spec: `*` is the only wildcard, the whole path must
// match, `|` separates alternatives.
#include "page_pattern.hpp"

#include <gtest/gtest.h>

namespace vigie::pages {
namespace {

TEST(PagePattern, MatchesTheWholePathOnly) {
  PagePattern exact("/espace-client/demenagement");
  EXPECT_TRUE(exact.matches("/espace-client/demenagement"));
  EXPECT_FALSE(exact.matches("/espace-client/demenagement/etape-1"));
  EXPECT_FALSE(exact.matches("/fr/espace-client/demenagement"));
  EXPECT_FALSE(exact.matches(""));
}

TEST(PagePattern, StarMatchesAnyRunIncludingSlashesAndNothing) {
  PagePattern prefix("/espace-client/demenagement*");
  EXPECT_TRUE(prefix.matches("/espace-client/demenagement"));
  EXPECT_TRUE(prefix.matches("/espace-client/demenagement/etape-2/ok"));
  EXPECT_FALSE(prefix.matches("/espace-client/demenage"));
  PagePattern middle("/a/*/b*c");
  EXPECT_TRUE(middle.matches("/a/x/y/bzzc"));
  EXPECT_TRUE(middle.matches("/a//bc"));
  EXPECT_FALSE(middle.matches("/a/x/bzzcd"));
  // Backtracking: the first "b" after the star is not the right one.
  PagePattern retry("*ab");
  EXPECT_TRUE(retry.matches("aab"));
  EXPECT_TRUE(retry.matches("abab"));
  EXPECT_FALSE(retry.matches("aba"));
  EXPECT_TRUE(PagePattern("*").matches(""));
  EXPECT_TRUE(PagePattern("**").matches("/x"));
}

TEST(PagePattern, OtherGlobCharactersAreLiteral) {
  PagePattern query("/aide?page=[1]");
  EXPECT_TRUE(query.matches("/aide?page=[1]"));
  EXPECT_FALSE(query.matches("/aideXpage=1"));
}

TEST(PagePattern, AnyAlternativeMatches) {
  PagePattern either("/espace-client/demenagement*|*/adresse");
  EXPECT_TRUE(either.matches("/espace-client/demenagement/etape-2"));
  EXPECT_TRUE(either.matches("/aide/adresse"));
  EXPECT_FALSE(either.matches("/adresse/aide"));
}

TEST(PagePattern, RefusesAnEmptyAlternative) {
  EXPECT_THROW(PagePattern("/a|"), std::runtime_error);
  EXPECT_THROW(PagePattern(""), std::runtime_error);
}

}  // namespace
}  // namespace vigie::pages
