#include "spec/document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "secrets/redactor.hpp"
#include "spec/substitute.hpp"
#include "spec/suggest.hpp"

namespace vigie::spec {

std::string child_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

Document::Document(std::string file, Environment env)
    : file_(std::move(file)), env_(std::move(env)) {}

Location Document::where(const Cursor& at) const {
  // yaml-cpp marks are 0-based; messages are 1-based like compilers'.
  return Location{file_, at.mark.line + 1, at.mark.column + 1, at.path};
}

void Document::error(const Cursor& at, std::string message) {
  add(Diagnostic{where(at), std::move(message)});
}

void Document::add(Diagnostic d) {
  // The same value can be checked twice (against several plugins, or by
  // two passes over a map): each diagnostic is kept once. Hashed, so that
  // many errors (a long map of wrong values) cost linear time.
  const std::size_t key = std::hash<std::string>{}(
      fmt::format("{}:{}:{}\n{}\n{}", d.where.file, d.where.line,
                  d.where.column, d.where.path, d.message));
  if (!seen_.insert(key).second) return;
  if (full()) {
    ++errors_not_kept_;
    return;
  }
  errors_.push_back(std::move(d));
}

std::vector<Diagnostic> Document::take_errors() {
  // This document's own first, then those of the files it reads (a
  // report template), each file's in line order.
  std::stable_sort(
      errors_.begin(), errors_.end(),
      [this](const Diagnostic& a, const Diagnostic& b) {
        const bool a_other = a.where.file != file_;
        const bool b_other = b.where.file != file_;
        return std::tie(a_other, a.where.file, a.where.line, a.where.column) <
               std::tie(b_other, b.where.file, b.where.line, b.where.column);
      });
  std::vector<Diagnostic> out = std::move(errors_);
  if (errors_not_kept_ > 0)
    out.push_back(Diagnostic{
        Location{file_, 0, 0, ""},
        fmt::format("{} more error(s) not shown (at most {} are listed)",
                    errors_not_kept_, kMaxErrors)});
  errors_.clear();
  errors_not_kept_ = 0;
  seen_.clear();
  return out;
}

Cursor Document::root(const YAML::Node& node) {
  YAML::Mark mark = node.Mark();
  if (mark.line < 0) mark = YAML::Mark();  // an empty document: 1:1
  return Cursor{node, "", mark, false};
}

Cursor Document::child(const Cursor& map, const YAML::Node& key,
                       const YAML::Node& value) const {
  YAML::Mark mark = value.IsNull() ? key.Mark() : value.Mark();
  Cursor out{value, child_path(map.path, key.Scalar()), mark, map.sensitive};
  out.environment = map.environment;
  return out;
}

bool Document::expect_map(const Cursor& at, std::string_view what) {
  if (at.node.IsMap()) return true;
  error(at, fmt::format("expected {}, got {}", what, describe(at)));
  return false;
}

bool Document::expect_list(const Cursor& at, std::string_view what) {
  if (at.node.IsSequence()) return true;
  error(at, fmt::format("expected {}, got {}", what, describe(at)));
  return false;
}

std::vector<Entry> Document::entries(const Cursor& map) {
  std::vector<Entry> out;
  if (!map.node.IsMap()) return out;
  out.reserve(map.node.size());
  // Key -> its index in `out`: a map of many keys is checked in linear time.
  std::unordered_map<std::string, std::size_t> seen;
  for (auto it = map.node.begin(); it != map.node.end(); ++it) {
    // Copies: the iterator yields a temporary pair of node handles.
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    Cursor key_at{key, child_path(map.path, key.Scalar()), key.Mark(), false};
    if (!key.IsScalar()) {
      key_at.path = map.path;
      error(key_at, "expected a plain key, got " + describe(key_at));
      continue;
    }
    if (auto [first, inserted] = seen.emplace(key.Scalar(), out.size());
        !inserted) {
      error(key_at,
            fmt::format("duplicate key '{}' (first at line {})", key.Scalar(),
                        out[first->second].key_at.mark.line + 1));
      continue;
    }
    out.push_back(Entry{key.Scalar(), key_at, child(map, key, value)});
  }
  return out;
}

std::vector<Cursor> Document::items(const Cursor& list) {
  std::vector<Cursor> out;
  if (!list.node.IsSequence()) return out;
  std::size_t index = 0;
  for (const auto& item : list.node) {
    YAML::Mark mark = item.IsNull() ? list.mark : item.Mark();
    if (mark.line < 0) mark = list.mark;
    out.push_back(Cursor{item, fmt::format("{}[{}]", list.path, index++), mark,
                         list.sensitive});
    out.back().environment = list.environment;
  }
  return out;
}

std::optional<Text> Document::text(const Cursor& at) {
  if (at.node.IsNull()) return Text{};  // "key:" reads as an empty text
  if (!at.node.IsScalar()) {
    error(at, "expected a single value, got " + describe(at));
    return std::nullopt;
  }
  Substitution s = substitute(at.node.Scalar(), env_);
  for (const auto& name : s.missing)
    error(at, fmt::format("environment variable '{}' is not set", name));
  if (s.malformed)
    error(at,
          "malformed '${': expected ${NAME}, NAME made of letters, digits "
          "and '_'");
  if (s.used_environment && !at.environment) {
    error(at,
          "a value from the environment (${NAME}) is a secret and may only "
          "be used in a plugin option (a source's config, parameters); "
          "here it could be printed: write the value in the spec");
    return std::nullopt;
  }
  // A value from the environment is a secret: it is registered here, where
  // it enters, and hidden in everything printed (secrets/redactor.hpp).
  for (const auto& [name, value] : s.variables)
    secrets::add(value, "${" + name + "}");
  return Text{std::move(s.value), s.used_environment};
}

std::optional<double> Document::number(const Cursor& at) {
  auto t = text(at);
  return t ? as_number(at, *t) : std::nullopt;
}

std::optional<long long> Document::integer(const Cursor& at) {
  auto t = text(at);
  return t ? as_integer(at, *t) : std::nullopt;
}

std::optional<bool> Document::boolean(const Cursor& at) {
  auto t = text(at);
  return t ? as_boolean(at, *t) : std::nullopt;
}

namespace {

template <typename T>
std::optional<T> parse_whole(const std::string& s) {
  T value{};
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, value);
  if (ec != std::errc() || p != end || s.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> Document::as_number(const Cursor& at, const Text& t) {
  if (auto v = parse_whole<double>(t.value)) return v;
  error(at, "expected a number, got " + quote(at, t));
  return std::nullopt;
}

std::optional<long long> Document::as_integer(const Cursor& at, const Text& t) {
  if (auto v = parse_whole<long long>(t.value)) return v;
  error(at, "expected an integer, got " + quote(at, t));
  return std::nullopt;
}

std::optional<bool> Document::as_boolean(const Cursor& at, const Text& t) {
  // yaml-cpp's own reading of YAML booleans (true/false, yes/no, on/off).
  bool value = false;
  if (YAML::convert<bool>::decode(YAML::Node(t.value), value)) return value;
  error(at, "expected true or false, got " + quote(at, t));
  return std::nullopt;
}

std::optional<std::size_t> Document::choice(
    const Cursor& at, const std::vector<std::string>& choices) {
  auto t = text(at);
  if (!t) return std::nullopt;
  auto it = std::find(choices.begin(), choices.end(), t->value);
  if (it != choices.end())
    return static_cast<std::size_t>(it - choices.begin());
  std::string hint = at.sensitive || t->from_environment
                         ? std::string()
                         : did_you_mean(t->value, choices);
  error(at, fmt::format("expected one of {}, got {}{}", join(choices, ", "),
                        quote(at, *t), hint.empty() ? "" : ";" + hint));
  return std::nullopt;
}

std::string Document::describe(const Cursor& at) const {
  switch (at.node.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return quote(at, Text{at.node.Scalar()});
    default:
      return "nothing";
  }
}

std::string Document::quote(const Cursor& at, const Text& t) const {
  if (at.sensitive) return "a secret value";
  if (t.from_environment) return "a value from the environment";
  if (t.value.empty()) return "nothing";
  return "'" + t.value + "'";
}

void Document::assign(std::string& out, const std::optional<Cursor>& at) {
  if (!at) return;
  if (auto t = text(*at)) out = std::move(t->value);
}

void Document::assign(double& out, const std::optional<Cursor>& at) {
  if (!at) return;
  if (auto v = number(*at)) out = *v;
}

void Document::assign(int& out, const std::optional<Cursor>& at) {
  if (!at) return;
  auto v = integer(*at);
  if (!v) return;
  if (*v < std::numeric_limits<int>::min() ||
      *v > std::numeric_limits<int>::max()) {
    error(*at, "expected an integer, got one out of range");
    return;
  }
  out = static_cast<int>(*v);
}

void Document::assign(bool& out, const std::optional<Cursor>& at) {
  if (!at) return;
  if (auto v = boolean(*at)) out = *v;
}

Fields::Fields(Document& doc, const Cursor& map,
               std::vector<std::string> allowed)
    : doc_(doc), map_(map), entries_(doc.entries(map)) {
  std::erase_if(entries_, [&](const Entry& e) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end())
      return false;
    doc_.error(e.key_at,
               fmt::format("unknown key '{}';{} valid keys: {}", e.key,
                           did_you_mean(e.key, allowed), join(allowed)));
    return true;
  });
}

std::optional<Cursor> Fields::optional(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return e.value;
  return std::nullopt;
}

std::optional<Cursor> Fields::required(std::string_view key,
                                       std::string_view expected) {
  if (auto at = optional(key)) return at;
  Cursor missing = map_;
  missing.path = child_path(map_.path, key);
  doc_.error(missing,
             fmt::format("missing required key '{}' ({})", key, expected));
  return std::nullopt;
}

}  // namespace vigie::spec
