#include "locale/months.hpp"

#include <unicode/dtfmtsym.h>

#include <array>
#include <map>
#include <mutex>
#include <stdexcept>

namespace vigie::locale {
namespace {

struct MonthNames {
  std::array<std::string, 12> wide;
  std::array<std::string, 12> abbreviated;
};

// The names of the report's language, not of its country: CLDR's en_GB
// abbreviates September "Sept", while the reports' axes (in every English
// locale) have always read "Sep", as CLDR's "en" does. The French names
// are the same in "fr" and "fr_FR".
const MonthNames& names_of(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, MonthNames> made;
  const std::lock_guard lock(mutex);
  auto found = made.find(language);
  if (found != made.end()) return found->second;
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(icu::Locale(language.c_str()), status);
  int32_t count = 0;
  const icu::UnicodeString* wide = symbols.getMonths(
      count, icu::DateFormatSymbols::STANDALONE, icu::DateFormatSymbols::WIDE);
  int32_t short_count = 0;
  const icu::UnicodeString* abbreviated =
      symbols.getMonths(short_count, icu::DateFormatSymbols::STANDALONE,
                        icu::DateFormatSymbols::ABBREVIATED);
  if (U_FAILURE(status) || count < 12 || short_count < 12)
    throw std::runtime_error("ICU has no month names for '" + language +
                             "': " + u_errorName(status));
  MonthNames names;
  for (size_t m = 0; m < 12; ++m) {
    wide[m].toUTF8String(names.wide[m]);
    abbreviated[m].toUTF8String(names.abbreviated[m]);
  }
  return made.emplace(language, std::move(names)).first->second;
}

void check(unsigned month) {
  if (month < 1 || month > 12)
    throw std::out_of_range("no month " + std::to_string(month));
}

}  // namespace

std::string month_name(const Locale& locale, unsigned month) {
  check(month);
  return names_of(locale.language()).wide[month - 1];
}

std::string month_abbreviation(const Locale& locale, unsigned month) {
  check(month);
  return names_of(locale.language()).abbreviated[month - 1];
}

}  // namespace vigie::locale
