#include "locale/catalog.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vigie::locale {
namespace {

const std::string kNnbsp = "\u202f";

TEST(Catalog, EveryIdIsUniqueAndHasBothLanguages) {
  std::set<std::string_view> seen;
  ASSERT_FALSE(catalog().empty());
  for (const CatalogEntry& e : catalog()) {
    EXPECT_TRUE(seen.insert(e.id).second) << "twice: " << e.id;
    EXPECT_FALSE(e.french.empty()) << e.id;
    EXPECT_FALSE(e.english.empty()) << e.id;
  }
}

TEST(Catalog, BothLanguagesTakeTheSameValues) {
  for (const CatalogEntry& e : catalog()) {
    auto fr = placeholders(e.french);
    auto en = placeholders(e.english);
    std::sort(fr.begin(), fr.end());
    std::sort(en.begin(), en.end());
    EXPECT_EQ(fr, en) << e.id;
  }
}

TEST(Catalog, TheEnginesWordsAreThere) {
  const Locale fr("fr_FR");
  const Locale en("en_GB");
  EXPECT_EQ(text(fr, "table.continued"), "(suite)");
  EXPECT_EQ(text(en, "table.continued"), "(continued)");
  EXPECT_EQ(text(fr, "value.none"), "n/a");
  EXPECT_EQ(text(fr, "punctuation.colon"), "\u00a0: ");
  EXPECT_EQ(text(en, "punctuation.colon"), ": ");
  EXPECT_EQ(text(fr, "kpi.customer_base.revenue"), "Chiffre d'affaires");
  EXPECT_EQ(text(en, "kpi.customer_base.revenue"), "Revenue");
}

TEST(Message, ValuesAreFormattedInTheLocale) {
  const Arg args[] = {Arg::of_number("rejected", ArgType::Count, 1234),
                      Arg::of_number("read", ArgType::Count, 1000000)};
  EXPECT_EQ(message(Locale("fr_FR"), "quality.rejected", args),
            "Qualité des données : 1" + kNnbsp +
                "234 ligne(s) rejetée(s) "
                "sur 1" +
                kNnbsp + "000" + kNnbsp +
                "000 lue(s) ; le détail est "
                "dans rejects.csv.");
  EXPECT_EQ(message(Locale("en_GB"), "quality.rejected", args),
            "Data quality: 1,234 of 1,000,000 rows rejected; see "
            "rejects.csv.");
}

TEST(Message, EveryTypeOfValue) {
  const Locale fr("fr_FR", "Europe/Paris");
  const Locale en("en_GB", "Europe/London");
  auto one = [](const Locale& l, Arg a) {
    a.name = "label";
    const Arg args[] = {a, Arg::of_text("note", "x")};
    const std::string s = message(l, "tile.note", args);
    // "{label} : {note}" in French, "{label}: {note}" in English.
    return s.substr(0,
                    s.size() - std::string(l.french() ? " : x" : ": x").size());
  };
  EXPECT_EQ(one(fr, Arg::of_number("", ArgType::Number, 2.345678)), "2,35");
  EXPECT_EQ(one(fr, Arg::of_number("", ArgType::Hours, 12.54)), "12,5");
  EXPECT_EQ(one(en, Arg::of_number("", ArgType::Hours, 48)), "48");
  EXPECT_EQ(one(fr, Arg::of_number("", ArgType::Percent, 0.123)),
            "12,3" + kNnbsp + "%");
  EXPECT_EQ(one(en, Arg::of_number("", ArgType::Money, 1234.5)), "€1,234.50");
  EXPECT_EQ(one(fr, Arg::of_number("", ArgType::Money, 1234.5)),
            "1" + kNnbsp + "234,50" + kNnbsp + "€");
  EXPECT_EQ(one(fr, Arg::of_text("", "texte")), "texte");
  // 2026-10-31T23:30:00Z: already November in Paris.
  EXPECT_EQ(one(fr, Arg::of_instant("", 1793489400LL * 1000000)),
            "2026-11-01 00:30");
  EXPECT_EQ(one(en, Arg::of_instant("", 1793489400LL * 1000000)),
            "2026-10-31 23:30");
}

TEST(Message, UnknownIdThrows) {
  EXPECT_THROW(message(Locale("fr_FR"), "no.such.message"), UnknownMessage);
  try {
    text(Locale("en_GB"), "no.such.message");
  } catch (const UnknownMessage& e) {
    EXPECT_STREQ(e.what(), "no message 'no.such.message' in the catalog");
  }
}

TEST(Message, MissingValueNamesItAndTheMessage) {
  const Arg args[] = {Arg::of_number("rejected", ArgType::Count, 1)};
  try {
    message(Locale("fr_FR"), "quality.rejected", args);
    FAIL() << "a missing value was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "message 'quality.rejected' needs a value named 'read', "
                 "which was not given");
  }
}

}  // namespace
}  // namespace vigie::locale
