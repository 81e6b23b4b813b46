// Credentials written in connection strings, found by their shape so that
// they are hidden even when nobody registered them: a password inside a
// URL's user information (`postgresql://user:PASSWORD@host/db`) and the
// value of a `password=`, `pwd=` or `passwd=` pair (libpq keyword strings,
// ODBC strings, URL query parameters). Libraries quote connection strings
// in their own error messages, so no list of known values can be enough.
#pragma once

#include <string>
#include <string_view>

namespace vigie::secrets {

// `text` with each such credential replaced by "***"; text without "://"
// or '=' comes back unchanged at the cost of two scans.
std::string hide_credentials(std::string_view text);

}  // namespace vigie::secrets
