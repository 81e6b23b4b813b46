#include "connection_string.hpp"

#include <libpq-fe.h>
#include <algorithm>
#include <cctype>

#include <memory>
#include <stdexcept>

namespace vigie::crm_sql {
namespace {

constexpr std::string_view kSchemeEnd = "://";

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// libpq conninfo syntax: a quoted value, with \ and ' escaped.
std::string libpq_quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// ODBC connection-string syntax: a braced value, with } doubled.
std::string odbc_braced(const std::string& value) {
  std::string out = "{";
  for (char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  return out + "}";
}

// True for "host=db dbname=crm", false for "report@db/crm": libpq's
// keyword form starts with a keyword and '='.
bool is_keyword_form(std::string_view rest) {
  size_t start = rest.find_first_not_of(" \t");
  if (start == std::string_view::npos) return false;
  size_t i = start;
  while (i < rest.size() &&
         (std::isalnum(static_cast<unsigned char>(rest[i])) || rest[i] == '_'))
    ++i;
  return i > start && i < rest.size() && (rest[i] == '=' || rest[i] == ' ');
}

}  // namespace

std::string postgresql_keywords(std::string_view url) {
  const std::string_view rest = url.substr(url.find(kSchemeEnd) + 3);
  // libpq reads the URI form only with its scheme, and SOCI hands it
  // what follows the scheme: a URI is parsed here, by libpq's own parser.
  const std::string text(is_keyword_form(rest) ? rest : url);
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
      PQconninfoParse(text.c_str(), &error), &PQconninfoFree);
  if (!options) {
    std::string reason = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    throw std::invalid_argument(
        "option 'url' is not a PostgreSQL connection "
        "string (postgresql://user@host:port/db or "
        "postgresql://host=... dbname=...): " +
        reason);
  }
  std::string pairs;
  for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o)
    if (o->val != nullptr)
      pairs += (pairs.empty() ? "" : " ") + std::string(o->keyword) + "=" +
               libpq_quoted(o->val);
  return "postgresql://" + pairs;
}

std::string backend_of(std::string_view url) {
  size_t end = url.find(kSchemeEnd);
  if (end == std::string_view::npos || end == 0)
    throw std::runtime_error(
        "option 'url' must start with the backend name, e.g. "
        "sqlite3://db=crm.sqlite or postgresql://host=... dbname=...");
  return std::string(url.substr(0, end));
}

std::string with_password(const std::string& url, const std::string& password) {
  std::string backend = backend_of(url);
  if (backend == "postgresql") {
    std::string keywords = postgresql_keywords(url);
    return password.empty() ? keywords
                            : keywords + " password=" + libpq_quoted(password);
  }
  if (password.empty()) return url;
  if (backend == "odbc") {
    std::string out = url;
    if (!out.empty() && out.back() != ';') out += ';';
    return out + "PWD=" + odbc_braced(password);
  }
  if (backend == "mysql") return url + " password=" + libpq_quoted(password);
  throw std::runtime_error("option 'password' is not used by the " + backend +
                           " backend");
}

std::vector<std::string> secrets_of(const std::string& url,
                                    const std::string& password) {
  std::vector<std::string> out;
  if (!password.empty()) out.push_back(password);
  // user:PASSWORD@ of a URL; libpq percent-decodes it, so both forms.
  if (size_t scheme = url.find(kSchemeEnd);
      scheme != std::string::npos &&
      !is_keyword_form(std::string_view(url).substr(scheme + 3))) {
    size_t start = scheme + kSchemeEnd.size();
    size_t end = url.find_first_of("/?# ", start);
    std::string_view authority(
        url.data() + start,
        (end == std::string::npos ? url.size() : end) - start);
    size_t at = authority.rfind('@');
    size_t colon = authority.substr(0, at).find(':');
    if (at != std::string_view::npos && colon != std::string_view::npos &&
        colon + 1 < at) {
      out.emplace_back(authority.substr(colon + 1, at - colon - 1));
      // libpq percent-decodes it: the decoded form is hidden too.
      if (url.rfind("postgresql", 0) == 0) {
        try {
          for (auto& s : secrets_of(postgresql_keywords(url), ""))
            out.push_back(std::move(s));
        } catch (const std::invalid_argument&) {
          // libpq cannot read the URL: the connection fails at once, and
          // the password as written is hidden above.
        }
      }
    }
  }
  // key=value pairs are separated by spaces (libpq) or ';' (ODBC).
  size_t start = url.find(kSchemeEnd);
  start = start == std::string::npos ? 0 : start + kSchemeEnd.size();
  while (start < url.size()) {
    size_t end = url.find_first_of(" ;", start);
    if (end == std::string::npos) end = url.size();
    std::string_view pair(url.data() + start, end - start);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos) {
      std::string_view key = pair.substr(0, eq);
      std::string_view value = pair.substr(eq + 1);
      if ((iequals(key, "password") || iequals(key, "pwd")) && !value.empty()) {
        out.emplace_back(value);
        // A quoted or braced value is also hidden without its delimiters.
        bool delimited = value.size() > 2 &&
                         ((value.front() == '\'' && value.back() == '\'') ||
                          (value.front() == '{' && value.back() == '}'));
        if (delimited) out.emplace_back(value.substr(1, value.size() - 2));
      }
    }
    start = end + 1;
  }
  // Longest first, so that a secret containing another is hidden whole.
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  return out;
}

std::string redact(std::string message,
                   const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (size_t at = message.find(secret); at != std::string::npos;
         at = message.find(secret, at + 3))
      message.replace(at, secret.size(), "***");
  }
  return message;
}

}  // namespace vigie::crm_sql
