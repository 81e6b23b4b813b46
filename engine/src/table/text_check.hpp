// The rule for every text that enters the engine from a source: well-formed
// UTF-8 (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing
// past U+10FFFF) and no NUL character. A value that breaks it is rejected
// by ingest with its source, line and column, never passed on to fail later
// in a writer (JSON needs valid UTF-8) or to be cut short at a NUL by a C
// API.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vigie::table {

// Why `text` may not enter, e.g. "is not valid UTF-8 (byte 0xE9 at position
// 4)" or "holds a NUL character at position 2" (positions 1-based, in
// bytes); nothing when it may.
std::optional<std::string> text_problem(std::string_view text);

// `text` with each ill-formed UTF-8 sequence replaced by U+FFFD and each NUL
// by "\0", for messages and reject reasons that quote a bad value.
std::string printable_text(std::string_view text);

}  // namespace vigie::table
