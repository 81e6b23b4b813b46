#include "spec/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vigie::spec {

// Written here because none of the project's libraries (Boost 1.74
// included) offers an edit distance; it is a dozen lines.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: distance between the first i characters of a and j of b.
  std::vector<std::vector<std::size_t>> d(
      a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  const std::size_t limit = word.size() <= 5 ? 1 : word.size() <= 9 ? 2 : 3;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best || word.size() < 3) return best;
  // A name written without its last part ("donut" for "donut_chart"):
  // the one candidate it begins, up to an underscore.
  for (const auto& candidate : candidates) {
    if (candidate.size() > word.size() && candidate.starts_with(word) &&
        candidate[word.size()] == '_') {
      if (best) return std::nullopt;  // two of them: no guess
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates) {
  auto best = closest(word, candidates);
  return best ? " did you mean '" + *best + "'?" : std::string();
}

std::string join(const std::vector<std::string>& words,
                 std::string_view separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

std::string join_some(const std::vector<std::string>& words,
                      std::size_t at_most) {
  if (words.size() <= at_most) return join(words);
  std::vector<std::string> first(words.begin(),
                                 words.begin() + static_cast<long>(at_most));
  return fmt::format("{}, and {} more", join(first), words.size() - at_most);
}

}  // namespace vigie::spec
