// The values an option accepts (ABI 1.1: vigie_option's range and
// choices), checked the same way by the engine when it reads a spec and by
// the SDK when it binds the options to a plugin's parameters struct.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vigie/plugin.h"

namespace vigie::sdk {

inline bool has_limits(const vigie_option& option) {
  return option.range_flags != 0 || option.choice_count != 0;
}

// A number as short as it reads back ("1", "0.5", "1e+30").
inline std::string number_text(double value) {
  char text[32];
  auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return ec == std::errc() ? std::string(text, end) : std::to_string(value);
}

// What the option accepts, for messages: "one of auto, or a number >= 1".
inline std::string limits_text(const vigie_option& option) {
  std::string out;
  if (option.choice_count != 0) {
    out = option.choice_count == 1 ? "" : "one of ";
    for (uint32_t i = 0; i < option.choice_count; ++i)
      out += (i ? ", " : "") + std::string(option.choices[i]);
  }
  if (option.range_flags == 0) return out;
  std::string range;
  const uint32_t f = option.range_flags;
  if (f & VIGIE_RANGE_MINIMUM)
    range += (f & VIGIE_RANGE_MINIMUM_EXCLUSIVE ? " > " : " >= ") +
             number_text(option.minimum);
  if (f & VIGIE_RANGE_MAXIMUM)
    range += std::string(f & VIGIE_RANGE_MINIMUM ? " and" : "") +
             (f & VIGIE_RANGE_MAXIMUM_EXCLUSIVE ? " < " : " <= ") +
             number_text(option.maximum);
  const char* noun =
      option.type == VIGIE_OPTION_INT ? "an integer" : "a number";
  return out.empty() ? noun + range : out + ", or " + noun + range;
}

// The text as a number, or NaN when it is not one (whole text).
inline double number_or_nan(std::string_view text) {
  std::string s(text);
  if (s.empty()) return std::nan("");
  char* end = nullptr;
  double value = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() ? value : std::nan("");
}

// Whether a single value (or one entry of a map or list) is accepted.
inline bool within_limits(const vigie_option& option, std::string_view value) {
  for (uint32_t i = 0; i < option.choice_count; ++i)
    if (value == option.choices[i]) return true;
  if (option.range_flags == 0) return option.choice_count == 0;
  const double number = number_or_nan(value);
  if (std::isnan(number)) return false;
  const uint32_t f = option.range_flags;
  if (f & VIGIE_RANGE_MINIMUM) {
    if (f & VIGIE_RANGE_MINIMUM_EXCLUSIVE ? number <= option.minimum
                                          : number < option.minimum)
      return false;
  }
  if (f & VIGIE_RANGE_MAXIMUM) {
    if (f & VIGIE_RANGE_MAXIMUM_EXCLUSIVE ? number >= option.maximum
                                          : number > option.maximum)
      return false;
  }
  return true;
}

}  // namespace vigie::sdk
