// A hand-written check rather than ICU or iconv: the rule is one table of
// the Unicode standard, the check runs on every ingested value (so it keeps
// an ASCII fast path), and neither library is otherwise a dependency of the
// engine's data modules.
#include "table/text_check.hpp"

#include <cstdint>
#include <cstdio>

namespace vigie::table {
namespace {

// Length of the well-formed UTF-8 sequence at text[at], or 0 when the
// bytes there are ill-formed (Unicode table 3-7).
size_t sequence_length(std::string_view text, size_t at) {
  auto byte = [&](size_t i) {
    return at + i < text.size() ? static_cast<uint8_t>(text[at + i]) : 0;
  };
  auto continuation = [](uint8_t b, uint8_t low = 0x80, uint8_t high = 0xBF) {
    return b >= low && b <= high;
  };
  const uint8_t lead = byte(0);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(byte(1)) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const uint8_t low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong form
    const uint8_t high = lead == 0xED ? 0x9F : 0xBF;  // no surrogate
    return continuation(byte(1), low, high) && continuation(byte(2)) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const uint8_t low = lead == 0xF0 ? 0x90 : 0x80;   // no overlong form
    const uint8_t high = lead == 0xF4 ? 0x8F : 0xBF;  // up to U+10FFFF
    return continuation(byte(1), low, high) && continuation(byte(2)) &&
                   continuation(byte(3))
               ? 4
               : 0;
  }
  return 0;
}

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<uint8_t>(text[i]);
    if (c == 0)
      return "holds a NUL character at position " + std::to_string(i + 1);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t n = sequence_length(text, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return "is not valid UTF-8 (byte " + std::string(hex) + " at position " +
             std::to_string(i + 1) + ")";
    }
    i += n;
  }
  return std::nullopt;
}

std::string printable_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      out += "\\0";
      ++i;
      continue;
    }
    const size_t n = sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace vigie::table
