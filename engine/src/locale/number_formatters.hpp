// ICU's number formatters for one locale, built once and shared: digits,
// grouping, decimal mark and minus sign as CLDR gives them for the locale.
#pragma once

#include <unicode/numberformatter.h>

#include <memory>
#include <string>

namespace vigie::locale {

struct NumberFormatters {
  static constexpr int kMaxDecimals = 2;
  // Exactly n decimals (0..2); no sign on a figure that rounds to zero.
  icu::number::LocalizedNumberFormatter fixed[kMaxDecimals + 1];
  // Up to n decimals, trailing zeros dropped ("2,5", "3").
  icu::number::LocalizedNumberFormatter trimmed[kMaxDecimals + 1];
  // Up to kMaxFineDecimals decimals, for the figures of a chart's axis too
  // small for two (0,0000002): the decimal given is written as it is.
  static constexpr int kMaxFineDecimals = 12;
  icu::number::LocalizedNumberFormatter fine;
  // One decimal, a "+" on positive figures, no sign on zero ("+4,2").
  icu::number::LocalizedNumberFormatter signed_one_decimal;

  // The formatters of the ICU locale `name` ("fr_FR", "en_GB"); built on
  // first use, then shared (formatting with them is thread-safe).
  static std::shared_ptr<const NumberFormatters> of(const std::string& name);
};

// `decimal` is a number already rounded, as text ("-1234.50"); ICU writes
// it in the locale without rounding it again.
std::string write(const icu::number::LocalizedNumberFormatter& formatter,
                  const std::string& decimal);

}  // namespace vigie::locale
