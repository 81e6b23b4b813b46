#include "render/text_measure.hpp"

#include <gtest/gtest.h>

namespace vigie::render {
namespace {

const Font kFont{10, false};

TEST(TextMeasurer, EmptyTextHasNoWidthButALineHeight) {
  const TextMeasurer m;
  const TextExtent e = m.measure("", kFont);
  EXPECT_EQ(e.width, 0);
  EXPECT_GT(e.height, 0);
}

TEST(TextMeasurer, WidthAddsUpAndScalesWithTheSize) {
  const TextMeasurer m;
  // Unhinted metrics: advances add up exactly, and double with the size.
  EXPECT_NEAR(m.width("MMMM", kFont), 2 * m.width("MM", kFont), 1e-3);
  EXPECT_NEAR(m.width("Vigie", Font{20, false}), 2 * m.width("Vigie", kFont),
              1e-2);
  EXPECT_GT(m.width("Vigie", Font{10, true}), m.width("Vigie", kFont));
  // A line is taller than the font's size and its baseline inside it.
  const TextExtent e = m.measure("Ag", kFont);
  EXPECT_GT(e.height, 10);
  EXPECT_GT(e.baseline, 5);
  EXPECT_LT(e.baseline, e.height);
}

TEST(TextMeasurer, WrapsAtWordsWithinTheWidth) {
  const TextMeasurer m;
  const std::string text =
      "Les clients très occasionnels représentent une part croissante du "
      "chiffre d'affaires sur la période";
  const double width = 150;
  const auto lines = m.wrap(text, kFont, width);
  ASSERT_GT(lines.size(), 1u);
  std::string joined;
  for (const auto& line : lines) {
    EXPECT_LE(m.width(line, kFont), width);
    EXPECT_FALSE(line.ends_with(' '));
    joined += (joined.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(joined, text);
}

TEST(TextMeasurer, AWordLongerThanALineIsCutIntoLinesThatFit) {
  const TextMeasurer m;
  // 100 KB without a space (bench/render measures how long it takes),
  // with two-byte characters so that a cut inside one would show.
  std::string word;
  for (int i = 0; i < 50000; ++i) word += i % 2 == 0 ? "é" : "x";
  const double width = 300;
  const auto lines = m.wrap(word, kFont, width);
  ASSERT_GT(lines.size(), 100u);
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(m.width(lines[i], kFont), width) << i;
    // Nearly full: a long word breaks every few characters, at most.
    if (i + 1 < lines.size()) {
      EXPECT_GT(m.width(lines[i], kFont), width - m.width("éxéxéxéx", kFont))
          << i;
    }
    joined += lines[i];
  }
  // Nothing added (the break opportunities are taken out), nothing lost.
  EXPECT_EQ(joined, word);
}

TEST(TextMeasurer, WrapKeepsShortTextOnOneLine) {
  const TextMeasurer m;
  EXPECT_EQ(m.wrap("Court", kFont, 200), std::vector<std::string>{"Court"});
}

TEST(TextMeasurer, FitLeavesTextThatFits) {
  const TextMeasurer m;
  EXPECT_EQ(m.fit("Chiffre", kFont, 200), "Chiffre");
}

TEST(TextMeasurer, FitCutsWholeCharactersAndAddsAnEllipsis) {
  const TextMeasurer m;
  // Each "é" is two bytes: a cut inside one would leave broken UTF-8.
  const std::string text = "éééééééééééééééééééé";
  const double width = m.width("ééééé…", kFont);
  const std::string fitted = m.fit(text, kFont, width);
  EXPECT_EQ(fitted, "ééééé…");
  EXPECT_LE(m.width(fitted, kFont), width);
  // Not even the ellipsis fits: it is all that is left.
  EXPECT_EQ(m.fit(text, kFont, 1), "…");
}

}  // namespace
}  // namespace vigie::render
