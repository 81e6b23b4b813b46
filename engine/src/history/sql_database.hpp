// A SQL database named by a URL, opened with SOCI (its backends load by
// name at run time): the state database, or a database a spec queries
// (a burst's recipients). "sqlite3://PATH" or a plain path for SQLite;
// "postgresql://user@host/db" (libpq's URI) or "postgresql://host=...
// dbname=..." (its keyword pairs) for PostgreSQL, the password from libpq's
// own PGPASSWORD or ~/.pgpass, never from the URL of a file anyone reads.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace vigie::history {

struct SqlDatabase {
  std::unique_ptr<soci::session> session;
  // "sqlite3 /path/db.sqlite", "postgresql://vigie:***@db/vigie": for
  // messages, with no password.
  std::string name;
  bool postgresql = false;

  SqlDatabase();
  SqlDatabase(SqlDatabase&&) noexcept;
  SqlDatabase& operator=(SqlDatabase&&) noexcept;
  ~SqlDatabase();
};

// Throws std::runtime_error naming `what` ("state database") and the
// database, its password hidden.
SqlDatabase open_sql_database(const std::string& url, std::string_view what);

}  // namespace vigie::history
