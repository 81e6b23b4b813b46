#include "connection_string.hpp"

#include <algorithm>
#include <cctype>
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

}  // namespace

std::string backend_of(std::string_view url) {
  size_t end = url.find(kSchemeEnd);
  if (end == std::string_view::npos || end == 0)
    throw std::runtime_error(
        "option 'url' must start with the backend name, e.g. "
        "sqlite3://db=crm.sqlite or postgresql://host=... dbname=...");
  return std::string(url.substr(0, end));
}

std::string with_password(const std::string& url, const std::string& password) {
  if (password.empty()) return url;
  std::string backend = backend_of(url);
  if (backend == "odbc") {
    std::string out = url;
    if (!out.empty() && out.back() != ';') out += ';';
    return out + "PWD=" + odbc_braced(password);
  }
  if (backend == "postgresql" || backend == "mysql")
    return url + " password=" + libpq_quoted(password);
  throw std::runtime_error("option 'password' is not used by the " + backend +
                           " backend");
}

std::vector<std::string> secrets_of(const std::string& url,
                                    const std::string& password) {
  std::vector<std::string> out;
  if (!password.empty()) out.push_back(password);
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
