#include "locale/number_formatters.hpp"

#include <map>
#include <mutex>
#include <stdexcept>

namespace vigie::locale {

std::shared_ptr<const NumberFormatters> NumberFormatters::of(
    const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const NumberFormatters>> made;
  const std::lock_guard lock(mutex);
  auto& slot = made[name];
  if (slot) return slot;
  namespace number = icu::number;
  const auto base =
      number::NumberFormatter::withLocale(icu::Locale(name.c_str()));
  auto f = std::make_shared<NumberFormatters>();
  for (int d = 0; d <= kMaxDecimals; ++d) {
    f->fixed[d] = base.precision(number::Precision::fixedFraction(d))
                      .sign(UNUM_SIGN_NEGATIVE);
    f->trimmed[d] = base.precision(number::Precision::maxFraction(d))
                        .sign(UNUM_SIGN_NEGATIVE);
  }
  f->fine = base.precision(number::Precision::maxFraction(kMaxFineDecimals))
                .sign(UNUM_SIGN_NEGATIVE);
  f->signed_one_decimal = base.precision(number::Precision::fixedFraction(1))
                              .sign(UNUM_SIGN_EXCEPT_ZERO);
  slot = std::move(f);
  return slot;
}

std::string write(const icu::number::LocalizedNumberFormatter& formatter,
                  const std::string& decimal) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text =
      formatter.formatDecimal(decimal.c_str(), status).toString(status);
  if (U_FAILURE(status))
    throw std::runtime_error("ICU could not format the number " + decimal +
                             ": " + u_errorName(status));
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace vigie::locale
