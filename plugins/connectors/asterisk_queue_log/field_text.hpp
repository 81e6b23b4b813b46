// Reading the numbers of a queue_log field and quoting a field in a
// message: shared by both layouts and the call tracker.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::queue_log {

// The whole field as a number of at most `max`: digits only, no sign, no
// spaces (Asterisk writes epochs and durations as plain integers).
inline std::optional<int64_t> whole_number(std::string_view text, int64_t max) {
  if (text.empty() || text.front() < '0' || text.front() > '9')
    return std::nullopt;
  int64_t value = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > max)
    return std::nullopt;
  return value;
}

// A field shown in a message: in quotes, cut after 60 bytes so that a
// binary or runaway line does not fill the reject file.
inline std::string quoted(std::string_view text) {
  constexpr size_t kShown = 60;
  if (text.size() <= kShown) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kShown)) + "...'";
}

}  // namespace vigie::queue_log
