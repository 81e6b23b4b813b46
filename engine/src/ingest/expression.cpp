#include "ingest/expression.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <openssl/evp.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <set>

#include "ingest/lookup_table.hpp"
#include "table/parse.hpp"
#include "vigie/sdk/column.hpp"
#include "vigie/sdk/utc_text.hpp"

namespace vigie::ingest {

namespace {

// Microseconds in one unit of an epoch() count: 's', 'ms' or 'us'.
std::optional<int64_t> epoch_unit_micros(std::string_view unit) {
  if (unit == "s") return 1000000;
  if (unit == "ms") return 1000;
  if (unit == "us") return 1;
  return std::nullopt;
}

// 128-bit intermediates keep products of two scaled decimals exact.
__extension__ typedef __int128 Wide;

enum class Op { Column, Literal, Add, Sub, Mul, Div, Neg, Call };

// Rounds a / b to the nearest integer, half to even, exactly.
int64_t divide_rounded(Wide a, Wide b) {
  if (b < 0) a = -a, b = -b;
  Wide q = a / b;
  Wide r = a % b;
  if (r < 0) r = -r;
  const Wide twice = 2 * r;
  if (twice > b || (twice == b && (q % 2 != 0))) q += (a < 0) ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) throw EvaluationError("number too large");
  return static_cast<int64_t>(q);
}

}  // namespace

struct Expression::Node {
  Op op = Op::Literal;
  size_t height = 1;  // levels of the tree from this node down
  size_t column = 0;
  Value literal;
  std::string function;
  std::vector<std::unique_ptr<Node>> args;
  const LookupTable* table = nullptr;  // lookup()
  mutable int64_t misses = 0;          // lookup() keys that matched nothing
};

std::string Value::as_text() const {
  if (kind == Kind::Text) return text;
  if (kind == Kind::Null) return {};
  const int64_t whole = number / kDecimalScale;
  int64_t frac = number % kDecimalScale;
  std::string out = (number < 0 && whole == 0) ? "-0" : std::to_string(whole);
  if (frac != 0) {
    if (frac < 0) frac = -frac;
    std::string digits = fmt::format("{:04d}", frac);
    digits.erase(digits.find_last_not_of('0') + 1);
    out += "." + digits;
  }
  return out;
}

namespace {

// Evaluating and destroying a tree recurse once a level, and so does the
// parser for each parenthesis, sign or call: past this depth an expression
// is refused, rather than risk the stack. Real mappings nest a few levels.
constexpr size_t kMaxDepth = 100;

class Parser {
 public:
  Parser(std::string_view text, const std::vector<std::string>& columns,
         const std::map<std::string, LookupTable, std::less<>>* lookups)
      : text_(text), columns_(columns), lookups_(lookups) {}

  std::unique_ptr<Expression::Node> parse() {
    auto node = expr();
    skip_space();
    if (pos_ < text_.size()) fail(fmt::format("unexpected '{}'", text_[pos_]));
    return node;
  }

 private:
  using NodePtr = std::unique_ptr<Expression::Node>;

