// A page pattern of the spec: `*` matches any run of characters (slashes
// included), every other character matches itself, and the pattern must
// cover the whole page path. Several alternatives are separated by `|`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie::self_care {

class PagePattern {
 public:
  explicit PagePattern(std::string_view text);
  bool matches(std::string_view page) const;

 private:
  std::vector<std::string> alternatives_;
};

}  // namespace vigie::self_care
