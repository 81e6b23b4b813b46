#include "locale/number_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "locale/catalog.hpp"
#include "locale/number_formatters.hpp"
#include "table/date_tz.hpp"

namespace vigie::locale {

namespace {

// `v` rounded to `decimals` by fmt, on the double's exact binary value, as
// the reports always have been: ICU's own rounding of a double goes through
// its shortest decimal text and would make 2.675 (2.67499... in binary)
// "2,68". ICU then writes the rounded decimal in the locale (digits
// grouped, decimal mark, minus sign; no sign when it rounded to zero).
std::string rounded(double v, int decimals) {
  return fmt::format("{:.{}f}", v, decimals);
}

std::string fixed(double v, int decimals, const Locale& locale) {
  return write(locale.formatters().fixed[decimals], rounded(v, decimals));
}

// Up to `max_decimals` decimals, the trailing zeros dropped ("2,5", "3").
std::string trimmed(double v, int max_decimals, const Locale& locale) {
  return write(locale.formatters().trimmed[max_decimals],
               rounded(v, max_decimals));
}

// The place of the currency sign and the narrow no-break space before a
// sign are written here, not taken from ICU: CLDR's French patterns put a
// no-break space U+00A0 before "%" and "€" where the reports have always
// printed the narrow U+202F of their digit grouping, and the currency is
// the report's sign, not an ISO code to look up.
std::string with_currency(const std::string& number, const Locale& locale) {
  if (locale.currency_after)
    return number + locale.unit_space + locale.currency;
  if (number.starts_with('-')) return "-" + locale.currency + number.substr(1);
  return locale.currency + number;
}

std::string no_value(const Locale& locale) {
  return text(locale, "value.none");
}

}  // namespace

std::string format_value(std::optional<double> v, const std::string& unit,
                         const Locale& locale) {
  if (!v || !std::isfinite(*v)) return no_value(locale);
  if (unit == "currency") return with_currency(fixed(*v, 2, locale), locale);
  if (unit == "count") return fixed(*v, 0, locale);
  if (unit == "ratio")
    return fixed(*v * 100, 1, locale) + locale.unit_space + "%";
  if (unit == "days") return fixed(*v, 1, locale);
  return trimmed(*v, 2, locale);
}

std::string format_number(double v, int max_decimals, const Locale& locale) {
  if (!std::isfinite(v)) return no_value(locale);
  return trimmed(v, std::clamp(max_decimals, 0, NumberFormatters::kMaxDecimals),
                 locale);
}

std::string format_fixed(double v, int decimals, const Locale& locale) {
  if (!std::isfinite(v)) return no_value(locale);
  return fixed(v, std::clamp(decimals, 0, NumberFormatters::kMaxDecimals),
               locale);
}

int decimals_needed(double v) {
  if (!std::isfinite(v)) return 0;
  // "314.80": the digits left once its trailing zeros are dropped.
  std::string two = rounded(v, 2);
  while (two.back() == '0') two.pop_back();
  if (two.back() == '.') return 0;
  return static_cast<int>(two.size() - two.find('.') - 1);
}

std::string format_local_time(int64_t instant_us, const Locale& locale) {
  using namespace std::chrono;
  const date::sys_time<microseconds> utc{microseconds(instant_us)};
  const auto local =
      date::locate_zone(locale.time_zone())->to_local(floor<minutes>(utc));
  return date::format("%Y-%m-%d %H:%M", local);
}

std::string format_change(std::optional<double> absolute,
                          std::optional<double> relative,
                          const std::string& unit, const Locale& locale) {
  const auto& signed_one = locale.formatters().signed_one_decimal;
  // A ratio changes by percentage points, a score (NPS, from -100 to 100)
  // by points: a relative change of a figure that can be negative or zero
  // says nothing.
  if (unit == "ratio" || unit == "score") {
    if (!absolute || !std::isfinite(*absolute)) return no_value(locale);
    const double points = unit == "ratio" ? *absolute * 100 : *absolute;
    const Arg value[] = {
        Arg::of_text("value", write(signed_one, rounded(points, 1)))};
    return message(locale, "change.points", value);
  }
  if (!relative || !std::isfinite(*relative)) return no_value(locale);
  return write(signed_one, rounded(*relative * 100, 1)) + locale.unit_space +
         "%";
}

namespace {

// Up to `decimals` decimals, trailing zeros dropped; past two, for the
// axes of tiny figures (1e-6), through the formatter that takes any.
std::string trimmed_any(double v, int decimals, const Locale& locale) {
  if (decimals <= NumberFormatters::kMaxDecimals)
    return trimmed(v, decimals, locale);
  return write(locale.formatters().fine, rounded(v, decimals));
}

// The decimals that tell apart figures `step` apart: at least `least`,
// more for a step under a unit of the last decimal (ticks 2e-7 apart
// need 7), at most kMaxFineDecimals.
int decimals_for(double step, int least) {
  if (!(step > 0) || !std::isfinite(step)) return least;
  const int needed = static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  return std::clamp(needed, least, NumberFormatters::kMaxFineDecimals);
}

// v in the magnitude (k, M, ...) that suits `reference`, with `decimals`
// decimals at most (2, 1 for a percentage, more for tiny figures).
// Written by hand: ICU's compact notation is CLDR's ("1.2K" in English, a
// no-break space U+00A0 in French "1,2 k"), not the short labels the
// charts have.
std::string axis_label(double v, double reference, const std::string& unit,
                       const Locale& locale, int decimals) {
  if (!std::isfinite(v)) return no_value(locale);
  if (unit == "ratio") {
    return trimmed_any(v * 100, decimals, locale) + locale.unit_space + "%";
  }
  struct Magnitude {
    double scale;
    const char* fr;
    const char* en;
  };
  constexpr std::array<Magnitude, 3> kMagnitudes{{
      {1e3, "k", "k"},
      {1e6, "M", "M"},
      {1e9, "Md", "B"},
  }};
  // The largest magnitude not above |v|, or the next one when rounding
  // to two decimals reaches 1 000 of it (999 999 is "1 M", not
  // "1 000 k"). Ticks are nice numbers, so two decimals keep them apart.
  std::string number;
  std::string suffix;
  for (size_t i = kMagnitudes.size(); i-- > 0;) {
    const Magnitude& m = kMagnitudes[i];
    const double r = std::fabs(reference);
    const bool rounds_up = std::round(r / m.scale * 100) >= 100;
    if (v != 0 && (r >= m.scale || rounds_up)) {
      number = trimmed(v / m.scale, 2, locale);
      suffix = locale.french() ? m.fr : m.en;
      break;
    }
  }
  if (number.empty()) number = trimmed_any(v, decimals, locale);
  if (unit == "currency") {
    if (locale.currency_after) {
      return number + locale.unit_space + suffix + locale.currency;
    }
    return with_currency(number, locale) + suffix;
  }
  return suffix.empty() ? number : number + locale.unit_space + suffix;
}

}  // namespace

std::string format_axis(double v, const std::string& unit,
                        const Locale& locale) {
  // Two significant digits for a figure too small for the usual decimals.
  const int least = unit == "ratio" ? 1 : 2;
  const double shown = std::fabs(unit == "ratio" ? v * 100 : v);
  return axis_label(v, v, unit, locale, decimals_for(shown / 10, least));
}

std::vector<std::string> format_axis_ticks(const std::vector<double>& ticks,
                                           const std::string& unit,
                                           const Locale& locale) {
  double reference = 0;
  for (double t : ticks) {
    if (std::isfinite(t)) reference = std::max(reference, std::fabs(t));
  }
  // The smallest gap between two ticks, in the figures shown, says how
  // many decimals keep them apart.
  double step = 0;
  for (size_t i = 1; i < ticks.size(); ++i) {
    const double gap = std::fabs(ticks[i] - ticks[i - 1]);
    if (gap > 0 && (step == 0 || gap < step)) step = gap;
  }
  const int least = unit == "ratio" ? 1 : 2;
  const int decimals = decimals_for(unit == "ratio" ? step * 100 : step, least);
  std::vector<std::string> labels;
  for (double t : ticks)
    labels.push_back(axis_label(t, reference, unit, locale, decimals));
  return labels;
}

}  // namespace vigie::locale
