// What a report prints for the names the data carries: a table's column
// names, the codes in its cells, the datasets its sources fill. Each is
// looked up in the catalog (catalog_columns.cpp, catalog_terms.cpp) in the
// report's language; a name the catalog does not have is still printed,
// as the fallback of each function says. kpis.json and the CSV lists keep
// the names themselves.
#pragma once

#include <string>
#include <string_view>

#include "locale/locale.hpp"

namespace vigie::locale {

// "column.<name>", else the name made readable: "first_seen" -> "First
// seen" (a column of another repository's plugin).
std::string column_header(const Locale& locale, std::string_view column);

// "term.<value>", else the value as the data gives it: "change_address" ->
// "Changement d'adresse", "google/organic" -> "google/organic".
std::string term(const Locale& locale, std::string_view value);

// How the report names a source: its dataset's label ("dataset.<name>"),
// followed by the spec's id of the source when that is not the dataset's
// name ("Événements web (web)"); the id alone when the dataset is unknown
// (a lookup table).
std::string source_name(const Locale& locale, std::string_view source,
                        std::string_view dataset);

}  // namespace vigie::locale
