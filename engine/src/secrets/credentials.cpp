#include "secrets/credentials.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace vigie::secrets {
namespace {

constexpr std::string_view kHidden = "***";

struct Span {
  std::size_t begin;
  std::size_t end;
};

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A value already hidden, or a reference to the environment, is left.
bool already_hidden(std::string_view value) {
  return value.empty() || value == kHidden ||
         (value.size() > 3 && value.substr(0, 2) == "${" &&
          value.back() == '}');
}

// user:PASSWORD@ in the authority of each "scheme://".
void find_url_passwords(std::string_view text, std::vector<Span>& out) {
  for (auto at = text.find("://"); at != std::string_view::npos;
       at = text.find("://", at + 3)) {
    const std::size_t start = at + 3;
    std::size_t end = start;
    while (end < text.size() && !space(text[end]) &&
           std::string_view("/?#\"'<>").find(text[end]) ==
               std::string_view::npos)
      ++end;
    const auto authority = text.substr(start, end - start);
    const auto user_end = authority.rfind('@');
    if (user_end == std::string_view::npos) continue;
    const auto colon = authority.substr(0, user_end).find(':');
    if (colon == std::string_view::npos) continue;
    const auto password = authority.substr(colon + 1, user_end - colon - 1);
    if (!already_hidden(password))
      out.push_back(Span{start + colon + 1, start + user_end});
  }
}

// The end of a value starting at `begin`: quoted ('...' with \ escapes,
// "..."), braced ({...} with }} for }), or up to a separator.
Span value_at(std::string_view text, std::size_t begin) {
  if (begin >= text.size()) return {begin, begin};
  const char open = text[begin];
  if (open == '\'' || open == '"') {
    std::size_t i = begin + 1;
    while (i < text.size() && text[i] != open) i += text[i] == '\\' ? 2 : 1;
    return {begin + 1, std::min(i, text.size())};
  }
  if (open == '{') {
    std::size_t i = begin + 1;
    while (i < text.size()) {
      if (text[i] == '}' && i + 1 < text.size() && text[i + 1] == '}') {
        i += 2;
        continue;
      }
      if (text[i] == '}') break;
      ++i;
    }
    return {begin + 1, i};
  }
  std::size_t i = begin;
  while (i < text.size() && !space(text[i]) &&
         std::string_view(";&,)").find(text[i]) == std::string_view::npos)
    ++i;
  return {begin, i};
}

// The values of password=, pwd= and passwd= pairs, keys in any case.
void find_password_pairs(std::string_view text, std::vector<Span>& out) {
  static constexpr std::array<std::string_view, 3> kKeys = {"password", "pwd",
                                                            "passwd"};
  for (std::size_t eq = text.find('='); eq != std::string_view::npos;
       eq = text.find('=', eq + 1)) {
    std::size_t key_end = eq;
    while (key_end > 0 && space(text[key_end - 1])) --key_end;
    for (auto key : kKeys) {
      if (key_end < key.size()) continue;
      const std::size_t key_begin = key_end - key.size();
      bool same = true;
      for (std::size_t i = 0; i < key.size() && same; ++i)
        same = lower(text[key_begin + i]) == key[i];
      // A whole word only: "mypwd=" is not a password pair.
      const bool boundary =
          key_begin == 0 ||
          (!std::isalnum(static_cast<unsigned char>(text[key_begin - 1])) &&
           text[key_begin - 1] != '_');
      if (!same || !boundary) continue;
      std::size_t value_begin = eq + 1;
      while (value_begin < text.size() && space(text[value_begin]))
        ++value_begin;
      const Span value = value_at(text, value_begin);
      if (!already_hidden(text.substr(value.begin, value.end - value.begin)))
        out.push_back(value);
      break;
    }
  }
}

}  // namespace

std::string hide_credentials(std::string_view text) {
  std::vector<Span> spans;
  find_url_passwords(text, spans);
  find_password_pairs(text, spans);
  if (spans.empty()) return std::string(text);
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t copied = 0;
  for (const auto& s : spans) {
    if (s.begin < copied) continue;  // inside one already hidden
    out.append(text.substr(copied, s.begin - copied));
    out.append(kHidden);
    copied = s.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace vigie::secrets
