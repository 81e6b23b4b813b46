#include "url_path.hpp"

namespace vigie::ga4 {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_scheme_char(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
         c == '.';
}

// Where the authority (`//host:port`) starts: after `scheme:` (RFC 3986: a
// letter, then letters, digits, `+`, `-`, `.`) when `//` follows, or at
// the start of a scheme-relative `//host/path`. npos for a location with
// no authority.
size_t authority_start(std::string_view url) {
  if (url.starts_with("//")) return 0;
  if (url.empty() || !is_alpha(url[0])) return std::string_view::npos;
  size_t i = 1;
  while (i < url.size() && is_scheme_char(url[i])) ++i;
  if (url.substr(i).starts_with("://")) return i + 1;
  return std::string_view::npos;
}

}  // namespace

std::string_view url_path(std::string_view location) {
  // The fragment first: a `?` after a `#` belongs to the fragment.
  std::string_view url = location.substr(0, location.find('#'));
  url = url.substr(0, url.find('?'));
  const size_t authority = authority_start(url);
  if (authority == std::string_view::npos) return url;
  const size_t path = url.find('/', authority + 2);
  if (path == std::string_view::npos) return "/";
  return url.substr(path);
}

}  // namespace vigie::ga4
