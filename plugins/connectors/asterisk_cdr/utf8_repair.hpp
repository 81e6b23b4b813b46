// Text that is not valid UTF-8 made valid: some PBXs write caller names in
// a legacy 8-bit encoding, or cut a multi-byte character in two. The
// repair follows the Unicode Standard's recommended practice (section 3.9,
// "U+FFFD Substitution of Maximal Subparts"), as Python's "replace" error
// handler does: each maximal subpart of an ill-formed sequence becomes one
// U+FFFD, everything valid is kept as it is.
#pragma once

#include <string>
#include <string_view>

namespace vigie::asterisk_cdr {

bool valid_utf8(std::string_view text);

// `text` with its ill-formed parts replaced by U+FFFD (the text unchanged
// when it is valid).
std::string repair_utf8(std::string_view text);

}  // namespace vigie::asterisk_cdr