  [[noreturn]] void fail(const std::string& what) const {
    throw ExpressionError(fmt::format("in expression '{}' at character {}: {}",
                                      text_, pos_ + 1, what),
                          pos_ + 1);
  }
  void skip_space() {
    while (pos_ < text_.size() &&
           std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool accept(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  [[noreturn]] void too_deep() const {
    fail(fmt::format("nested more than {} levels deep", kMaxDepth));
  }
  // Sets the height of a node whose arguments are complete.
  NodePtr measured(NodePtr n) const {
    for (const auto& a : n->args)
      n->height = std::max(n->height, a->height + 1);
    if (n->height > kMaxDepth) too_deep();
    return n;
  }
  NodePtr binary(Op op, NodePtr a, NodePtr b) const {
    auto n = std::make_unique<Expression::Node>();
    n->op = op;
    n->args.push_back(std::move(a));
    n->args.push_back(std::move(b));
    return measured(std::move(n));
  }
  NodePtr expr() {
    auto left = term();
    for (;;) {
      if (accept('+'))
        left = binary(Op::Add, std::move(left), term());
      else if (accept('-'))
        left = binary(Op::Sub, std::move(left), term());
      else
        return left;
    }
  }
  NodePtr term() {
    auto left = factor();
    for (;;) {
      if (accept('*'))
        left = binary(Op::Mul, std::move(left), factor());
      else if (accept('/'))
        left = binary(Op::Div, std::move(left), factor());
      else
        return left;
    }
  }
  NodePtr column_node(const std::string& name) {
    auto it = std::find(columns_.begin(), columns_.end(), name);
    if (it == columns_.end()) {
      std::string known;
      for (const auto& c : columns_)
        if (c.empty() || c[0] != '_') known += (known.empty() ? "" : ", ") + c;
      fail(fmt::format("no source column '{}' (the source has: {})", name,
                       known));
    }
    auto n = std::make_unique<Expression::Node>();
    n->op = Op::Column;
    n->column = static_cast<size_t>(it - columns_.begin());
    return n;
  }
  NodePtr factor() {
    // Every recursion of the parser goes through here.
    struct Level {
      size_t& depth;
      ~Level() { --depth; }
    } level{++depth_};
    if (depth_ > kMaxDepth) too_deep();
    skip_space();
    if (pos_ >= text_.size()) fail("expected a value");
    const char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      auto inner = expr();
      if (!accept(')')) fail("expected ')'");
      return inner;
    }
    if (c == '-') {
      ++pos_;
      auto n = std::make_unique<Expression::Node>();
      n->op = Op::Neg;
      n->args.push_back(factor());
      return measured(std::move(n));
    }
    if (c == '\'') return string_literal();
    if (c == '`') {
      size_t end = text_.find('`', pos_ + 1);
      if (end == std::string_view::npos) fail("unterminated `column name`");
      std::string name(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return column_node(name);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      size_t start = pos_;
      while (pos_ < text_.size() &&
             (std::isdigit(static_cast<unsigned char>(text_[pos_])) ||
              text_[pos_] == '.'))
        ++pos_;
      auto v = table::parse_decimal(text_.substr(start, pos_ - start));
      if (!v) fail("bad number");
      auto n = std::make_unique<Expression::Node>();
      n->literal = Value::of_number(*v);
      return n;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = pos_;
      while (pos_ < text_.size() &&
             (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
              text_[pos_] == '_'))
        ++pos_;
      std::string name(text_.substr(start, pos_ - start));
      if (accept('(')) return call(name);
      return column_node(name);
    }
    fail(fmt::format("unexpected '{}'", c));
  }
  NodePtr string_literal() {
    std::string value;
    ++pos_;
    for (;;) {
      if (pos_ >= text_.size()) fail("unterminated 'text'");
      if (text_[pos_] == '\'') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
          value += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      value += text_[pos_++];
    }
    auto n = std::make_unique<Expression::Node>();
    n->literal = Value::of_text(value);
    return n;
  }
  NodePtr call(const std::string& name) {
    static const std::vector<std::pair<std::string, std::pair<size_t, size_t>>>
        kFunctions = {
            {"integer", {1, 1}},  {"trim", {1, 1}},    {"lower", {1, 1}},
            {"upper", {1, 1}},    {"concat", {1, 64}}, {"coalesce", {1, 64}},
            {"recode", {3, 129}}, {"seconds", {1, 1}}, {"lookup", {2, 2}},
            {"e164", {2, 2}},     {"sha256", {1, 1}},  {"epoch", {2, 2}}};
    auto f = std::find_if(kFunctions.begin(), kFunctions.end(),
                          [&](const auto& e) { return e.first == name; });
    if (f == kFunctions.end())
      fail(fmt::format(
          "unknown function '{}' (known: integer, trim, lower, "
          "upper, concat, coalesce, recode, seconds, epoch, lookup, "
          "e164, sha256)",
          name));
    auto n = std::make_unique<Expression::Node>();
    n->op = Op::Call;
    n->function = name;
    if (!accept(')')) {
      do n->args.push_back(expr());
      while (accept(','));
      if (!accept(')')) fail("expected ',' or ')'");
    }
    if (n->args.size() < f->second.first || n->args.size() > f->second.second)
      fail(fmt::format("'{}' takes {} to {} arguments, not {}", name,
                       f->second.first, f->second.second, n->args.size()));
    if (name == "lookup") bind_lookup(*n);
    if (name == "e164") check_region(*n->args[1]);
    if (name == "epoch") check_epoch_unit(*n->args[1]);
    return measured(std::move(n));
  }

  // lookup('id', key): the id is a text written in the expression, one of
  // the spec's lookups.
  void bind_lookup(Expression::Node& n) {
    const Expression::Node& id = *n.args[0];
    if (id.op != Op::Literal || id.literal.kind != Value::Kind::Text)
      fail("lookup() takes the id of a lookup as a quoted text first");
    std::vector<std::string> known;
    if (lookups_ != nullptr) {
      if (auto it = lookups_->find(id.literal.text); it != lookups_->end()) {
        n.table = &it->second;
        return;
      }
      for (const auto& entry : *lookups_) known.push_back(entry.first);
    }
    fail(known.empty()
             ? fmt::format("lookup '{}': the spec has no `lookups:`",
                           id.literal.text)
             : fmt::format("unknown lookup '{}' (the spec's lookups: {})",
                           id.literal.text, fmt::join(known, ", ")));
  }

  // e164(number, 'FR'): the default country is a quoted region code that
  // libphonenumber knows.
  void check_region(const Expression::Node& region) {
    std::set<std::string> regions;
    i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(
        &regions);
    if (region.op != Op::Literal || region.literal.kind != Value::Kind::Text ||
        !regions.contains(region.literal.text))
      fail(
          "e164() takes the default country as a quoted region code such "
          "as 'FR' or 'GB' second");
  }

  // epoch(x, 'ms'): the unit is a quoted 's', 'ms' or 'us'.
  void check_epoch_unit(const Expression::Node& unit) {
    if (unit.op != Op::Literal || unit.literal.kind != Value::Kind::Text ||
        !epoch_unit_micros(unit.literal.text))
      fail(
          "epoch() takes the unit of its count as a quoted 's', 'ms' or 'us' "
          "second");
  }

  std::string_view text_;
  const std::vector<std::string>& columns_;
  const std::map<std::string, LookupTable, std::less<>>* lookups_;
  size_t pos_ = 0;
  size_t depth_ = 0;  // calls of factor() under way
};

int64_t as_number(const Value& v) {
  if (v.kind == Value::Kind::Number) return v.number;
  auto parsed = table::parse_decimal(v.text);
  if (!parsed)
    throw EvaluationError(fmt::format("expected a number, got '{}'", v.text));
  return *parsed;
}

// "0:02:23", "2:23" or "143" as 143: the durations call-centre exports
// write. Every part after the first is below 60; no sign, no fraction.
int64_t duration_seconds(std::string_view text) {
  int64_t total = 0;
  size_t parts = 0;
  size_t at = 0;
  for (;;) {
    const size_t end = std::min(text.find(':', at), text.size());
    const std::string_view part = text.substr(at, end - at);
    int64_t value = 0;
    auto [past, ec] =
        std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || !std::isdigit(static_cast<unsigned char>(part[0])) ||
        ec != std::errc() || past != part.data() + part.size() ||
        (parts > 0 && (value >= 60 || part.size() != 2)) || ++parts > 3 ||
        total > (int64_t{1} << 40))
      throw EvaluationError(fmt::format(
          "expected a duration H:MM:SS, M:SS or seconds, got '{}'", text));
    total = total * (parts > 1 ? 60 : 1) + value;
    if (end == text.size()) return total;
    at = end + 1;
  }
}

// A phone number as written by a PBX or typed in a CRM ("06 12 34 56 78",
// "+33612345678", "0033 6 12 34 56 78") in E.164 ("+33612345678"), with
// `region` the country of numbers written without one; null for what no
// telephone network could route (an extension "101", "anonymous"), which
// is no customer's number rather than a bad row. libphonenumber: the
// numbering plans of every country are its job, not ours.
Value e164(const std::string& number, const std::string& region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util.Parse(number, region, &parsed) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      !util.IsPossibleNumber(parsed))
    return Value::null();
  std::string out;
  util.Format(parsed, PhoneNumberUtil::E164, &out);
  return Value::of_text(out);
}

// SHA-256 in lower-case hex: the form e-mail hashes of analytics tools
// take (sha256(lower(trim(email)))).
std::string sha256_hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(),
                 nullptr) != 1)
    throw EvaluationError("SHA-256 failed");
  std::string out;
  for (unsigned int i = 0; i < length; ++i)
    out += fmt::format("{:02x}", digest[i]);
  return out;
}

