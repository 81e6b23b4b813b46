// The crm_sql connector plugin, loaded as the engine loads it (dlopen, the
// C API, Arrow out), reading SQLite files this test writes.
#include <dlfcn.h>
#include <sqlite3.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "vigie/sdk.hpp"

namespace {

namespace fs = std::filesystem;

class Plugin {
 public:
  Plugin() {
    handle_ =
        dlopen(VIGIE_PLUGIN_DIR "/vigie_crm_sql.so", RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) throw std::runtime_error(dlerror());
    auto fn = reinterpret_cast<vigie_plugin_info_fn>(
        dlsym(handle_, VIGIE_PLUGIN_INFO_SYMBOL));
    if (fn == nullptr) throw std::runtime_error("no vigie_get_plugin_info");
    info_ = fn();
  }
  ~Plugin() { dlclose(handle_); }
  Plugin(const Plugin&) = delete;
  Plugin& operator=(const Plugin&) = delete;
  const vigie_plugin_info& info() const { return *info_; }
  const vigie_connector_api& api() const {
    return *static_cast<const vigie_connector_api*>(info_->api);
  }

 private:
  void* handle_ = nullptr;
  const vigie_plugin_info* info_ = nullptr;
};

Plugin& plugin() {
  static Plugin p;
  return p;
}

// What a run of the connector gave: a status and message at each step, the
// column names and every batch's cells as text (nullopt for NULL).
struct Batch {
  std::vector<std::vector<std::optional<std::string>>> text_columns;
  std::vector<int64_t> lines;
};
struct Outcome {
  int32_t create_status = -1;
  int32_t open_status = -1;
  int next_errno = 0;
  std::string message;
  std::string origin;
  std::vector<std::string> columns;
  std::vector<Batch> batches;
};

Outcome run(const std::map<std::string, std::string>& options) {
  std::vector<vigie_kv> items;
  for (const auto& [k, v] : options) items.push_back({k.c_str(), v.c_str()});
  vigie_config config{sizeof(vigie_config), static_cast<uint32_t>(items.size()),
                      items.data()};
  const auto& api = plugin().api();
  Outcome out;
  vigie_error error{};
  void* instance = nullptr;
  out.create_status = api.create(&config, &instance, &error);
  if (out.create_status != VIGIE_OK) {
    out.message = error.message;
    return out;
  }
  out.origin = api.origin(instance);
  ArrowArrayStream stream{};
  out.open_status = api.open(instance, &stream, &error);
  if (out.open_status != VIGIE_OK) {
    out.message = error.message;
    api.destroy(instance);
    return out;
  }
  ArrowSchema schema{};
  EXPECT_EQ(stream.get_schema(&stream, &schema), 0);
  for (int64_t i = 0; i < schema.n_children; ++i) {
    out.columns.emplace_back(schema.children[i]->name);
    EXPECT_STREQ(schema.children[i]->format,
                 out.columns.back() == "_line" ? "l" : "u");
  }
  for (;;) {
    ArrowArray array{};
    out.next_errno = stream.get_next(&stream, &array);
    if (out.next_errno != 0) {
      out.message = stream.get_last_error(&stream);
      break;
    }
    if (array.release == nullptr) break;
    vigie::TableView view(&schema, &array);
    Batch batch;
    for (const auto& column : view.columns()) {
      if (column.name() == "_line") {
        batch.lines.assign(column.ints(), column.ints() + view.rows());
        continue;
      }
      std::vector<std::optional<std::string>> cells;
      for (int64_t r = 0; r < view.rows(); ++r)
        cells.push_back(column.is_valid(r)
                            ? std::optional<std::string>(column.string_at(r))
                            : std::nullopt);
      batch.text_columns.push_back(std::move(cells));
    }
    out.batches.push_back(std::move(batch));
    array.release(&array);
  }
  schema.release(&schema);
  stream.release(&stream);
  api.destroy(instance);
  return out;
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

using Cells = std::vector<std::optional<std::string>>;

TEST(CrmSqlPlugin, DescribesItselfAsAConnectorWithSecretUrlAndPassword) {
  const auto& info = plugin().info();
  EXPECT_EQ(info.abi_major, VIGIE_ABI_MAJOR);
  EXPECT_EQ(info.kind, VIGIE_KIND_CONNECTOR);
  EXPECT_STREQ(info.name, "crm_sql");
  std::map<std::string, const vigie_option*> options;
  for (uint32_t i = 0; i < info.option_count; ++i)
    options[info.options[i].key] = &info.options[i];
  ASSERT_EQ(options.size(), 5u);
  EXPECT_TRUE(options.at("url")->required);
  EXPECT_TRUE(options.at("url")->secret);
  EXPECT_TRUE(options.at("password")->secret);
  EXPECT_FALSE(options.at("table")->secret);
  EXPECT_STREQ(options.at("batch_rows")->default_value, "10000");
}

TEST_F(CrmSqlTest, EveryColumnComesOutAsTextWithLineNumbers) {
  sql("CREATE TABLE t (i INTEGER, r REAL, s TEXT, big BIGINT);"
      "INSERT INTO t VALUES (42, 12.34, 'abc', 9007199254740993);"
      "INSERT INTO t VALUES (-7, 0.1, 'é ü', NULL);"
      "INSERT INTO t VALUES (NULL, 1e300, '', -1);");
  Outcome r = run({{"url", url()}, {"table", "t"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  EXPECT_EQ(r.origin, "table t");
  EXPECT_EQ(r.columns,
            (std::vector<std::string>{"i", "r", "s", "big", "_line"}));
  ASSERT_EQ(r.batches.size(), 1u);
  const Batch& b = r.batches[0];
  EXPECT_EQ(b.text_columns[0], (Cells{"42", "-7", std::nullopt}));
  // Shortest round-trip text: 12.34 and 0.1 print as written, not as
  // 12.339999999999999857891452847979962825775146484375.
  EXPECT_EQ(b.text_columns[1], (Cells{"12.34", "0.1", "1e+300"}));
  // An empty string is a value, not a NULL.
  EXPECT_EQ(b.text_columns[2], (Cells{"abc", "é ü", ""}));
  // 2^53 + 1: exact only when read as a 64-bit integer, not through a double.
  EXPECT_EQ(b.text_columns[3], (Cells{"9007199254740993", std::nullopt, "-1"}));
  EXPECT_EQ(b.lines, (std::vector<int64_t>{1, 2, 3}));
}

TEST_F(CrmSqlTest, DatesComeOutAsIsoText) {
  sql("CREATE TABLE d (at DATETIME, day DATE, raw TEXT);"
      "INSERT INTO d VALUES ('2026-10-03 14:05:09', '2026-02-01', "
      "'2026-10-03T14:05:09');");
  Outcome r = run({{"url", url()}, {"table", "d"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  ASSERT_EQ(r.batches.size(), 1u);
  EXPECT_EQ(r.batches[0].text_columns[0], (Cells{"2026-10-03 14:05:09"}));
  EXPECT_EQ(r.batches[0].text_columns[1], (Cells{"2026-02-01 00:00:00"}));
  // A TEXT column keeps its text as stored.
  EXPECT_EQ(r.batches[0].text_columns[2], (Cells{"2026-10-03T14:05:09"}));
}

TEST_F(CrmSqlTest, FiveRowsByTwoMakeThreeBatches) {
  sql("CREATE TABLE t (id TEXT);"
      "INSERT INTO t VALUES ('a'),('b'),('c'),('d'),('e');");
  Outcome r = run({{"url", url()}, {"table", "t"}, {"batch_rows", "2"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  // 5 = 2 + 2 + 1; _line keeps counting across batches.
  ASSERT_EQ(r.batches.size(), 3u);
  EXPECT_EQ(r.batches[0].text_columns[0], (Cells{"a", "b"}));
  EXPECT_EQ(r.batches[1].text_columns[0], (Cells{"c", "d"}));
  EXPECT_EQ(r.batches[2].text_columns[0], (Cells{"e"}));
  EXPECT_EQ(r.batches[0].lines, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(r.batches[1].lines, (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(r.batches[2].lines, (std::vector<int64_t>{5}));
}

TEST_F(CrmSqlTest, ExactMultipleOfTheBatchSizeEndsWithoutAnEmptyBatch) {
  sql("CREATE TABLE t (id TEXT); INSERT INTO t VALUES "
      "('a'),('b'),('c'),('d');");
  Outcome r = run({{"url", url()}, {"table", "t"}, {"batch_rows", "2"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  ASSERT_EQ(r.batches.size(), 2u);
  EXPECT_EQ(r.batches[1].lines, (std::vector<int64_t>{3, 4}));
}

TEST_F(CrmSqlTest, EmptyTableHasItsColumnsAndNoBatch) {
  sql("CREATE TABLE t (id TEXT, amount TEXT);");
  Outcome r = run({{"url", url()}, {"table", "t"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  EXPECT_EQ(r.columns, (std::vector<std::string>{"id", "amount", "_line"}));
  EXPECT_TRUE(r.batches.empty());
  EXPECT_EQ(r.next_errno, 0);
}

TEST_F(CrmSqlTest, QueryResultColumnsKeepTheirReportedNames) {
  sql("CREATE TABLE t (id TEXT, n INTEGER);"
      "INSERT INTO t VALUES ('a', 1), ('b', -2), ('c', 3);");
  Outcome r = run({{"url", url()},
                   {"query",
                    "SELECT id AS Customer_Id, n * 2 AS twice FROM t "
                    "WHERE n > 0 ORDER BY id"}});
  ASSERT_EQ(r.open_status, VIGIE_OK) << r.message;
  EXPECT_EQ(r.origin, "query");
  EXPECT_EQ(r.columns,
            (std::vector<std::string>{"Customer_Id", "twice", "_line"}));
  ASSERT_EQ(r.batches.size(), 1u);
  // Rows with n > 0: a (1 -> 2) and c (3 -> 6).
  EXPECT_EQ(r.batches[0].text_columns[0], (Cells{"a", "c"}));
  EXPECT_EQ(r.batches[0].text_columns[1], (Cells{"2", "6"}));
}

TEST_F(CrmSqlTest, TableAndQueryTogetherOrNeitherAreRefused) {
  Outcome both = run({{"url", url()}, {"table", "t"}, {"query", "SELECT 1"}});
  EXPECT_EQ(both.create_status, VIGIE_ERROR);
  EXPECT_NE(both.message.find("exactly one of"), std::string::npos)
      << both.message;
  Outcome neither = run({{"url", url()}});
  EXPECT_EQ(neither.create_status, VIGIE_ERROR);
}

TEST_F(CrmSqlTest, BadOptionsAreRefusedAtCreate) {
  EXPECT_EQ(run({{"table", "t"}}).create_status, VIGIE_ERROR);  // no url
  EXPECT_EQ(run({{"url", db_path_}, {"table", "t"}}).create_status,
            VIGIE_ERROR);  // no backend:// prefix
  Outcome injected = run({{"url", url()}, {"table", "t; DROP TABLE t"}});
  EXPECT_EQ(injected.create_status, VIGIE_ERROR);
  EXPECT_EQ(
      run({{"url", url()}, {"table", "t"}, {"batch_rows", "0"}}).create_status,
      VIGIE_ERROR);
  // SQLite has no password: saying one is a mistake worth reporting.
  EXPECT_EQ(
      run({{"url", url()}, {"table", "t"}, {"password", "x"}}).create_status,
      VIGIE_ERROR);
}

TEST_F(CrmSqlTest, MissingTableIsAnErrorNamingIt) {
  sql("CREATE TABLE t (id TEXT);");
  Outcome r = run({{"url", url()}, {"table", "no_such_table"}});
  EXPECT_EQ(r.open_status, VIGIE_ERROR);
  EXPECT_NE(r.message.find("table no_such_table"), std::string::npos)
      << r.message;
}

TEST_F(CrmSqlTest, BadQueryIsAnErrorNamingTheQuery) {
  sql("CREATE TABLE t (id TEXT);");
  Outcome r = run({{"url", url()}, {"query", "SELEKT nothing"}});
  EXPECT_EQ(r.open_status, VIGIE_ERROR);
  EXPECT_NE(r.message.find("query"), std::string::npos) << r.message;
}

TEST_F(CrmSqlTest, UnreachableDatabaseIsRetryable) {
  Outcome r = run(
      {{"url", "sqlite3://db=" + (dir_ / "no_such_dir" / "x.sqlite").string()},
       {"table", "t"}});
  EXPECT_EQ(r.create_status, VIGIE_OK);
  EXPECT_EQ(r.open_status, VIGIE_RETRYABLE) << r.message;
  EXPECT_NE(r.message.find("cannot connect"), std::string::npos) << r.message;
}

// ODBC's form (PWD=) is checked in connection_string_test.cpp: a failed
// ODBC connection leaks inside the driver manager, which the leak checker
// of the sanitizer build would report.
TEST_F(CrmSqlTest, SecretsNeverReachTheOriginOrTheMessages) {
  // A PostgreSQL server that is not there: connecting fails at once.
  Outcome pg = run({{"url", "postgresql://host=" + dir_.string() +
                                " port=1 dbname=crm user=vigie"},
                    {"password", "s3cr3t-pw"},
                    {"table", "orders"}});
  EXPECT_EQ(pg.origin, "table orders");
  EXPECT_EQ(pg.open_status, VIGIE_RETRYABLE) << pg.message;
  EXPECT_EQ(pg.message.find("s3cr3t-pw"), std::string::npos) << pg.message;
}

}  // namespace
