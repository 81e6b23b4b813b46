// A map option of the spec, name -> page pattern (page groups, life
// moments, an action's topic pages), with the two questions asked of it:
// which names cover a page (life moments: a page may be in several), and
// the one name a page belongs to (page groups: the most specific matching
// alternative wins, docs/kpi-choices.md "Page groups").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "page_pattern.hpp"

namespace vigie::pages {

class PatternMap {
 public:
  PatternMap() = default;
  // Entries (name, pattern); kept by name in byte order, which is what
  // breaks a tie of specificity and orders every table of names. Throws
  // std::runtime_error naming `option` and the entry on a bad pattern or a
  // name given twice.
  PatternMap(std::string_view option,
             std::vector<std::pair<std::string, std::string>> entries);

  int32_t size() const { return static_cast<int32_t>(names_.size()); }
  bool empty() const { return names_.empty(); }
  const std::string& name(int32_t index) const {
    return names_[static_cast<size_t>(index)];
  }
  // The index of `name`, or -1.
  int32_t find(std::string_view name) const;

  // The index of the name the page belongs to: of the names whose pattern
  // matches, the one with the most specific matching alternative, ties the
  // first name in byte order; -1 when none matches.
  int32_t best(std::string_view page) const;
  // The indexes of every name whose pattern matches the page, ascending.
  std::vector<int32_t> matching(std::string_view page) const;

 private:
  std::vector<std::string> names_;
  std::vector<PagePattern> patterns_;
};

}  // namespace vigie::pages
