// Reads a CRM table, or the result of a SQL query, from any database SOCI
// reaches: the backend (sqlite3, postgresql, odbc, ...) is named by the URL
// and loaded at run time, so nothing here depends on one of them. Every
// column leaves as text (the engine's mapping types it) plus `_line`, the
// 1-based row number. Rows are handed over `batch_rows` at a time and a
// table is never held whole: PostgreSQL's client library would load a
// whole result before the first row, so there the rows come through a
// server-side cursor, `batch_rows` at a time; other backends step through
// the result row by row.
#include <cctype>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "connect_failure.hpp"
#include "connection_string.hpp"
#include "row_text.hpp"
#include "sqlite_file.hpp"
#include "vigie/sdk.hpp"

namespace vigie::crm_sql {
namespace {

constexpr const char* kLineColumn = "_line";

// Table names are pasted into the SQL text: only identifiers, optionally
// schema-qualified or double-quoted, are accepted.
bool is_table_name(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
              c == '.' || c == '"' || c == '$';
    if (!ok) return false;
  }
  return true;
}

struct Source {
  std::string connect;               // the URL with the password added
  bool server_cursor = false;        // fetch through DECLARE ... CURSOR
  std::vector<std::string> secrets;  // never shown in a message
  std::string sql;
  std::string what;  // "table orders" or "query", for messages
  size_t batch_rows = 10000;
};

// Runs a database step; a failure becomes an error naming the table or
// query, with the secrets hidden.
template <class Fn>
auto guard(const Source& source, const char* step, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot " + std::string(step) + " " + source.what +
                             ": " + redact(e.what(), source.secrets));
  }
}

class SqlReader : public vigie::sdk::BatchReader {
 public:
  explicit SqlReader(const Source& source) : source_(source) {
    // Outside the try below: a missing file is no connection failure.
    const std::string connect = read_only_sqlite(source_.connect);
    try {
      session_ = std::make_unique<soci::session>(connect);
    } catch (const std::exception& e) {
      std::string message = "cannot connect to the database: " +
                            redact(e.what(), source_.secrets);
      // Only a failure that may pass is retried by the engine: a
      // malformed URL or an unknown backend fails at once.
      if (is_transient_connect_failure(e.what()))
        throw vigie::sdk::RetryableError(message);
      throw std::runtime_error(message);
    }
    guard(source_, "run", [&] {
      if (source_.server_cursor) {
        session_->begin();  // a cursor lives in a transaction
        *session_ << "DECLARE vigie_rows NO SCROLL CURSOR FOR " + source_.sql;
        start(fetch_sql_ = "FETCH FORWARD " +
                           std::to_string(source_.batch_rows) +
                           " FROM vigie_rows");
      } else {
        start(source_.sql);
      }
    });
    for (size_t i = 0; i < row_->size(); ++i) {
      std::string name = row_->get_properties(i).get_name();
      if (name == kLineColumn)
        throw std::runtime_error(source_.what + " has a column named '" +
                                 kLineColumn + "', which the connector adds");
      columns_.push_back(std::move(name));
    }
  }

  std::vector<vigie::sdk::Field> schema() override {
    std::vector<vigie::sdk::Field> fields;
    for (const auto& c : columns_) fields.push_back({c, vigie::Type::String});
    fields.push_back({kLineColumn, vigie::Type::Int64});
    return fields;
  }

  std::optional<vigie::Table> next() override {
    if (!has_row_) return std::nullopt;
    vigie::Table batch;
    for (const auto& c : columns_) batch.add(c, vigie::Type::String);
    auto& line = batch.add(kLineColumn, vigie::Type::Int64);
    for (size_t n = 0; has_row_ && n < source_.batch_rows; ++n) {
      for (size_t c = 0; c < columns_.size(); ++c) {
        auto text =
            guard(source_, "read", [&] { return value_text(*row_, c); });
        if (text)
          batch.columns[c].push_string(*text);
        else
          batch.columns[c].push_null();
      }
      line.push_int(++rows_read_);
      guard(source_, "read", [&] { advance(); });
    }
    return batch;
  }

 private:
  // Runs `sql` and reads its first row.
  void start(const std::string& sql) {
    row_ = std::make_unique<soci::row>();
    statement_ = std::make_unique<soci::statement>(
        (session_->prepare << sql, soci::into(*row_)));
    has_row_ = statement_->execute(true);
    rows_in_step_ = has_row_ ? 1 : 0;
  }

  // The next row; with a cursor, a full step means there may be more.
  void advance() {
    has_row_ = statement_->fetch();
    if (has_row_) {
      ++rows_in_step_;
    } else if (source_.server_cursor && rows_in_step_ == source_.batch_rows) {
      start(fetch_sql_);
    }
  }

  Source source_;
  std::unique_ptr<soci::session> session_;
  std::unique_ptr<soci::row> row_;
  std::unique_ptr<soci::statement> statement_;
  std::string fetch_sql_;
  size_t rows_in_step_ = 0;
  std::vector<std::string> columns_;
  bool has_row_ = false;
  int64_t rows_read_ = 0;
};

class CrmSqlConnector : public vigie::sdk::Connector {
 public:
  explicit CrmSqlConnector(const vigie::sdk::Config& config) {
    std::string url = config.required("url");
    std::string password = config.string("password");
    source_.secrets = secrets_of(url, password);
    source_.connect = with_password(url, password);
    source_.server_cursor = backend_of(url) == "postgresql";

    std::string table = config.string("table");
    std::string query = config.string("query");
    if (table.empty() == query.empty())
      throw std::runtime_error(
          "give exactly one of the options 'table' and 'query'");
    if (!table.empty()) {
      if (!is_table_name(table))
        throw std::runtime_error("option 'table': '" + table +
                                 "' is not a table name");
      source_.sql = "SELECT * FROM " + table;
      source_.what = "table " + table;
    } else {
      source_.sql = query;
      source_.what = "query";
    }
    int64_t batch_rows = config.integer("batch_rows", 10000);
    if (batch_rows < 1)
      throw std::runtime_error("option 'batch_rows' must be at least 1");
    source_.batch_rows = static_cast<size_t>(batch_rows);
  }

  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    return std::make_unique<SqlReader>(source_);
  }

  std::string origin() const override { return source_.what; }

 private:
  Source source_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "url", nullptr, true,
                       "SOCI connection URL: sqlite3://db=crm.sqlite, "
                       "postgresql://user@host:5432/crm or "
                       "postgresql://host=... dbname=..., odbc://DSN=...",
                       true),
    vigie::sdk::option(VIGIE_OPTION_STRING, "password", nullptr, false,
                       "password added to the connection URL", true),
    vigie::sdk::option(VIGIE_OPTION_STRING, "table", nullptr, false,
                       "table to read whole (or give 'query')"),
    vigie::sdk::option(VIGIE_OPTION_STRING, "query", nullptr, false,
                       "SQL query whose result is read (or give 'table')"),
    vigie::sdk::option(VIGIE_OPTION_INT, "batch_rows", "10000", false,
                       "rows fetched and handed over at a time"),
};

}  // namespace
}  // namespace vigie::crm_sql

VIGIE_CONNECTOR_PLUGIN(vigie::crm_sql::CrmSqlConnector, "crm_sql", "1.0.0",
                       "Reads a CRM table or SQL query through SOCI "
                       "(SQLite, PostgreSQL, ODBC)",
                       vigie::crm_sql::kOptions)
