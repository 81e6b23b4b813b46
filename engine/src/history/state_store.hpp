// The state database of unattended runs: which (report, slot) ran, who
// holds its lease, and the outbox of e-mails. SQLite by default (a file
// beside the specs), PostgreSQL by URL so that schedulers on several
// machines share one schedule; both through SOCI, whose backends load by
// name at run time. docs/scheduling.md describes the tables.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace vigie::history {

// The database cannot be opened, or a statement failed: the message names
// the database (its password hidden) and the statement's purpose.
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Seconds since 1970-01-01 UTC: every time in the state database.
// long long: the type SOCI exchanges as a 64-bit integer on every backend.
using Seconds = long long;

class StateStore {
 public:
  // `url`: "postgresql://user@host/db" (libpq's URI or
  // "postgresql://host=... dbname=..." keyword form), "sqlite3://PATH", or
  // a plain file path (SQLite). Creates the tables when missing.
  static std::unique_ptr<StateStore> open(const std::string& url);

  // The default database of a folder of specs: vigie-state.sqlite in it.
  static std::string default_url(const std::filesystem::path& specs_dir);

  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  soci::session& sql() { return *session_; }
  // "sqlite3 vigie-state.sqlite", "postgresql://vigie:***@db/vigie": for
  // messages, with no password.
  const std::string& name() const { return name_; }
  bool is_postgresql() const { return postgresql_; }

  // The error of a statement that failed: the database, what was being
  // done, and the backend's reason, secrets hidden.
  StateError failure(std::string_view doing, const std::exception& e) const;

 private:
  StateStore(std::unique_ptr<soci::session> session, std::string name,
             bool postgresql);
  void create_tables();

  std::unique_ptr<soci::session> session_;
  std::string name_;
  bool postgresql_ = false;
};

}  // namespace vigie::history
