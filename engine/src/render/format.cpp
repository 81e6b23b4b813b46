#include "render/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace vigie::render {

namespace {

constexpr const char* kNoValue = "n/a";

// A number with a fixed count of decimals, its digits grouped by three.
// std::locale would need the fr_FR locale installed on the host and knows
// nothing of the report's own choice of separators, hence the grouping by
// hand on top of fmt's rounding.
std::string group_digits(double v, int decimals, const Locale& locale) {
  std::string digits = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const bool is_zero = digits.find_first_not_of("0.") == std::string::npos;
  const size_t point = digits.find('.');
  std::string integer = digits.substr(0, point);
  std::string result = (v < 0 && !is_zero) ? "-" : "";
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) result += locale.thousands_sep;
    result += integer[i];
  }
  if (point != std::string::npos) {
    result += locale.decimal_point;
    result += digits.substr(point + 1);
  }
  return result;
}

// Up to `max_decimals` decimals, the trailing zeros dropped ("2,5", "3").
std::string trimmed_number(double v, int max_decimals, const Locale& locale) {
  std::string s = group_digits(v, max_decimals, locale);
  if (max_decimals == 0) return s;
  while (s.ends_with('0')) s.pop_back();
  if (s.ends_with(locale.decimal_point)) {
    s.resize(s.size() - locale.decimal_point.size());
  }
  return s == "-0" ? "0" : s;
}

std::string with_currency(const std::string& number, const std::string& sign,
                          const Locale& locale) {
  if (locale.currency_after) return number + locale.unit_space + sign;
  if (number.starts_with('-')) return "-" + sign + number.substr(1);
  return sign + number;
}

std::string signed_number(double v, int decimals, const Locale& locale) {
  std::string s = group_digits(v, decimals, locale);
  const bool is_zero = s.find_first_of("123456789") == std::string::npos;
  return (v > 0 && !is_zero ? "+" : "") + s;
}

}  // namespace

std::string format_value(std::optional<double> v, const std::string& unit,
                         const Locale& locale) {
  if (!v || !std::isfinite(*v)) return kNoValue;
  if (unit == "currency") {
    return with_currency(group_digits(*v, 2, locale), locale.currency, locale);
  }
  if (unit == "count") return group_digits(*v, 0, locale);
  if (unit == "ratio") {
    return group_digits(*v * 100, 1, locale) + locale.unit_space + "%";
  }
  if (unit == "days") return group_digits(*v, 1, locale);
  return trimmed_number(*v, 2, locale);
}

std::string format_change(std::optional<double> absolute,
                          std::optional<double> relative,
                          const std::string& unit, const Locale& locale) {
  if (unit == "ratio") {
    if (!absolute || !std::isfinite(*absolute)) return kNoValue;
    return signed_number(*absolute * 100, 1, locale) + locale.unit_space + "pt";
  }
  if (!relative || !std::isfinite(*relative)) return kNoValue;
  return signed_number(*relative * 100, 1, locale) + locale.unit_space + "%";
}

namespace {

// v in the magnitude (k, M, ...) that suits `reference`.
std::string axis_label(double v, double reference, const std::string& unit,
                       const Locale& locale) {
  if (!std::isfinite(v)) return kNoValue;
  if (unit == "ratio") {
    return trimmed_number(v * 100, 1, locale) + locale.unit_space + "%";
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
      number = trimmed_number(v / m.scale, 2, locale);
      suffix = locale.language == "en" ? m.en : m.fr;
      break;
    }
  }
  if (number.empty()) number = trimmed_number(v, 2, locale);
  if (unit == "currency") {
    if (locale.currency_after) {
      return number + locale.unit_space + suffix + locale.currency;
    }
    return with_currency(number, locale.currency, locale) + suffix;
  }
  return suffix.empty() ? number : number + locale.unit_space + suffix;
}

}  // namespace

std::string format_axis(double v, const std::string& unit,
                        const Locale& locale) {
  return axis_label(v, v, unit, locale);
}

std::vector<std::string> format_axis_ticks(const std::vector<double>& ticks,
                                           const std::string& unit,
                                           const Locale& locale) {
  double reference = 0;
  for (double t : ticks) {
    if (std::isfinite(t)) reference = std::max(reference, std::fabs(t));
  }
  std::vector<std::string> labels;
  for (double t : ticks)
    labels.push_back(axis_label(t, reference, unit, locale));
  return labels;
}

}  // namespace vigie::render
