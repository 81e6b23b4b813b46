#include "spec/yaml_load.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigie::spec {
namespace {

// A bound broken while the events stream by; thrown from the event
// handler to stop the parser at once.
struct LimitBroken {
  YAML::Mark mark;
  std::string message;
};

std::string nesting_message() {
  return fmt::format(
      "maps and lists are nested more than {} deep; a spec needs far "
      "fewer (is a '[' or '{{' left open?)",
      YamlLimits::kMaxDepth);
}

// Measures the document from its parse events: how deep it nests, how
// many nodes its aliases add once expanded, and where the last quoted
// value opened (yaml-cpp reports an unclosed quote at the end of the
// text, or not at all).
class BoundsChecker final : public YAML::EventHandler {
 public:
  explicit BoundsChecker(const std::string& text) : text_(text) {}

  // Offset of the opening quote of the last quoted scalar read, if any.
  std::optional<std::size_t> last_quote() const { return last_quote_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override {
    leaf(anchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&,
                YAML::anchor_t anchor, const std::string&) override {
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size()) {
      const char c = text_[static_cast<std::size_t>(mark.pos)];
      if (c == '"' || c == '\'') last_quote_ = mark.pos;
    }
    leaf(anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = sizes_.find(anchor);
    if (it == sizes_.end() || it->second == kInProgress)
      throw LimitBroken{mark,
                        "this alias is used inside the node its anchor names, "
                        "so it would repeat without end"};
    alias_nodes_ += it->second;
    if (alias_nodes_ > YamlLimits::kMaxAliasNodes)
      throw LimitBroken{
          mark, fmt::format("aliases expand the document by more than {} "
                            "nodes; write the values out, or use fewer aliases",
                            YamlLimits::kMaxAliasNodes)};
    add(it->second);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  // The size of an anchor whose node is still being read.
  static constexpr std::uint64_t kInProgress = UINT64_MAX;

  struct Open {
    YAML::anchor_t anchor;
    std::uint64_t nodes;  // this collection and all it holds, expanded
  };

  void add(std::uint64_t nodes) {
    if (!open_.empty()) open_.back().nodes += nodes;
  }

  void leaf(YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) sizes_[anchor] = 1;
    add(1);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(open_.size()) >= YamlLimits::kMaxDepth)
      throw LimitBroken{mark, nesting_message()};
    if (anchor != YAML::NullAnchor) sizes_[anchor] = kInProgress;
    open_.push_back(Open{anchor, 1});
  }

  void close() {
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor != YAML::NullAnchor) sizes_[done.anchor] = done.nodes;
    add(done.nodes);
  }

