// Durations ("90s", "30m", "2h", "3d", "1w"), sizes ("10MB", "512 KiB")
// and lengths on a page ("15mm", "1.5cm", "0.5in", "36pt") as a spec
// writes them: a whole number and a unit, always, so that a
// reader never wonders whether 60 meant seconds or minutes.
#pragma once

#include <optional>
#include <string_view>

namespace vigie::spec {

// Seconds; nullopt when the text is not a whole number followed by s, m,
// h, d or w (or is too large).
std::optional<long long> parse_duration(std::string_view text);

// Bytes; units B, KB/MB/GB (powers of 1000) and KiB/MiB/GiB (of 1024).
std::optional<unsigned long long> parse_size(std::string_view text);

// PDF points (1/72 inch); a number that is not negative followed by pt,
// mm, cm or in.
std::optional<double> parse_length(std::string_view text);

}  // namespace vigie::spec
