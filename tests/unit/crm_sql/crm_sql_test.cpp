// The crm_sql connector plugin, run as the engine runs a source (the built
// plugin through plugin_host::Connector, batches checked against their
// schema), reading SQLite files this test writes.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/load_plugin.hpp"
#include "support/run_connector.hpp"

namespace {

namespace fs = std::filesystem;
using vigie::testing::ConnectorStep;

using Cells = std::vector<std::optional<std::string>>;

// Runs the connector; every column it declares is text but `_line`.
vigie::testing::ConnectorRun run(
    const std::map<std::string, std::string>& options) {
  vigie::testing::ConnectorRun r =
      vigie::testing::run_connector("crm_sql", options);
  for (size_t i = 0; i < r.columns.size(); ++i)
    EXPECT_EQ(r.formats[i], r.columns[i] == "_line" ? "l" : "u");
  return r;
}

// Column `index` of a batch as text (nullopt for NULL).
Cells text(const vigie::Table& batch, size_t index) {
  const vigie::Column& column = batch.columns[index];
  Cells cells;
  for (int64_t row = 0; row < batch.rows(); ++row)
    cells.push_back(column.is_valid(row)
                        ? std::optional<std::string>(column.string_at(row))
                        : std::nullopt);
  return cells;
}

std::vector<int64_t> lines(const vigie::Table& batch) {
  return batch.find("_line")->ints;
}

class CrmSqlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie_crm_sql_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    db_path_ = (dir_ / "crm.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void sql(const std::string& text) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err);
    std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }
  std::string url() const { return "sqlite3://db=" + db_path_; }

  fs::path dir_;
  std::string db_path_;
};

TEST(CrmSqlPlugin, DescribesItselfAsAConnectorWithSecretUrlAndPassword) {
  // The host's loader has checked the ABI; the descriptor as it reads it.
  auto library = vigie::testing::load_plugin("crm_sql");
  const auto& info = library->info();
  EXPECT_EQ(info.abi_major, VIGIE_ABI_MAJOR);
  EXPECT_EQ(info.kind, VIGIE_KIND_CONNECTOR);
  EXPECT_STREQ(info.name, "crm_sql");
  std::map<std::string, const vigie_option*> options;
  for (uint32_t i = 0; i < info.option_count; ++i)
    options[info.options[i].key] = &info.options[i];
  ASSERT_EQ(options.size(), 6u);
  EXPECT_TRUE(options.at("url")->required);
  EXPECT_TRUE(options.at("url")->secret);
  EXPECT_TRUE(options.at("password")->secret);
  EXPECT_FALSE(options.at("table")->secret);
  EXPECT_STREQ(options.at("batch_rows")->default_value, "10000");
  EXPECT_STREQ(options.at("timeout")->default_value, "0");
}

