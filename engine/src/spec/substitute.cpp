#include "spec/substitute.hpp"

#include <cctype>

namespace vigie::spec {
bool is_variable_name(std::string_view name) {
  if (name.empty()) return false;
  auto c0 = static_cast<unsigned char>(name[0]);
  if (!std::isalpha(c0) && c0 != '_') return false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && u != '_') return false;
  }
  return true;
}

// A hand-written scan rather than std::regex: a malformed "${" must be
// reported, not silently kept as text.
Substitution substitute(std::string_view text, const Environment& env) {
  Substitution out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find("${", pos);
    if (open == std::string_view::npos) {
      out.value.append(text.substr(pos));
      break;
    }
    out.value.append(text.substr(pos, open - pos));
    std::size_t close = text.find('}', open + 2);
    std::string_view name = close == std::string_view::npos
                                ? std::string_view()
                                : text.substr(open + 2, close - open - 2);
    if (!is_variable_name(name)) {
      out.malformed = true;
      out.value.append(text.substr(open, 2));
      pos = open + 2;
      continue;
    }
    out.used_environment = true;
    if (auto value = env(std::string(name))) {
      out.value.append(*value);
      out.variables.emplace_back(std::string(name), *value);
    } else
      out.missing.emplace_back(name);
    pos = close + 1;
  }
  return out;
}

}  // namespace vigie::spec
