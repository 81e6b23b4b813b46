// Which connection failures the crm_sql connector calls transient, on the
// messages the client libraries really give, and how it reads the file
// name of a SOCI sqlite3 connect string.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "connect_failure.hpp"
#include "sqlite_file.hpp"

namespace vigie::crm_sql {
namespace {

TEST(ConnectFailure, ServerNotThereOrBusyIsTransient) {
  // libpq 15, TCP and Unix socket.
  EXPECT_TRUE(is_transient_connect_failure(
      "Cannot establish connection to the database. connection to server at "
      "\"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server "
      "running on that host and accepting TCP/IP connections?"));
  EXPECT_TRUE(is_transient_connect_failure(
      "connection to server on socket \"/tmp/.s.PGSQL.1\" failed: No such "
      "file or directory\n\tIs the server running locally and accepting "
      "connections on that socket?"));
  EXPECT_TRUE(is_transient_connect_failure(
      "FATAL:  the database system is starting up"));
  EXPECT_TRUE(is_transient_connect_failure("timeout expired"));
  EXPECT_TRUE(is_transient_connect_failure("database is locked"));
  EXPECT_TRUE(is_transient_connect_failure(
      "[unixODBC] SQLSTATE 08001: could not connect"));
}

TEST(ConnectFailure, AStringThatCanNeverWorkIsNot) {
  EXPECT_FALSE(
      is_transient_connect_failure("invalid connection option \"dbnme\""));
  EXPECT_FALSE(is_transient_connect_failure(
      "missing \"=\" after \"dbname\" in connection info string"));
  EXPECT_FALSE(is_transient_connect_failure(
      "Failed to find shared library for backend no_such_backend"));
  EXPECT_FALSE(is_transient_connect_failure(
      "FATAL:  password authentication failed for user \"vigie\""));
  EXPECT_FALSE(is_transient_connect_failure(
      "Cannot establish connection to the database. unable to open database "
      "file"));
  EXPECT_FALSE(is_transient_connect_failure(
      "[unixODBC][Driver Manager]Data source name not found (SQLSTATE "
      "IM002)"));
  EXPECT_FALSE(is_transient_connect_failure(""));
}

TEST(SqliteFile, ReadsTheFileNameAsSociDoes) {
  EXPECT_EQ(sqlite_database("db=crm.sqlite"), "crm.sqlite");
  EXPECT_EQ(sqlite_database("dbname=/data/crm.sqlite timeout=5"),
            "/data/crm.sqlite");
  EXPECT_EQ(sqlite_database("timeout=5 db=crm.sqlite"), "crm.sqlite");
  EXPECT_EQ(sqlite_database("db=\"my crm.sqlite\" timeout=5"), "my crm.sqlite");
  EXPECT_EQ(sqlite_database("crm.sqlite"), "crm.sqlite");  // no '='
  EXPECT_EQ(sqlite_database("timeout=5"), "");
}

TEST(SqliteFile, ReadOnlyUrlOrAnErrorForAMissingFile) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto file = dir / "vigie_sqlite_file_test.sqlite";
  std::ofstream(file) << "";
  EXPECT_EQ(read_only_sqlite("sqlite3://db=" + file.string()),
            "sqlite3://db=" + file.string() + " readonly=true");
  EXPECT_EQ(read_only_sqlite("sqlite3://" + file.string() + "  "),
            "sqlite3://db=" + file.string() + " readonly=true");
  EXPECT_EQ(read_only_sqlite("sqlite3://db=:memory:"),
            "sqlite3://db=:memory: readonly=true");
  // Other backends are left alone.
  EXPECT_EQ(read_only_sqlite("postgresql://dbname=crm"),
            "postgresql://dbname=crm");
  std::filesystem::remove(file);
  try {
    read_only_sqlite("sqlite3://db=" + file.string());
    FAIL() << "no error for a missing file";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "CRM database file " + file.string() + " does not exist");
  }
}

}  // namespace
}  // namespace vigie::crm_sql
