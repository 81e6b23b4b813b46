// The caller's number of a CDR row, as the PBX wrote it (no normalisation:
// turning it into E.164 needs the site's dialling plan).
#pragma once

#include <string_view>

namespace vigie::asterisk_cdr {

// `src`; else the number between < and > of the caller id (`"Name"
// <number>`); else the caller id itself when it is written as a number
// (digits, with + * # and spaces); else nothing (an empty view).
std::string_view caller_number(std::string_view src, std::string_view clid);

}  // namespace vigie::asterisk_cdr
