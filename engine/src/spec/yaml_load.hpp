// Parsing a spec's YAML within bounds, with syntax errors in plain words.
//
// A spec comes from whoever may edit it, and YAML lets a small text ask
// for a lot: aliases that expand exponentially ("billion laughs"), an
// alias inside the node it names (a cycle), nesting deep enough to
// exhaust the parser's stack. The text is first parsed as a stream of
// events that measures all of that without building or walking anything;
// only a text within every bound is then loaded as a node tree.
// docs/spec-reference.md ("Limits") lists the bounds.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>

#include "spec/reader.hpp"

namespace vigie::spec {

struct YamlLimits {
  // Bytes of spec text: a real spec is a few KB.
  static constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
  // Nodes that aliases add to the document, counting an alias each time
  // it is used and the whole of what it names (so an alias of an alias
  // counts the product).
  static constexpr std::size_t kMaxAliasNodes = 100000;
  // Maps and lists inside one another; a spec needs about six.
  static constexpr int kMaxDepth = 32;
};

// The document's root, or the one error that stops the reading (the text
// is too big, breaks a bound, or is not YAML). `file` names it in
// messages.
struct LoadedYaml {
  YAML::Node root;
  std::optional<Diagnostic> error;
};

LoadedYaml load_yaml(const std::string& text, const std::string& file);

// The error for a spec of `bytes` bytes when that is over kMaxBytes; a
// file is checked with it before it is read.
std::optional<Diagnostic> check_size(std::size_t bytes,
                                     const std::string& file);

}  // namespace vigie::spec
