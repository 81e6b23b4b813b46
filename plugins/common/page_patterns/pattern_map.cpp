#include "pattern_map.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace vigie::pages {

PatternMap::PatternMap(
    std::string_view option,
    std::vector<std::pair<std::string, std::string>> entries) {
  // std::string compares as unsigned bytes (char_traits<char>), the byte
  // order the engine uses everywhere.
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [name, pattern] : entries) {
    std::string where = std::string(option) + "." + name;
    if (!names_.empty() && names_.back() == name)
      throw std::runtime_error("option '" + where + "' is given twice");
    try {
      patterns_.emplace_back(pattern);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error("option '" + where + "': " + e.what());
    }
    names_.push_back(std::move(name));
  }
}

int32_t PatternMap::find(std::string_view name) const {
  auto at = std::lower_bound(names_.begin(), names_.end(), name);
  if (at == names_.end() || *at != name) return -1;
  return static_cast<int32_t>(at - names_.begin());
}

int32_t PatternMap::best(std::string_view page) const {
  int32_t best = -1;
  std::optional<Specificity> best_specificity;
  for (int32_t i = 0; i < size(); ++i) {
    auto specificity = patterns_[static_cast<size_t>(i)].best_match(page);
    // Strictly more specific only: on a tie the earlier name stays.
    if (specificity &&
        (!best_specificity || *specificity < *best_specificity)) {
      best = i;
      best_specificity = specificity;
    }
  }
  return best;
}

std::vector<int32_t> PatternMap::matching(std::string_view page) const {
  std::vector<int32_t> out;
  for (int32_t i = 0; i < size(); ++i)
    if (patterns_[static_cast<size_t>(i)].matches(page)) out.push_back(i);
  return out;
}

}  // namespace vigie::pages
