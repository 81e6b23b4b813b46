#include "locale/locale.hpp"

#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "locale/number_formatters.hpp"

namespace vigie::locale {
namespace {

icu::UnicodeString utf16(const std::string& code) {
  return icu::UnicodeString::fromUTF8(code);
}

}  // namespace

bool known_currency(const std::string& code) {
  if (code.size() != 3) return false;
  icu::UnicodeString iso = utf16(code);
  UErrorCode status = U_ZERO_ERROR;
  // ucurr_isAvailable wants a date range: any time a currency was legal.
  return ucurr_isAvailable(iso.getTerminatedBuffer(), U_DATE_MIN, U_DATE_MAX,
                           &status) &&
         U_SUCCESS(status);
}

std::string currency_sign(const std::string& code,
                          const std::string& locale_name) {
  if (!known_currency(code))
    throw std::invalid_argument("unknown currency '" + code +
                                "': expected an ISO 4217 code such as EUR");
  icu::UnicodeString iso = utf16(code);
  UErrorCode status = U_ZERO_ERROR;
  UBool is_choice = false;
  int32_t length = 0;
  const UChar* sign =
      ucurr_getName(iso.getTerminatedBuffer(), locale_name.c_str(),
                    UCURR_NARROW_SYMBOL_NAME, &is_choice, &length, &status);
  if (U_FAILURE(status) || sign == nullptr) return code;
  std::string out;
  icu::UnicodeString(sign, length).toUTF8String(out);
  return out;
}

Locale::Locale(const std::string& name, std::string time_zone,
               const std::string& currency_code)
    : currency(currency_sign(currency_code, name)),
      name_(name),
      language_(name.rfind("fr", 0) == 0 ? "fr" : "en"),
      time_zone_(std::move(time_zone)),
      formatters_(NumberFormatters::of(name)) {
  if (!french()) {
    currency_after = false;
    unit_space.clear();
  }
}

}  // namespace vigie::locale