std::string transform(std::string s, int (*f)(int)) {
  for (char& c : s) c = static_cast<char>(f(static_cast<unsigned char>(c)));
  return s;
}

Value evaluate_node(const Expression::Node& n, const RowAccess& row);

// "1604192073036492" with 'us' as "2020-11-01T00:54:33.036492Z": a count
// since 1970-01-01T00:00:00Z (Unix time) as the ISO UTC text a timestamp
// column reads as an instant. Whole counts only; a number past the years
// 0000-9999 rejects the row.
Value epoch_text(std::string_view text, std::string_view unit) {
  const int64_t per_unit = *epoch_unit_micros(unit);
  int64_t count = 0;
  auto [past, ec] =
      std::from_chars(text.data(), text.data() + text.size(), count);
  if (text.empty() || ec != std::errc() || past != text.data() + text.size())
    throw EvaluationError(
        fmt::format("expected a whole count of {} since 1970, got '{}'",
                    unit == "s"    ? "seconds"
                    : unit == "ms" ? "milliseconds"
                                   : "microseconds",
                    text));
  int64_t micros = 0;
  std::optional<sdk::UtcText> utc;
  if (!__builtin_mul_overflow(count, per_unit, &micros))
    utc = unit == "s" ? sdk::utc_text(count, sdk::UtcUnit::kSeconds)
                      : sdk::utc_text(micros, sdk::UtcUnit::kMicroseconds);
  if (!utc)
    throw EvaluationError(fmt::format(
        "{} {} since 1970 is past the years 0000 to 9999", text, unit));
  return Value::of_text(std::string(utc->view()));
}

