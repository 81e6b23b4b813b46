#include "utf8_repair.hpp"

#include <cstddef>
#include <cstdint>

namespace vigie::asterisk_cdr {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed sequence starting at `at` (Unicode Table
// 3-7), or, when it is ill-formed, the negated length of its maximal
// subpart: the lead byte and the continuation bytes that could still have
// been part of a well-formed sequence (at least 1).
ptrdiff_t sequence_at(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(at);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    return -1;  // a continuation byte, C0, C1 or F5..FF: never a lead
  }
  size_t i = 1;
  for (; i < length && at + i < text.size(); ++i) {
    const uint8_t b = byte(at + i);
    const bool fits =
        i == 1 ? (b >= low && b <= high) : (b >= 0x80 && b <= 0xBF);
    if (!fits) break;
  }
  return i == length ? static_cast<ptrdiff_t>(length)
                     : -static_cast<ptrdiff_t>(i);
}

}  // namespace

bool valid_utf8(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    if (static_cast<uint8_t>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const ptrdiff_t n = sequence_at(text, at);
    if (n < 0) return false;
    at += static_cast<size_t>(n);
  }
  return true;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t at = 0; at < text.size();) {
    const ptrdiff_t n = sequence_at(text, at);
    if (n > 0) {
      out.append(text.substr(at, static_cast<size_t>(n)));
      at += static_cast<size_t>(n);
    } else {
      out.append(kReplacement);
      at += static_cast<size_t>(-n);
    }
  }
  return out;
}

}  // namespace vigie::asterisk_cdr
