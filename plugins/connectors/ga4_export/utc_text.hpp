// Instants of the GA4 export (microseconds since 1970-01-01 UTC) as the
// ISO 8601 text connectors hand the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigie::ga4 {

// The text of one instant: "2020-11-01T00:54:33.036492Z" (always the six
// digits of the microseconds and `Z`: the export's times are UTC).
struct UtcText {
  char chars[32];
  std::string_view view() const { return {chars, 27}; }
};

// Nothing for an instant outside the years 0000 to 9999, which ISO text of
// four-digit years cannot hold.
std::optional<UtcText> utc_text(int64_t micros);

}  // namespace vigie::ga4