Value evaluate_call(const Expression::Node& n, const RowAccess& row) {
  const std::string& f = n.function;
  if (f == "coalesce") {
    for (const auto& a : n.args) {
      Value v = evaluate_node(*a, row);
      if (!v.is_null()) return v;
    }
    return Value::null();
  }
  if (f == "concat") {
    std::string out;
    for (const auto& a : n.args) out += evaluate_node(*a, row).as_text();
    return Value::of_text(out);
  }
  if (f == "lookup") {
    Value key = evaluate_node(*n.args[1], row);
    if (key.is_null()) return key;
    if (const std::string* value = n.table->find(key.as_text()))
      return Value::of_text(*value);
    ++n.misses;
    return Value::null();
  }
  Value x = evaluate_node(*n.args[0], row);
  if (f == "recode") {
    const std::string key = x.as_text();
    size_t i = 1;
    for (; i + 1 < n.args.size(); i += 2)
      if (evaluate_node(*n.args[i], row).as_text() == key)
        return evaluate_node(*n.args[i + 1], row);
    if (i < n.args.size()) return evaluate_node(*n.args[i], row);  // default
    if (x.is_null()) return x;
    throw EvaluationError(
        fmt::format("'{}' is not one of the recoded values", key));
  }
  if (x.is_null()) return x;
  if (f == "integer") {
    const int64_t v = as_number(x);
    if (v % kDecimalScale != 0)
      throw EvaluationError(
          fmt::format("expected a whole number, got '{}'", x.as_text()));
    return Value::of_text(std::to_string(v / kDecimalScale));
  }
  std::string s = x.as_text();
  if (f == "seconds")
    return Value::of_text(std::to_string(duration_seconds(s)));
  if (f == "e164") return e164(s, n.args[1]->literal.text);
  if (f == "epoch") return epoch_text(s, n.args[1]->literal.text);
  if (f == "sha256") return Value::of_text(sha256_hex(s));
  if (f == "trim") {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return Value::null();
    s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
    return Value::of_text(s);
  }
  if (f == "lower") return Value::of_text(transform(s, &::tolower));
  return Value::of_text(transform(s, &::toupper));  // upper
}

Value evaluate_node(const Expression::Node& n, const RowAccess& row) {
  switch (n.op) {
    case Op::Column:
      return row.column(n.column);
    case Op::Literal:
      return n.literal;
    case Op::Call:
      return evaluate_call(n, row);
    case Op::Neg: {
      Value v = evaluate_node(*n.args[0], row);
      if (v.is_null()) return v;
      // The smallest int64 has no positive counterpart.
      const int64_t x = as_number(v);
      if (x == INT64_MIN) throw EvaluationError("number too large");
      return Value::of_number(-x);
    }
    default:
      break;
  }
  Value a = evaluate_node(*n.args[0], row);
  Value b = evaluate_node(*n.args[1], row);
  if (a.is_null() || b.is_null()) return Value::null();
  const Wide x = as_number(a);
  const Wide y = as_number(b);
  Wide r = 0;
  switch (n.op) {
    case Op::Add:
      r = x + y;
      break;
    case Op::Sub:
      r = x - y;
      break;
    case Op::Mul:
      return Value::of_number(divide_rounded(x * y, kDecimalScale));
    case Op::Div:
      if (y == 0) throw EvaluationError("division by zero");
      return Value::of_number(divide_rounded(x * kDecimalScale, y));
    default:
      break;
  }
  if (r > INT64_MAX || r < INT64_MIN) throw EvaluationError("number too large");
  return Value::of_number(static_cast<int64_t>(r));
}

}  // namespace

Expression::Expression(std::unique_ptr<Node> root) : root_(std::move(root)) {}
Expression::~Expression() = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;

Expression Expression::parse(
    std::string_view text, const std::vector<std::string>& columns,
    const std::map<std::string, LookupTable, std::less<>>* lookups) {
  return Expression(Parser(text, columns, lookups).parse());
}

namespace {

int64_t misses_under(const Expression::Node& n) {
  int64_t total = n.misses;
  for (const auto& a : n.args) total += misses_under(*a);
  return total;
}

}  // namespace

int64_t Expression::unmatched() const { return misses_under(*root_); }

namespace {

bool has_lookup(const Expression::Node& n) {
  if (n.table != nullptr) return true;
  for (const auto& a : n.args)
    if (has_lookup(*a)) return true;
  return false;
}

}  // namespace

bool Expression::consults_lookup() const { return has_lookup(*root_); }

Value Expression::evaluate(const RowAccess& row) const {
  return evaluate_node(*root_, row);
}

std::optional<size_t> Expression::single_column() const {
  if (root_->op == Op::Column) return root_->column;
  return std::nullopt;
}

}  // namespace vigie::ingest
