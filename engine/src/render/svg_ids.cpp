#include "render/svg_ids.hpp"

#include <array>
#include <cctype>
#include <map>

namespace vigie::render {
namespace {

constexpr std::array<std::string_view, 2> kPrefixes{"surface", "image"};

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// Whether an id may start at `at`: right after `id="` or `#`.
bool id_may_start(std::string_view svg, size_t at) {
  if (at >= 1 && svg[at - 1] == '#') return true;
  return at >= 4 && svg.substr(at - 4, 4) == "id=\"";
}

}  // namespace

std::string renumber_cairo_ids(std::string_view svg) {
  std::map<std::string, std::map<std::string, int, std::less<>>, std::less<>>
      numbers;  // prefix -> old number -> new number
  std::string out;
  out.reserve(svg.size());
  size_t at = 0;
  while (at < svg.size()) {
    bool replaced = false;
    if (id_may_start(svg, at)) {
      for (std::string_view prefix : kPrefixes) {
        if (svg.substr(at, prefix.size()) != prefix) continue;
        size_t end = at + prefix.size();
        while (end < svg.size() && is_digit(svg[end])) ++end;
        // The whole id: digits, then the closing quote or parenthesis.
        if (end == at + prefix.size() || end == svg.size() ||
            (svg[end] != '"' && svg[end] != ')'))
          continue;
        auto& of_prefix = numbers[std::string(prefix)];
        const std::string old(
            svg.substr(at + prefix.size(), end - at - prefix.size()));
        const auto it =
            of_prefix.try_emplace(old, static_cast<int>(of_prefix.size()) + 1)
                .first;
        out += prefix;
        out += std::to_string(it->second);
        at = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += svg[at++];
  }
  return out;
}

}  // namespace vigie::render
