#include "render/xml_text.hpp"

#include <glib.h>

#include <memory>

namespace vigie::render {
namespace {

// Whether XML 1.0 may carry the character at all (its Char production).
bool xml_allows(gunichar c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

struct GFree {
  void operator()(gchar* p) const { g_free(p); }
};

}  // namespace

std::string xml_escaped(std::string_view text) {
  const std::unique_ptr<gchar, GFree> valid(
      g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
  std::string out;
  out.reserve(text.size());
  for (const gchar* c = valid.get(); *c != '\0'; c = g_utf8_next_char(c)) {
    const gunichar code = g_utf8_get_char(c);
    switch (code) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (xml_allows(code)) {
          out.append(c, static_cast<size_t>(g_utf8_next_char(c) - c));
        } else {
          out += "\uFFFD";
        }
    }
  }
  return out;
}

}  // namespace vigie::render
