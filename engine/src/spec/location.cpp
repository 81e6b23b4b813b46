#include <fmt/format.h>

#include "spec/spec.hpp"

namespace vigie::spec {

std::string Location::str() const {
  // Line 0 means "the file as a whole" (it could not be read).
  if (line <= 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

}  // namespace vigie::spec