TEST_F(CrmSqlTest, EveryColumnComesOutAsTextWithLineNumbers) {
  sql("CREATE TABLE t (i INTEGER, r REAL, s TEXT, big BIGINT);"
      "INSERT INTO t VALUES (42, 12.34, 'abc', 9007199254740993);"
      "INSERT INTO t VALUES (-7, 0.1, 'é ü', NULL);"
      "INSERT INTO t VALUES (NULL, 1e300, '', -1);");
  vigie::testing::ConnectorRun r = run({{"url", url()}, {"table", "t"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  EXPECT_EQ(r.origin, "table t");
  EXPECT_EQ(r.columns,
            (std::vector<std::string>{"i", "r", "s", "big", "_line"}));
  ASSERT_EQ(r.batches.size(), 1u);
  const vigie::Table& b = r.batches[0];
  EXPECT_EQ(text(b, 0), (Cells{"42", "-7", std::nullopt}));
  // Shortest round-trip text: 12.34 and 0.1 print as written, not as
  // 12.339999999999999857891452847979962825775146484375.
  EXPECT_EQ(text(b, 1), (Cells{"12.34", "0.1", "1e+300"}));
  // An empty string is a value, not a NULL.
  EXPECT_EQ(text(b, 2), (Cells{"abc", "é ü", ""}));
  // 2^53 + 1: exact only when read as a 64-bit integer, not through a double.
  EXPECT_EQ(text(b, 3), (Cells{"9007199254740993", std::nullopt, "-1"}));
  EXPECT_EQ(lines(b), (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(CrmSqlTest, DatesComeOutAsIsoText) {
  sql("CREATE TABLE d (at DATETIME, day DATE, raw TEXT);"
      "INSERT INTO d VALUES ('2026-10-03 14:05:09', '2026-02-01', "
      "'2026-10-03T14:05:09');");
  vigie::testing::ConnectorRun r = run({{"url", url()}, {"table", "d"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  ASSERT_EQ(r.batches.size(), 1u);
  EXPECT_EQ(text(r.batches[0], 0), (Cells{"2026-10-03 14:05:09"}));
  EXPECT_EQ(text(r.batches[0], 1), (Cells{"2026-02-01 00:00:00"}));
  // A TEXT column keeps its text as stored.
  EXPECT_EQ(text(r.batches[0], 2), (Cells{"2026-10-03T14:05:09"}));
}

TEST_F(CrmSqlTest, FiveRowsByTwoMakeThreeBatches) {
  sql("CREATE TABLE t (id TEXT);"
      "INSERT INTO t VALUES ('a'),('b'),('c'),('d'),('e');");
  vigie::testing::ConnectorRun r =
      run({{"url", url()}, {"table", "t"}, {"batch_rows", "2"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  // 5 = 2 + 2 + 1; _line keeps counting across batches.
  ASSERT_EQ(r.batches.size(), 3u);
  EXPECT_EQ(text(r.batches[0], 0), (Cells{"a", "b"}));
  EXPECT_EQ(text(r.batches[1], 0), (Cells{"c", "d"}));
  EXPECT_EQ(text(r.batches[2], 0), (Cells{"e"}));
  EXPECT_EQ(lines(r.batches[0]), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(lines(r.batches[1]), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(lines(r.batches[2]), (std::vector<int64_t>{5}));
}

TEST_F(CrmSqlTest, ExactMultipleOfTheBatchSizeEndsWithoutAnEmptyBatch) {
  sql("CREATE TABLE t (id TEXT); INSERT INTO t VALUES "
      "('a'),('b'),('c'),('d');");
  vigie::testing::ConnectorRun r =
      run({{"url", url()}, {"table", "t"}, {"batch_rows", "2"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  ASSERT_EQ(r.batches.size(), 2u);
  EXPECT_EQ(lines(r.batches[1]), (std::vector<int64_t>{3, 4}));
}

TEST_F(CrmSqlTest, EmptyTableHasItsColumnsAndNoBatch) {
  sql("CREATE TABLE t (id TEXT, amount TEXT);");
  vigie::testing::ConnectorRun r = run({{"url", url()}, {"table", "t"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  EXPECT_EQ(r.columns, (std::vector<std::string>{"id", "amount", "_line"}));
  EXPECT_TRUE(r.batches.empty());
}

TEST_F(CrmSqlTest, QueryResultColumnsKeepTheirReportedNames) {
  sql("CREATE TABLE t (id TEXT, n INTEGER);"
      "INSERT INTO t VALUES ('a', 1), ('b', -2), ('c', 3);");
  vigie::testing::ConnectorRun r =
      run({{"url", url()},
           {"query",
            "SELECT id AS Customer_Id, n * 2 AS twice FROM t "
            "WHERE n > 0 ORDER BY id"}});
  ASSERT_EQ(r.failed_at, ConnectorStep::kNone) << r.message;
  EXPECT_EQ(r.origin, "query");
  EXPECT_EQ(r.columns,
            (std::vector<std::string>{"Customer_Id", "twice", "_line"}));
  ASSERT_EQ(r.batches.size(), 1u);
  // Rows with n > 0: a (1 -> 2) and c (3 -> 6).
  EXPECT_EQ(text(r.batches[0], 0), (Cells{"a", "c"}));
  EXPECT_EQ(text(r.batches[0], 1), (Cells{"2", "6"}));
}

TEST_F(CrmSqlTest, TableAndQueryTogetherOrNeitherAreRefused) {
  vigie::testing::ConnectorRun both =
      run({{"url", url()}, {"table", "t"}, {"query", "SELECT 1"}});
  EXPECT_EQ(both.failed_at, ConnectorStep::kCreate);
  EXPECT_NE(both.reason.find("exactly one of"), std::string::npos)
      << both.message;
  vigie::testing::ConnectorRun neither = run({{"url", url()}});
  EXPECT_EQ(neither.failed_at, ConnectorStep::kCreate);
}

// The host refuses an instance whatever the failing status of create (it
// makes no retryable case of it): the step is what can be checked.
TEST_F(CrmSqlTest, BadOptionsAreRefusedAtCreate) {
  EXPECT_EQ(run({{"table", "t"}}).failed_at, ConnectorStep::kCreate);  // url
  EXPECT_EQ(run({{"url", db_path_}, {"table", "t"}}).failed_at,
            ConnectorStep::kCreate);  // no backend:// prefix
  vigie::testing::ConnectorRun injected =
      run({{"url", url()}, {"table", "t; DROP TABLE t"}});
  EXPECT_EQ(injected.failed_at, ConnectorStep::kCreate);
  EXPECT_EQ(
      run({{"url", url()}, {"table", "t"}, {"batch_rows", "0"}}).failed_at,
      ConnectorStep::kCreate);
  // SQLite has no password: saying one is a mistake worth reporting.
  EXPECT_EQ(run({{"url", url()}, {"table", "t"}, {"password", "x"}}).failed_at,
            ConnectorStep::kCreate);
}

TEST_F(CrmSqlTest, MissingTableIsAnErrorNamingIt) {
  sql("CREATE TABLE t (id TEXT);");
  vigie::testing::ConnectorRun r =
      run({{"url", url()}, {"table", "no_such_table"}});
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_FALSE(r.retryable);
  EXPECT_NE(r.reason.find("table no_such_table"), std::string::npos)
      << r.message;
}

TEST_F(CrmSqlTest, BadQueryIsAnErrorNamingTheQuery) {
  sql("CREATE TABLE t (id TEXT);");
  vigie::testing::ConnectorRun r =
      run({{"url", url()}, {"query", "SELECT nothing FROM t WHERE"}});
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_FALSE(r.retryable);
  EXPECT_NE(r.reason.find("query"), std::string::npos) << r.message;
}

// SQLite would create a missing file and then fail on "no such table":
// the file must exist, is never created, and the failure is not retried.
TEST_F(CrmSqlTest, MissingDatabaseFileIsNamedAndNotCreated) {
  const fs::path missing = dir_ / "no_such_dir" / "x.sqlite";
  const fs::path missing_here = dir_ / "typo.sqlite";
  for (const auto& path : {missing, missing_here}) {
    vigie::testing::ConnectorRun r =
        run({{"url", "sqlite3://db=" + path.string()}, {"table", "t"}});
    EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
    EXPECT_FALSE(r.retryable) << r.message;
    EXPECT_NE(
        r.reason.find("CRM database file " + path.string() + " does not exist"),
        std::string::npos)
        << r.message;
    EXPECT_FALSE(fs::exists(path));
  }
  // SOCI's short form, the whole string a file name, likewise.
  vigie::testing::ConnectorRun r =
      run({{"url", "sqlite3://" + missing_here.string()}, {"table", "t"}});
  EXPECT_FALSE(r.retryable) << r.message;
  EXPECT_NE(r.reason.find("does not exist"), std::string::npos) << r.message;
  EXPECT_FALSE(fs::exists(missing_here));
}

TEST_F(CrmSqlTest, TheDatabaseIsOpenedReadOnly) {
  sql("CREATE TABLE t (id TEXT); INSERT INTO t VALUES ('a');");
  // A statement that writes fails: the connection cannot change the CRM.
  // (A WITH clause passes the connector's own check, read_only_query.hpp:
  // the file's read-only mode refuses it.)
  vigie::testing::ConnectorRun r = run(
      {{"url", url()},
       {"query",
        "WITH v AS (SELECT 'b') INSERT INTO t SELECT * FROM v RETURNING id"}});
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_NE(r.reason.find("readonly"), std::string::npos) << r.message;
  // The short form reads the same file.
  vigie::testing::ConnectorRun short_form =
      run({{"url", "sqlite3://" + db_path_}, {"table", "t"}});
  EXPECT_EQ(short_form.failed_at, ConnectorStep::kNone) << short_form.message;
  EXPECT_EQ(short_form.rows(), 1);
}

// What the engine retries must be able to pass: a URL no server can ever
// accept fails at once. A PostgreSQL URL libpq's parser refuses fails
// earlier still, with the configuration (connection_string.hpp).
TEST_F(CrmSqlTest, MalformedUrlsAreNotRetryable) {
  vigie::testing::ConnectorRun unknown_option =
      run({{"url", "postgresql://host=127.0.0.1 port=1 dbnme=crm"},
           {"table", "t"}});
  EXPECT_EQ(unknown_option.failed_at, ConnectorStep::kCreate);
  EXPECT_NE(unknown_option.reason.find("invalid connection option \"dbnme\""),
            std::string::npos)
      << unknown_option.message;
  for (const char* url :
       {"postgresql://host=127.0.0.1 port=notaport dbname=crm",
        "no_such_backend://db=crm"}) {
    vigie::testing::ConnectorRun r = run({{"url", url}, {"table", "t"}});
    EXPECT_EQ(r.failed_at, ConnectorStep::kOpen) << url;
    EXPECT_FALSE(r.retryable) << url << ": " << r.message;
    EXPECT_NE(r.reason.find("cannot connect to the database"),
              std::string::npos)
        << r.message;
  }
}

// ODBC's form (PWD=) is checked in connection_string_test.cpp: a failed
// ODBC connection leaks inside the driver manager, which the leak checker
// of the sanitizer build would report.
TEST_F(CrmSqlTest, SecretsNeverReachTheOriginOrTheMessages) {
  // A PostgreSQL server that is not there: connecting fails at once.
  vigie::testing::ConnectorRun pg =
      run({{"url", "postgresql://host=" + dir_.string() +
                       " port=1 dbname=crm user=vigie"},
           {"password", "s3cr3t-pw"},
           {"table", "orders"}});
  EXPECT_EQ(pg.origin, "table orders");
  EXPECT_EQ(pg.failed_at, ConnectorStep::kOpen);
  // No server on that socket: it may be starting, so worth a retry.
  EXPECT_TRUE(pg.retryable) << pg.message;
  // The whole text, the host's part with the origin included.
  EXPECT_EQ(pg.message.find("s3cr3t-pw"), std::string::npos) << pg.message;
}

}  // namespace

TEST_F(CrmSqlTest, AStatementThatDoesNotReadIsRefusedAtCreate) {
  sql("CREATE TABLE t (id TEXT); INSERT INTO t VALUES ('a');");
  vigie::testing::ConnectorRun r =
      run({{"url", url()}, {"query", "DELETE FROM t"}});
  EXPECT_EQ(r.failed_at, ConnectorStep::kCreate);
  EXPECT_NE(r.reason.find("must be one statement that reads"),
            std::string::npos)
      << r.message;
}

// A recursive query that would count to ten billion: the progress handler
// stops it once the time-out has passed, and the message says so.
TEST_F(CrmSqlTest, AQueryPastTheTimeoutIsStopped) {
  sql("CREATE TABLE t (id TEXT);");
  vigie::testing::ConnectorRun r =
      run({{"url", url()},
           {"timeout", "1"},
           {"query",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < 10000000000) SELECT count(*) AS c FROM n"}});
  EXPECT_NE(r.failed_at, ConnectorStep::kNone);
  EXPECT_NE(r.reason.find("stopped by the time-out of 1 s"), std::string::npos)
      << r.message;
}

// The same file through unixODBC and Debian's SQLite ODBC driver: values
// come back as UTF-8 text (accents, a value longer than the first fetch
// buffer of 4096 UTF-16 units), NULLs as nulls, in batches.
TEST_F(CrmSqlTest, OdbcReadsTheSameRowsAsSoci) {
  const std::string long_value(10000, 'x');
  sql("CREATE TABLE t (id TEXT, region TEXT, amount NUMERIC, note TEXT);"
      "INSERT INTO t VALUES ('C1', 'Île-de-France', '12.50', NULL);"
      "INSERT INTO t VALUES ('C2', NULL, '-3', '" +
      long_value +
      "');"
      "INSERT INTO t VALUES ('C3', 'Provence-Alpes-Côte d''Azur', '0', 'é');");
  const std::string odbc_url = "odbc://DRIVER={SQLite3};Database=" + db_path_;
  vigie::testing::ConnectorRun odbc =
      run({{"url", odbc_url}, {"table", "t"}, {"batch_rows", "2"}});
  ASSERT_EQ(odbc.failed_at, ConnectorStep::kNone) << odbc.message;
  EXPECT_EQ(odbc.columns, (std::vector<std::string>{"id", "region", "amount",
                                                    "note", "_line"}));
  ASSERT_EQ(odbc.batches.size(), 2u);
  EXPECT_EQ(text(odbc.batches[0], 1), (Cells{"Île-de-France", std::nullopt}));
  EXPECT_EQ(text(odbc.batches[0], 3), (Cells{std::nullopt, long_value}));
  EXPECT_EQ(text(odbc.batches[1], 1), (Cells{"Provence-Alpes-Côte d'Azur"}));
  EXPECT_EQ(text(odbc.batches[1], 3), (Cells{"é"}));
  EXPECT_EQ(lines(odbc.batches[1]), (std::vector<int64_t>{3}));
  // SOCI's sqlite3 backend reads the same text.
  vigie::testing::ConnectorRun soci = run({{"url", url()}, {"table", "t"}});
  ASSERT_EQ(soci.failed_at, ConnectorStep::kNone) << soci.message;
  for (size_t c = 0; c < 4; ++c) {
    Cells both = text(odbc.batches[0], c);
    for (const auto& cell : text(odbc.batches[1], c)) both.push_back(cell);
    EXPECT_EQ(both, text(soci.batches[0], c)) << "column " << c;
  }
}

TEST_F(CrmSqlTest, AnOdbcDriverThatIsNotInstalledIsNamedAndNotRetried) {
  vigie::testing::ConnectorRun r = run(
      {{"url", "odbc://DRIVER={No Such Driver};Database=x"}, {"table", "t"}});
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_FALSE(r.retryable);
  EXPECT_NE(r.reason.find("cannot connect"), std::string::npos) << r.message;
}
