// Month names in the report's language, from ICU (CLDR).
#pragma once

#include <string>

#include "locale/locale.hpp"

namespace vigie::locale {

// `month` is 1..12: "octobre", "October" (stand-alone, as in a label).
std::string month_name(const Locale& locale, unsigned month);

// The abbreviated name: "oct.", "Oct".
std::string month_abbreviation(const Locale& locale, unsigned month);

}  // namespace vigie::locale
