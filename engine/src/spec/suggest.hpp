// "Did you mean ...?": the closest known word to a misspelt one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::spec {

// Edit distance counting insertions, deletions, substitutions and swaps of
// two adjacent characters (optimal string alignment), so that "lable" is
// one edit away from "label".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely
// typo: at most one edit for words of up to 5 characters, two up to 9,
// three beyond. Ties go to the first candidate in the list. Else the one
// candidate the word begins up to an underscore ("donut" for
// "donut_chart"), for a word of 3 characters or more.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// " did you mean 'x'?" or "", ready to append to a message.
std::string did_you_mean(std::string_view word,
                         const std::vector<std::string>& candidates);

// "a, b, c": candidates for a message.
std::string join(const std::vector<std::string>& words,
                 std::string_view separator = ", ");

// The same with at most `at_most` words, then "and N more": a list of
// names in a message stays short whatever the spec holds.
std::string join_some(const std::vector<std::string>& words,
                      std::size_t at_most = 30);

}  // namespace vigie::spec
