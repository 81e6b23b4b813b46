#include "caller_number.hpp"

namespace vigie::asterisk_cdr {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool written_as_number(std::string_view text) {
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '+' && c != '*' && c != '#' && c != ' ')
      return false;
  }
  return digit;
}

}  // namespace

std::string_view caller_number(std::string_view src, std::string_view clid) {
  if (auto number = trimmed(src); !number.empty()) return number;
  // The last <...>: a name may itself hold a '<'.
  const auto open = clid.rfind('<');
  if (open != std::string_view::npos) {
    const auto close = clid.find('>', open);
    if (close != std::string_view::npos)
      return trimmed(clid.substr(open + 1, close - open - 1));
  }
  const auto bare = trimmed(clid);
  return written_as_number(bare) ? bare : std::string_view();
}

}  // namespace vigie::asterisk_cdr
