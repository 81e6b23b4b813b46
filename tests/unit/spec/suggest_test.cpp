#include "spec/suggest.hpp"

#include <gtest/gtest.h>

namespace vigie::spec {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutions) {
  // kitten -> sitten (k/s) -> sittin (e/i) -> sitting (+g): 3.
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, ASwapOfNeighboursIsOneEdit) {
  EXPECT_EQ(edit_distance("lable", "label"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
}

TEST(Closest, FindsTheNearestCandidate) {
  std::vector<std::string> kpis = {"orders", "revenue", "value_segments"};
  EXPECT_EQ(closest("revnue", kpis), "revenue");
  EXPECT_EQ(closest("value_segmnts", kpis), "value_segments");
}

TEST(Closest, LimitGrowsWithTheWordLength) {
  // 5 characters: one edit allowed. "titel" -> "title" is one swap.
  EXPECT_EQ(closest("titel", {"title"}), "title");
  // "tixxe" is two substitutions from "title": too far for 5 characters.
  EXPECT_EQ(closest("tixxe", {"title"}), std::nullopt);
  // 6 characters: two edits allowed ("seriez" -> "series" is one,
  // "sxriez" two).
  EXPECT_EQ(closest("sxriez", {"series"}), "series");
  // ...but not three.
  EXPECT_EQ(closest("sxrxez", {"series"}), std::nullopt);
  // 10 characters: three edits allowed.
  EXPECT_EQ(closest("xonnectxrx", {"connectors"}), "connectors");
}

TEST(Closest, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(closest("cat", {"bat", "cap"}), "bat");
}

TEST(Closest, AWordWithoutItsLastPartFindsTheOneItBegins) {
  const std::vector<std::string> kinds = {"bar_chart", "stacked_bar_chart",
                                          "donut_chart", "bullet_chart"};
  EXPECT_EQ(closest("donut", kinds), "donut_chart");
  EXPECT_EQ(closest("stacked", kinds), "stacked_bar_chart");
  EXPECT_EQ(closest("bar", kinds), "bar_chart");
  // Two it begins, or too short a word: no guess.
  EXPECT_EQ(closest("bar", {"bar_chart", "bar_table"}), std::nullopt);
  EXPECT_EQ(closest("do", kinds), std::nullopt);
  EXPECT_EQ(closest("donu", kinds), std::nullopt);  // not up to an underscore
}

TEST(Closest, NothingFromAnEmptyList) {
  EXPECT_EQ(closest("x", {}), std::nullopt);
}

TEST(DidYouMean, IsReadyToAppend) {
  EXPECT_EQ(did_you_mean("tittle", {"id", "title"}), " did you mean 'title'?");
  EXPECT_EQ(did_you_mean("zzz", {"id", "title"}), "");
  EXPECT_EQ(join({"a", "b", "c"}), "a, b, c");
}

}  // namespace
}  // namespace vigie::spec
