// Reads a CRM table, or the result of a SQL query, from any database SOCI
// reaches: the backend (sqlite3, postgresql, odbc, ...) is named by the URL.
// Every column leaves as text (the engine's mapping types it) plus `_line`,
// the 1-based row number. ODBC sources are fetched by odbc_reader.cpp, the
// others by soci_reader.cpp. The connector never writes: see
// read_only_query.hpp for its three locks.
#include <cctype>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "connection_string.hpp"
#include "odbc_reader.hpp"
#include "read_only_query.hpp"
#include "soci_reader.hpp"
#include "source.hpp"
#include "vigie/sdk.hpp"

namespace vigie::crm_sql {
namespace {

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

class CrmSqlConnector : public vigie::sdk::Connector {
 public:
  explicit CrmSqlConnector(const vigie::sdk::Config& config) {
    std::string url = config.required("url");
    std::string password = config.string("password");
    source_.secrets = secrets_of(url, password);
    source_.connect = with_password(url, password);
    source_.backend = backend_of(url);

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
      check_read_only_query(query);
      source_.sql = query;
      source_.what = "query";
    }
    int64_t batch_rows = config.integer("batch_rows", 10000);
    if (batch_rows < 1)
      throw std::runtime_error("option 'batch_rows' must be at least 1");
    source_.batch_rows = static_cast<size_t>(batch_rows);
    source_.timeout_seconds = config.integer("timeout", 0);
    if (source_.timeout_seconds < 0)
      throw std::runtime_error("option 'timeout' must be 0 (none) or more");
  }

  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    if (source_.backend == "odbc") return open_odbc_reader(source_);
    return open_soci_reader(source_);
  }

  std::string origin() const override { return source_.what; }

 private:
  Source source_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "url", nullptr, true,
                       "SOCI connection URL: sqlite3://db=crm.sqlite, "
                       "postgresql://user@host:5432/crm or "
                       "postgresql://host=... dbname=..., odbc://DSN=crm or "
                       "odbc://DRIVER={PostgreSQL Unicode};SERVER=...",
                       true),
    vigie::sdk::option(VIGIE_OPTION_STRING, "password", nullptr, false,
                       "password added to the connection URL", true),
    vigie::sdk::option(VIGIE_OPTION_STRING, "table", nullptr, false,
                       "table to read whole (or give 'query')"),
    vigie::sdk::option(VIGIE_OPTION_STRING, "query", nullptr, false,
                       "SQL query whose result is read (or give 'table')"),
    vigie::sdk::option(VIGIE_OPTION_INT, "batch_rows", "10000", false,
                       "rows fetched and handed over at a time"),
    vigie::sdk::option(VIGIE_OPTION_INT, "timeout", "0", false,
                       "seconds a statement may run before the database "
                       "stops it; 0: no limit"),
};

}  // namespace
}  // namespace vigie::crm_sql

VIGIE_CONNECTOR_PLUGIN(vigie::crm_sql::CrmSqlConnector, "crm_sql", "1.0.0",
                       "Reads a CRM table or SQL query through SOCI "
                       "(SQLite, PostgreSQL, ODBC)",
                       vigie::crm_sql::kOptions)
