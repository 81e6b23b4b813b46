// The canonical `page` of a GA4 event: the path of its page_location URL.
#pragma once

#include <string_view>

namespace vigie::ga4 {

// The path of `location`, a view into it (or "/"): without the scheme and
// host (`https://shop.example.com`), the query (`?...`) and the fragment
// (`#...`); percent-escapes and `+` are kept as written, so that the same
// page always gives the same text. A URL without a path gives "/". A
// location that is no absolute URL (a path, "(not set)") is kept, less its
// query and fragment. Empty for an empty location.
std::string_view url_path(std::string_view location);

}  // namespace vigie::ga4
