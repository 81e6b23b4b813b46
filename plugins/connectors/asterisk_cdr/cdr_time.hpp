// The times of a CDR row as Asterisk writes them: local wall-clock time
// "YYYY-MM-DD HH:MM:SS" (cdr_csv; cdr_custom's ${CDR(start)} the same, a
// fraction of a second allowed and ignored), with no zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigie::asterisk_cdr {

// The wall-clock time as seconds counted from 1970-01-01 00:00:00 of the
// same clock, or nothing when the text is no such time (a date that does
// not exist included). Differences of two are the seconds between them,
// except across a daylight-saving change, which the text does not show.
std::optional<int64_t> parse_cdr_time(std::string_view text);

// The length of the "YYYY-MM-DD HH:MM:SS" part of a time that parses.
inline constexpr size_t kCdrTimeLength = 19;

}  // namespace vigie::asterisk_cdr
