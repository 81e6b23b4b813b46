// The connector's own check that a query reads (read_only_query.hpp): the
// first of its locks against writing, before any database is reached.
#include "read_only_query.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace {

using vigie::crm_sql::check_read_only_query;

TEST(ReadOnlyQuery, StatementsThatReadPass) {
  EXPECT_NO_THROW(check_read_only_query("SELECT * FROM orders"));
  EXPECT_NO_THROW(check_read_only_query("  select 1;  "));
  EXPECT_NO_THROW(check_read_only_query(
      "-- the last 15 months\n/* summed */ WITH o AS (SELECT 1) SELECT * "
      "FROM o"));
  EXPECT_NO_THROW(check_read_only_query("VALUES (1)"));
  EXPECT_NO_THROW(check_read_only_query("TABLE orders"));
  // A ';' or a comment mark inside quoted text is text.
  EXPECT_NO_THROW(check_read_only_query(
      "SELECT 'a;DELETE FROM t' AS x, \"--col\" FROM t -- end"));
  EXPECT_NO_THROW(check_read_only_query("SELECT 'it''s; fine'"));
}

TEST(ReadOnlyQuery, StatementsThatWriteAreRefused) {
  for (const char* sql :
       {"DELETE FROM customers", "insert into t values (1)",
        "UPDATE t SET a = 1", "DROP TABLE t", "/* x */ TRUNCATE t",
        "-- SELECT\nDELETE FROM t", "CALL purge()", "", "  ", "(SELECT 1)"}) {
    EXPECT_THROW(check_read_only_query(sql), std::runtime_error) << sql;
  }
}

TEST(ReadOnlyQuery, ASecondStatementIsRefused) {
  EXPECT_THROW(check_read_only_query("SELECT 1; DELETE FROM t"),
               std::runtime_error);
  EXPECT_THROW(check_read_only_query("SELECT 1;;"), std::runtime_error);
  EXPECT_NO_THROW(check_read_only_query("SELECT 1; -- done\n"));
}

TEST(ReadOnlyQuery, UnclosedQuotesAndCommentsAreRefused) {
  EXPECT_THROW(check_read_only_query("SELECT 'a"), std::runtime_error);
  EXPECT_THROW(check_read_only_query("SELECT 1 /* a"), std::runtime_error);
}

}  // namespace
