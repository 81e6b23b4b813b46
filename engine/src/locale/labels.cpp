#include "locale/labels.hpp"

#include <cctype>

#include "locale/catalog.hpp"

namespace vigie::locale {
namespace {

// The catalog's words for `prefix` + `name`, or nothing.
const CatalogEntry* entry_of(std::string_view prefix, std::string_view name) {
  std::string id(prefix);
  id.append(name);
  return find_message(id);
}

std::string words(const Locale& locale, const CatalogEntry& entry) {
  return std::string(locale.french() ? entry.french : entry.english);
}

}  // namespace

std::string column_header(const Locale& locale, std::string_view column) {
  if (const CatalogEntry* e = entry_of("column.", column))
    return words(locale, *e);
  std::string header(column);
  for (char& c : header)
    if (c == '_') c = ' ';
  if (!header.empty())
    header[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(header[0])));
  return header;
}

std::string term(const Locale& locale, std::string_view value) {
  if (const CatalogEntry* e = entry_of("term.", value))
    return words(locale, *e);
  return std::string(value);
}

std::string source_name(const Locale& locale, std::string_view source,
                        std::string_view dataset) {
  const CatalogEntry* e =
      dataset.empty() ? nullptr : entry_of("dataset.", dataset);
  if (e == nullptr) return std::string(source);
  std::string name = words(locale, *e);
  if (source != dataset) name += " (" + std::string(source) + ")";
  return name;
}

}  // namespace vigie::locale
