// A page pattern of the spec: `*` matches any run of characters (slashes
// included), every other character matches itself, and the pattern must
// cover the whole page path. Several alternatives are separated by `|`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::pages {

// How specific a matching alternative is (docs/kpi-choices.md, "Page
// groups"): one without `*` beats one with, then the one with more literal
// characters. `a < b` when a is the more specific.
struct Specificity {
  bool has_star = false;
  size_t literal_characters = 0;

  friend bool operator<(const Specificity& a, const Specificity& b) {
    if (a.has_star != b.has_star) return !a.has_star;
    return a.literal_characters > b.literal_characters;
  }
};

class PagePattern {
 public:
  // Throws std::runtime_error on an empty pattern or alternative.
  explicit PagePattern(std::string_view text);
  bool matches(std::string_view page) const;
  // The most specific of the alternatives that match the page, or nothing
  // when none does.
  std::optional<Specificity> best_match(std::string_view page) const;

 private:
  struct Alternative {
    std::string text;
    Specificity specificity;
  };
  std::vector<Alternative> alternatives_;
};

}  // namespace vigie::pages
