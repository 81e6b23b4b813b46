// A small scanner rather than an SQL parser: it only has to find where
// comments and quoted text end, which every dialect the connector reaches
// writes alike ('...', "...", -- and /* */).
#include "read_only_query.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

namespace vigie::crm_sql {
namespace {

// The index past the comment or quoted text starting at `at`, or `at`
// when none starts there.
size_t skip_comment_or_quote(std::string_view sql, size_t at) {
  if (sql.compare(at, 2, "--") == 0) {
    size_t end = sql.find('\n', at);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (sql.compare(at, 2, "/*") == 0) {
    size_t end = sql.find("*/", at + 2);
    if (end == std::string_view::npos)
      throw std::runtime_error("option 'query': a /* comment never closes");
    return end + 2;
  }
  if (sql[at] == '\'' || sql[at] == '"') {
    size_t end = sql.find(sql[at], at + 1);
    if (end == std::string_view::npos)
      throw std::runtime_error(std::string("option 'query': a ") + sql[at] +
                               " quote never closes");
    return end + 1;  // a doubled quote reads as two quoted texts: same end
  }
  return at;
}

// The index of the first character that is neither blank nor comment.
size_t skip_blanks(std::string_view sql, size_t at) {
  while (at < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[at]))) {
      ++at;
    } else if (sql.compare(at, 2, "--") == 0 || sql.compare(at, 2, "/*") == 0) {
      at = skip_comment_or_quote(sql, at);
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

void check_read_only_query(std::string_view sql) {
  const size_t start = skip_blanks(sql, 0);
  size_t word_end = start;
  while (word_end < sql.size() &&
         std::isalpha(static_cast<unsigned char>(sql[word_end])))
    ++word_end;
  std::string word(sql.substr(start, word_end - start));
  std::transform(word.begin(), word.end(), word.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  constexpr std::array<std::string_view, 4> kReading = {"select", "with",
                                                        "values", "table"};
  if (std::find(kReading.begin(), kReading.end(), word) == kReading.end())
    throw std::runtime_error(
        "option 'query' must be one statement that reads (SELECT, WITH, "
        "VALUES or TABLE), got '" +
        std::string(sql.substr(start, std::min<size_t>(word_end - start, 20) +
                                          (word.empty() ? 1 : 0))) +
        "'");
  for (size_t at = word_end; at < sql.size();) {
    size_t past = skip_comment_or_quote(sql, at);
    if (past != at) {
      at = past;
    } else if (sql[at] == ';') {
      if (skip_blanks(sql, at + 1) != sql.size())
        throw std::runtime_error(
            "option 'query' must be one statement: text follows the ';'");
      return;
    } else {
      ++at;
    }
  }
}

}  // namespace vigie::crm_sql
