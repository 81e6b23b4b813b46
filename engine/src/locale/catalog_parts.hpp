// The parts the catalog is written in, one file each; catalog() joins
// them into one list with one index (catalog.cpp).
#pragma once

#include <span>

#include "locale/catalog.hpp"

namespace vigie::locale {

// The engine's words, the built-in plugins' notes and KPI labels
// (catalog.cpp).
std::span<const CatalogEntry> message_entries();
// "column.<name>": table and list headers (catalog_columns.cpp).
std::span<const CatalogEntry> column_entries();
// "term.<code>" and "dataset.<name>": values of the data and dataset
// names (catalog_terms.cpp).
std::span<const CatalogEntry> term_entries();

}  // namespace vigie::locale
