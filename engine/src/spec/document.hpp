// Walking a parsed YAML document with positions: the generic checks every
// section of a spec needs (shapes, scalar types, allowed keys, `${NAME}`
// substitution), each failure recorded as a Diagnostic instead of thrown,
// so that one read reports every mistake.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "spec/reader.hpp"

namespace vigie::spec {

// A node and where it sits. `mark` is the node's own mark, except for an
// empty value ("key:"), which yaml-cpp marks at the next line: there the
// key's mark is used. A sensitive node (a secret option) never has its
// value quoted in a message. Only a node inside a plugin option may take a
// value from the environment (`environment`): such a value is a secret,
// and a plugin option is the one place built to carry secrets; anywhere
// else (a title, a time zone, a mapping) parts of it would be printed.
struct Cursor {
  YAML::Node node;
  std::string path;
  YAML::Mark mark;
  bool sensitive = false;
  bool environment = false;

  Cursor() = default;
  Cursor(YAML::Node n, std::string p, YAML::Mark m, bool s)
      : node(std::move(n)), path(std::move(p)), mark(m), sensitive(s) {}
  Cursor(const Cursor&) = default;
  // YAML::Node's assignment writes into the document the node belongs to;
  // a cursor must be re-pointed instead (containers and std::optional
  // assign their elements).
  Cursor& operator=(const Cursor& other) {
    if (this == &other) return *this;
    node.reset(other.node);
    path = other.path;
    mark = other.mark;
    sensitive = other.sensitive;
    environment = other.environment;
    return *this;
  }
};

// One "key: value" of a map.
struct Entry {
  std::string key;
  Cursor key_at;  // for messages about the key itself
  Cursor value;
};

// A scalar value after `${NAME}` substitution.
struct Text {
  std::string value;
  bool from_environment = false;
};

class Document {
 public:
  Document(std::string file, Environment env);

  // Diagnostics kept: past this many, a spec is mistaken throughout (or
  // generated wrongly) and more would only cost time and memory; the
  // rest are counted.
  static constexpr std::size_t kMaxErrors = 1000;

  const std::string& file() const { return file_; }
  const Environment& environment() const { return env_; }

  Location where(const Cursor& at) const;
  void error(const Cursor& at, std::string message);
  // A diagnostic found elsewhere (in a file this document reads).
  void add(Diagnostic diagnostic);
  // True once kMaxErrors diagnostics are kept: a costly message (one that
  // searches many names for a suggestion) need not be built.
  bool full() const { return errors_.size() >= kMaxErrors; }
  // The diagnostics in document order, each once (the same value can be
  // checked against several plugins), then one saying how many more were
  // found when there were more than kMaxErrors.
  std::vector<Diagnostic> take_errors();

  static Cursor root(const YAML::Node& node);
  Cursor child(const Cursor& map, const YAML::Node& key,
               const YAML::Node& value) const;

  // Shapes: false, after reporting "expected <what>", when it is not one.
  bool expect_map(const Cursor& at, std::string_view what = "a map");
  bool expect_list(const Cursor& at, std::string_view what = "a list");

  // The entries of a map, with their paths; duplicate keys are reported
  // and only the first one kept.
  std::vector<Entry> entries(const Cursor& map);
  // The items of a list, with paths "path[i]".
  std::vector<Cursor> items(const Cursor& list);

  // Scalars. nullopt after reporting when the node is not of that type.
  std::optional<Text> text(const Cursor& at);
  std::optional<double> number(const Cursor& at);
  std::optional<long long> integer(const Cursor& at);
  std::optional<bool> boolean(const Cursor& at);
  // Conversions of a text already read from `at`.
  std::optional<double> as_number(const Cursor& at, const Text& text);
  std::optional<long long> as_integer(const Cursor& at, const Text& text);
  std::optional<bool> as_boolean(const Cursor& at, const Text& text);
  // The index of the value among `choices`, reported with a suggestion
  // when it is none of them.
  std::optional<std::size_t> choice(const Cursor& at,
                                    const std::vector<std::string>& choices);

  // "a map", "a list", "nothing", "'text'" (or "a secret value").
  std::string describe(const Cursor& at) const;
  std::string quote(const Cursor& at, const Text& text) const;

  // Read into `out` when present and valid; otherwise leave it unchanged.
  void assign(std::string& out, const std::optional<Cursor>& at);
  void assign(double& out, const std::optional<Cursor>& at);
  void assign(int& out, const std::optional<Cursor>& at);
  void assign(bool& out, const std::optional<Cursor>& at);

 private:
  std::string file_;
  Environment env_;
  std::vector<Diagnostic> errors_;
  std::size_t errors_not_kept_ = 0;
  // Hashes of the diagnostics met, kept or not.
  std::unordered_set<std::size_t> seen_;
};

// The keys of one map checked against those a section allows: an unknown
// key is reported with a suggestion and the list of valid keys.
class Fields {
 public:
  Fields(Document& doc, const Cursor& map, std::vector<std::string> allowed);

  const Cursor& map() const { return map_; }
  // The known keys present, in document order.
  const std::vector<Entry>& entries() const { return entries_; }
  std::optional<Cursor> optional(std::string_view key) const;
  // Reports "missing required key" (at the map, path map.key) when absent.
  std::optional<Cursor> required(std::string_view key,
                                 std::string_view expected);

 private:
  Document& doc_;
  Cursor map_;
  std::vector<Entry> entries_;
};

std::string child_path(const std::string& parent, std::string_view key);

}  // namespace vigie::spec