  const std::string& text_;
  std::vector<Open> open_;
  std::unordered_map<YAML::anchor_t, std::uint64_t> sizes_;
  std::uint64_t alias_nodes_ = 0;
  std::optional<std::size_t> last_quote_;
};

struct Position {
  int line = 0;  // 1-based
  int column = 0;
};

Position position_of(const std::string& text, std::size_t offset) {
  Position p{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

// The offset of the quote closing the quoted scalar that opens at `open`
// ('' is an escaped quote in single quotes, \" in double quotes), or npos.
std::size_t closing_quote(const std::string& text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
  }
  return std::string::npos;
}

// The first tab in the indentation of a line, up to line `last_line`
// (0-based) included, as an offset; npos when there is none.
std::size_t tab_in_indentation(const std::string& text, int last_line) {
  std::size_t start = 0;
  for (int line = 0; line <= last_line && start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::size_t i = start;
    std::size_t tab = std::string::npos;
    while (i < end && (text[i] == ' ' || text[i] == '\t')) {
      if (text[i] == '\t' && tab == std::string::npos) tab = i;
      ++i;
    }
    const bool content = i < end && text[i] != '#' && text[i] != '\r';
    if (tab != std::string::npos && content) return tab;
    start = end + 1;
  }
  return std::string::npos;
}

// yaml-cpp's messages name the parser's state ("end of map not found");
// these say what to look at in the text.
std::string plain_words(const std::string& message) {
  using namespace YAML::ErrorMsg;
  static const std::unordered_map<std::string_view, std::string_view> kWords = {
      {END_OF_MAP,
       "this line is not indented like the keys of its map: the keys of one "
       "map start in the same column, each written 'key: value'"},
      {END_OF_SEQ,
       "this line is not indented like the items of its list: the items of "
       "one list start in the same column, each with '- '"},
      {END_OF_MAP_FLOW,
       "a '{' is not closed: expected ',' or '}' before this point"},
      {END_OF_SEQ_FLOW,
       "a '[' is not closed: expected ',' or ']' before this point"},
      {MAP_VALUE,
       "unexpected ':' here: a key starts its own line, and a value that "
       "contains ': ' must be quoted"},
      {MAP_KEY, "unexpected '?' here: write keys as 'key: value'"},
      {BLOCK_ENTRY,
       "unexpected list item '- ' here: a list goes under its key, indented, "
       "and does not share a level with 'key: value' lines"},
      {FLOW_END, "a ']' or '}' that closes nothing"},
      {UNKNOWN_ANCHOR,
       "this alias (*name) names no anchor (&name) defined before it"},
      {TAB_IN_INDENTATION,
       "a tab character is used for indentation; YAML indents with spaces"},
      {UNKNOWN_TOKEN, "unexpected character"},
  };
  auto it = kWords.find(message);
  return it == kWords.end() ? message : std::string(it->second);
}

Diagnostic at(const std::string& file, int line, int column,
              std::string message) {
  return Diagnostic{Location{file, line, column, ""}, std::move(message)};
}

Diagnostic at_mark(const std::string& file, const YAML::Mark& mark,
                   std::string message) {
  if (mark.is_null()) return at(file, 0, 0, std::move(message));
  return at(file, mark.line + 1, mark.column + 1, std::move(message));
}

std::optional<Diagnostic> unclosed_quote(const std::string& text,
                                         const std::string& file,
                                         std::optional<std::size_t> quote) {
  if (!quote || closing_quote(text, *quote) != std::string::npos)
    return std::nullopt;
  const Position p = position_of(text, *quote);
  return at(file, p.line, p.column,
            fmt::format("invalid YAML: the quote {} opened here is never "
                        "closed",
                        text[*quote] == '"' ? "(\")" : "(')"));
}

// The diagnostic for a text yaml-cpp refuses: the likely cause in words,
// at the place to fix.
Diagnostic syntax_error(const std::string& text, const std::string& file,
                        const YAML::Exception& e,
                        std::optional<std::size_t> last_quote) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr)
    return at_mark(file, e.mark, "invalid YAML: " + nesting_message());
  const int error_line = e.mark.is_null() ? INT32_MAX : e.mark.line;
  if (std::size_t tab = tab_in_indentation(text, error_line);
      tab != std::string::npos) {
    const Position p = position_of(text, tab);
    return at(file, p.line, p.column,
              "invalid YAML: a tab character is used for indentation; YAML "
              "indents with spaces");
  }
  if (auto unclosed = unclosed_quote(text, file, last_quote)) return *unclosed;
  Diagnostic d = at_mark(file, e.mark, "invalid YAML: " + plain_words(e.msg));
  // A quote closed by the next value's opening quote swallows a line or
  // more and breaks the structure after it: point at where it opened.
  if (last_quote && !e.mark.is_null()) {
    const std::size_t close = closing_quote(text, *last_quote);
    const Position open = position_of(text, *last_quote);
    const Position end = position_of(text, close);
    if (end.line > open.line && end.line <= e.mark.line + 1)
      d.message += fmt::format(
          " (the quoted value opened at line {}, column {} runs on to line "
          "{}: is its closing quote missing?)",
          open.line, open.column, end.line);
  }
  return d;
}

// "1 MiB", "1.5 MiB", "512 KiB", "900 bytes".
std::string describe_size(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = kKiB * kKiB;
  if (bytes >= kMiB)
    return fmt::format("{:.3g} MiB", static_cast<double>(bytes) / kMiB);
  if (bytes >= kKiB)
    return fmt::format("{:.3g} KiB", static_cast<double>(bytes) / kKiB);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

std::optional<Diagnostic> check_size(std::size_t bytes,
                                     const std::string& file) {
  if (bytes <= YamlLimits::kMaxBytes) return std::nullopt;
  return at(file, 0, 0,
            fmt::format("the spec is {} ({} bytes); a spec may be at most {}",
                        describe_size(bytes), bytes,
                        describe_size(YamlLimits::kMaxBytes)));
}

LoadedYaml load_yaml(const std::string& text, const std::string& file) {
  LoadedYaml out;
  if ((out.error = check_size(text.size(), file))) return out;
  // Only the first document is read, as YAML::Load does.
  BoundsChecker bounds(text);
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    parser.HandleNextDocument(bounds);
  } catch (const LimitBroken& broken) {
    out.error = at_mark(file, broken.mark, broken.message);
    return out;
  } catch (const YAML::Exception& e) {
    out.error = syntax_error(text, file, e, bounds.last_quote());
    return out;
  }
  if (auto unclosed = unclosed_quote(text, file, bounds.last_quote())) {
    out.error = std::move(unclosed);
    return out;
  }
  try {
    out.root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    out.error = syntax_error(text, file, e, bounds.last_quote());
  }
  return out;
}

}  // namespace vigie::spec
