// The report's locale: the language of its words and how its numbers are
// written. Built once a run from the spec's `report.locale` and
// `report.time_zone`; every module that writes text for a reader takes it.
#pragma once

#include <memory>
#include <string>

namespace vigie::locale {

struct NumberFormatters;  // ICU's formatters, built once (locale.cpp)

// Whether ICU knows `code` as a currency of ISO 4217 ("EUR", "GBP").
bool known_currency(const std::string& code);

// The sign of the currency `code` in the language of `locale_name`: ICU's
// narrow symbol ("€", "£", "$"), one currency a report.
std::string currency_sign(const std::string& code,
                          const std::string& locale_name);

class Locale {
 public:
  // `name` is a locale of the spec ("fr_FR", "fr", "en_GB", "en_US",
  // "en"): French ones write French, the others English. `currency_code`
  // is the spec's ISO 4217 code, shown with its sign in the language
  // ("EUR": "€", "GBP": "£"); see currency_sign().
  explicit Locale(const std::string& name = "fr_FR",
                  std::string time_zone = "UTC",
                  const std::string& currency_code = "EUR");

  const std::string& name() const { return name_; }
  // "fr" or "en": the column of the message catalog.
  const std::string& language() const { return language_; }
  bool french() const { return language_ == "fr"; }
  // The IANA zone timestamps are shown in.
  const std::string& time_zone() const { return time_zone_; }

  // The sign money is shown with, and where: "12,50 €" in French,
  // "€12.50" in English.
  std::string currency;
  bool currency_after = true;
  // Between a figure and its "%" or currency sign: U+202F (narrow
  // no-break space) in French, the same space as the digit grouping;
  // nothing in English.
  std::string unit_space = "\u202f";

  const NumberFormatters& formatters() const { return *formatters_; }

 private:
  std::string name_;
  std::string language_;
  std::string time_zone_;
  std::shared_ptr<const NumberFormatters> formatters_;
};

}  // namespace vigie::locale
