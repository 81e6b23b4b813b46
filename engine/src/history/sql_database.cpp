#include "history/sql_database.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <cctype>

#include "secrets/redactor.hpp"

namespace vigie::history {
namespace {

constexpr std::string_view kSchemeEnd = "://";

// libpq's keyword form ("host=db dbname=vigie") starts with a keyword and
// '='; its URI form ("user@db/vigie") does not.
bool is_keyword_form(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() &&
         (std::isalnum(static_cast<unsigned char>(rest[i])) || rest[i] == '_'))
    ++i;
  return i > 0 && i < rest.size() && rest[i] == '=';
}

// SOCI's sqlite3 backend reads "key=value" pairs: the path is given in
// double quotes (it may hold spaces), which SOCI has no way to escape.
std::string sqlite_connect_string(const std::string& path,
                                  std::string_view what) {
  if (path.find('"') != std::string::npos)
    throw std::runtime_error(
        fmt::format("{} {}: a path holding a double quote cannot be opened "
                    "(SOCI's connection strings cannot escape it)",
                    what, path));
  // timeout: a second scheduler on the same file waits for the first
  // one's write to end (SQLite's busy timeout) rather than failing.
  return "db=\"" + path + "\" timeout=30";
}

}  // namespace

SqlDatabase::SqlDatabase() = default;
SqlDatabase::SqlDatabase(SqlDatabase&&) noexcept = default;
SqlDatabase& SqlDatabase::operator=(SqlDatabase&&) noexcept = default;
SqlDatabase::~SqlDatabase() = default;

SqlDatabase open_sql_database(const std::string& url, std::string_view what) {
  SqlDatabase db;
  std::string backend = "sqlite3", connect;
  const std::size_t scheme = url.find(kSchemeEnd);
  const std::string rest = scheme == std::string::npos
                               ? url
                               : url.substr(scheme + kSchemeEnd.size());
  if (scheme != std::string::npos) backend = url.substr(0, scheme);
  if (backend == "sqlite3" || backend == "sqlite") {
    backend = "sqlite3";
    connect = sqlite_connect_string(rest, what);
    db.name = "sqlite3 " + rest;
  } else if (backend == "postgresql" || backend == "postgres") {
    // libpq reads both of its forms itself: the URI with its scheme, the
    // keyword pairs without.
    connect = is_keyword_form(rest) ? rest : "postgresql://" + rest;
    backend = "postgresql";
    db.name = secrets::redact(url);
    db.postgresql = true;
  } else {
    throw std::runtime_error(
        fmt::format("{} '{}': expected sqlite3://PATH, a file path, or "
                    "postgresql://user@host/db",
                    what, secrets::redact(url)));
  }
  try {
    db.session = std::make_unique<soci::session>(backend, connect);
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("cannot open the {} {}: {}", what,
                                         db.name, secrets::redact(e.what())));
  }
  return db;
}

}  // namespace vigie::history
