// Opening the state database: the URL forms, and errors that say which
// database and never show its password.
#include "history/state_store.hpp"

#include <gtest/gtest.h>

#include "state_db_fixture.hpp"

namespace vigie::history {
namespace {

using StateStoreTest = StateDbTest;

TEST_F(StateStoreTest, TheDefaultDatabaseIsAFileBesideTheSpecs) {
  EXPECT_EQ(url_, "sqlite3://" + (dir_ / "vigie-state.sqlite").string());
  EXPECT_TRUE(std::filesystem::exists(dir_ / "vigie-state.sqlite"));
  EXPECT_FALSE(store_->is_postgresql());
}

TEST_F(StateStoreTest, OpeningTwiceKeepsTheTables) {
  // A second scheduler on the same file: the tables are there already.
  auto again = StateStore::open((dir_ / "vigie-state.sqlite").string());
  auto third = StateStore::open(url_);
  EXPECT_EQ(again->name(), "sqlite3 " + (dir_ / "vigie-state.sqlite").string());
}

TEST_F(StateStoreTest, APathWithSpaces) {
  auto odd = dir_ / "a b c";
  std::filesystem::create_directories(odd);
  auto store = StateStore::open(StateStore::default_url(odd));
  EXPECT_TRUE(std::filesystem::exists(odd / "vigie-state.sqlite"));
}

TEST_F(StateStoreTest, APathWithADoubleQuoteIsRefusedNotMisread) {
  try {
    StateStore::open((dir_ / "a\"b.sqlite").string());
    FAIL() << "opened";
  } catch (const StateError& e) {
    EXPECT_NE(std::string(e.what()).find("double quote"), std::string::npos);
  }
}

TEST_F(StateStoreTest, AnUnknownSchemeSaysWhatIsExpected) {
  try {
    StateStore::open("mysql://u:hunter2secret@h/db");
    FAIL() << "opened";
  } catch (const StateError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("expected sqlite3://PATH"), std::string::npos) << what;
    EXPECT_EQ(what.find("hunter2secret"), std::string::npos) << what;
  }
}

TEST_F(StateStoreTest, AFolderThatDoesNotExistIsNamed) {
  try {
    StateStore::open((dir_ / "missing" / "state.sqlite").string());
    FAIL() << "opened";
  } catch (const StateError& e) {
    EXPECT_NE(std::string(e.what()).find("missing/state.sqlite"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(StateStoreTest, APostgresqlServerDownIsNamedWithoutItsPassword) {
  // Port 1 on loopback: refused at once.
  try {
    StateStore::open(
        "postgresql://vigie:hunter2secret@127.0.0.1:1/vigie?connect_timeout=2");
    FAIL() << "opened";
  } catch (const StateError& e) {
    std::string what = e.what();
    EXPECT_NE(
        what.find("cannot open the state database postgresql://vigie:***@"),
        std::string::npos)
        << what;
    EXPECT_EQ(what.find("hunter2secret"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace vigie::history
