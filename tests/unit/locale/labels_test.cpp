// The names of the data as a report prints them (locale/labels.hpp).
#include "locale/labels.hpp"

#include <gtest/gtest.h>

namespace vigie::locale {
namespace {

const Locale kFrench("fr_FR");
const Locale kEnglish("en_GB");

TEST(ColumnHeader, TheCatalogsWordsInTheReportsLanguage) {
  EXPECT_EQ(column_header(kFrench, "value_segment"), "Segment de valeur");
  EXPECT_EQ(column_header(kEnglish, "value_segment"), "Value segment");
  EXPECT_EQ(column_header(kFrench, "customer_key"), "Client (pseudonyme)");
  EXPECT_EQ(column_header(kEnglish, "hours_between"), "Delay (h)");
}

TEST(ColumnHeader, AColumnTheCatalogLacksIsMadeReadable) {
  // A column of a plugin of another repository.
  EXPECT_EQ(column_header(kFrench, "first_seen_at"), "First seen at");
  EXPECT_EQ(column_header(kEnglish, "x"), "X");
  EXPECT_EQ(column_header(kEnglish, ""), "");
}

TEST(Term, ACodeOfTheDataModelHasItsLabel) {
  EXPECT_EQ(term(kFrench, "change_address"), "Changement d'adresse");
  EXPECT_EQ(term(kEnglish, "change_address"), "Change of address");
  EXPECT_EQ(term(kFrench, "cancel_contract"), "Résiliation de contrat");
  EXPECT_EQ(term(kEnglish, "time_decay"), "Time decay");
  EXPECT_EQ(term(kFrench, "(none)"), "(aucun)");
  // The default segment names are French in the data, English in an
  // English report.
  EXPECT_EQ(term(kEnglish, "Très bons clients"), "Best customers");
  EXPECT_EQ(term(kFrench, "Très bons clients"), "Très bons clients");
}

TEST(Term, AValueTheCatalogLacksIsPrintedAsWritten) {
  EXPECT_EQ(term(kEnglish, "google/organic"), "google/organic");
  EXPECT_EQ(term(kFrench, "box-internet"), "box-internet");
  // Only whole values: a code inside a longer text is left alone.
  EXPECT_EQ(term(kEnglish, "change_address twice"), "change_address twice");
  // The catalog's other ids are not terms.
  EXPECT_EQ(term(kFrench, "value.none"), "value.none");
  EXPECT_EQ(term(kFrench, "revenue"), "revenue");
}

TEST(SourceName, TheDatasetsLabelThenTheIdWhenItDiffers) {
  EXPECT_EQ(source_name(kFrench, "calls", "calls"), "Appels");
  EXPECT_EQ(source_name(kEnglish, "marketing_spend", "marketing_spend"),
            "Marketing spend");
  EXPECT_EQ(source_name(kFrench, "web", "web_events"), "Événements web (web)");
  // A lookup table fills no dataset.
  EXPECT_EQ(source_name(kEnglish, "phones", ""), "phones");
  EXPECT_EQ(source_name(kEnglish, "x", "not_a_dataset"), "x");
}

}  // namespace
}  // namespace vigie::locale
