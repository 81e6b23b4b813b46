#include "page_pattern.hpp"

#include <stdexcept>

namespace vigie::pages {

namespace {

// fnmatch(3) would also give `?`, `[...]` and `\` a meaning, yet they are
// ordinary characters of a URL path (a query string, an encoded bracket):
// only `*` is special here, so the match is written out. Greedy with one
// backtrack point, the classic linear-space wildcard algorithm.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

PagePattern::PagePattern(std::string_view text) {
  size_t start = 0;
  for (;;) {
    size_t end = text.find('|', start);
    std::string_view alternative = text.substr(start, end - start);
    if (alternative.empty())
      throw std::runtime_error("page pattern '" + std::string(text) +
                               "' has an empty alternative");
    Specificity specificity;
    for (char c : alternative) {
      if (c == '*')
        specificity.has_star = true;
      else
        ++specificity.literal_characters;
    }
    alternatives_.push_back({std::string(alternative), specificity});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

bool PagePattern::matches(std::string_view page) const {
  for (const auto& alternative : alternatives_)
    if (wildcard_match(alternative.text, page)) return true;
  return false;
}

std::optional<Specificity> PagePattern::best_match(
    std::string_view page) const {
  std::optional<Specificity> best;
  for (const auto& alternative : alternatives_)
    if ((!best || alternative.specificity < *best) &&
        wildcard_match(alternative.text, page))
      best = alternative.specificity;
  return best;
}

}  // namespace vigie::pages
