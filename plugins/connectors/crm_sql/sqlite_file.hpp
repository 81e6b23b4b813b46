// SQLite through SOCI opens its file read-write and creates it when it is
// missing: a mistyped path gave an empty database and then "no such
// table". A CRM source is only read, so its file must exist and is opened
// read-only.
#pragma once

#include <string>
#include <string_view>

namespace vigie::crm_sql {

// The database a SOCI sqlite3 connect string (what follows "sqlite3://")
// names, read as SOCI reads it: the value of `db=` or `dbname=` (quoted
// with "..." when it holds spaces), or the whole string when it has no '='.
std::string sqlite_database(std::string_view connect);

// For a "sqlite3://" URL: the same URL with SOCI's `readonly` option, after
// checking that the database file exists (throws std::runtime_error "CRM
// database file PATH does not exist" otherwise; ":memory:" and "file:" URIs
// are not files to check). Any other URL is returned unchanged.
std::string read_only_sqlite(const std::string& url);

}  // namespace vigie::crm_sql
