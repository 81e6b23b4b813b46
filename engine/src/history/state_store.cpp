#include "history/state_store.hpp"

#include "history/sql_database.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include "secrets/redactor.hpp"

namespace vigie::history {
namespace {

// Every statement of the schema, in order; each is idempotent, so that
// two schedulers starting together both succeed.
constexpr std::string_view kSchema[] = {
    // One row a (report, slot) ever: the primary key is the promise that
    // a slot runs once, whatever the number of schedulers.
    R"(CREATE TABLE IF NOT EXISTS vigie_runs (
  report_id TEXT NOT NULL,
  slot TEXT NOT NULL,
  slot_at BIGINT NOT NULL,
  run_id TEXT NOT NULL,
  period TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  next_attempt_at BIGINT,
  report_dir TEXT,
  error TEXT,
  note TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (report_id, slot)))",
    // One row a (run, burst instance, recipient): written before the
    // first attempt, done only on the server's final 2xx.
    R"(CREATE TABLE IF NOT EXISTS vigie_deliveries (
  run_id TEXT NOT NULL,
  instance TEXT NOT NULL,
  recipient TEXT NOT NULL,
  report_id TEXT NOT NULL,
  slot TEXT NOT NULL,
  report_dir TEXT NOT NULL,
  message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_code INTEGER,
  last_reply TEXT,
  note TEXT,
  next_attempt_at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (run_id, instance, recipient)))",
    "CREATE INDEX IF NOT EXISTS vigie_deliveries_due ON vigie_deliveries "
    "(status, next_attempt_at)",
    // When a scheduler first served each report: slots before it were
    // never missed, so catching up never starts earlier.
    R"(CREATE TABLE IF NOT EXISTS vigie_reports (
  report_id TEXT NOT NULL PRIMARY KEY,
  first_seen_at BIGINT NOT NULL))",
};

}  // namespace

std::string StateStore::default_url(const std::filesystem::path& specs_dir) {
  return "sqlite3://" + (specs_dir / "vigie-state.sqlite").string();
}

std::unique_ptr<StateStore> StateStore::open(const std::string& url) {
  SqlDatabase db;
  try {
    db = open_sql_database(url, "state database");
  } catch (const std::runtime_error& e) {
    throw StateError(e.what());
  }
  std::unique_ptr<StateStore> store(
      new StateStore(std::move(db.session), db.name, db.postgresql));
  store->create_tables();
  return store;
}

StateStore::StateStore(std::unique_ptr<soci::session> session, std::string name,
                       bool postgresql)
    : session_(std::move(session)),
      name_(std::move(name)),
      postgresql_(postgresql) {}

StateStore::~StateStore() = default;

StateError StateStore::failure(std::string_view doing,
                               const std::exception& e) const {
  return StateError(fmt::format("state database {}: cannot {}: {}", name_,
                                doing, secrets::redact(e.what())));
}

void StateStore::create_tables() {
  try {
    if (postgresql_) {
      // CREATE ... IF NOT EXISTS is not safe against a concurrent one in
      // PostgreSQL (both may try to create the row type): one at a time.
      soci::transaction tx(*session_);
      *session_ << "SELECT pg_advisory_xact_lock(7243101)";
      for (auto statement : kSchema) *session_ << std::string(statement);
      tx.commit();
    } else {
      // WAL: readers (vigie history) never block a scheduler's writes;
      // FULL: a delivery marked done survives a power cut.
      *session_ << "PRAGMA journal_mode=WAL";
      *session_ << "PRAGMA synchronous=FULL";
      for (auto statement : kSchema) *session_ << std::string(statement);
    }
  } catch (const std::exception& e) {
    throw StateError(
        fmt::format("cannot create the tables of the state "
                    "database {}: {}",
                    name_, secrets::redact(e.what())));
  }
}

}  // namespace vigie::history
