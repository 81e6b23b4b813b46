// Shared by the reader tests: an environment from a map, and reading a
// spec given as text under the name "spec.yaml".
#pragma once

#include <map>
#include <string>

#include "fake_catalog.hpp"
#include "spec/reader.hpp"

namespace vigie::spec::testing {

inline Environment env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

inline ReadResult read(const std::string& yaml,
                       std::map<std::string, std::string> vars = {}) {
  static const FakeCatalog catalog;
  return read_spec_text(yaml, "spec.yaml", catalog, env_of(std::move(vars)));
}

// Every diagnostic formatted, one a line, for failure messages.
inline std::string all(const ReadResult& r) {
  std::string out;
  for (const auto& d : r.errors) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace vigie::spec::testing
