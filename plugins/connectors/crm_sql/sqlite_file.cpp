#include "sqlite_file.hpp"

#include <filesystem>
#include <stdexcept>

namespace vigie::crm_sql {
namespace {

constexpr std::string_view kScheme = "sqlite3://";

}  // namespace

std::string sqlite_database(std::string_view connect) {
  if (connect.find('=') == std::string_view::npos) return std::string(connect);
  std::string database;
  size_t at = 0;
  while (at < connect.size()) {
    const size_t eq = connect.find('=', at);
    if (eq == std::string_view::npos) break;
    const std::string_view key = connect.substr(at, eq - at);
    size_t value_begin = eq + 1;
    size_t value_end;
    if (value_begin < connect.size() && connect[value_begin] == '"') {
      ++value_begin;
      value_end = connect.find('"', value_begin);
      if (value_end == std::string_view::npos) value_end = connect.size();
      at = connect.find(' ', value_end);
    } else {
      value_end = connect.find(' ', value_begin);
      if (value_end == std::string_view::npos) value_end = connect.size();
      at = value_end;
    }
    if (key == "db" || key == "dbname")
      database = connect.substr(value_begin, value_end - value_begin);
    if (at == std::string_view::npos) break;
    ++at;  // the space
  }
  return database;
}

std::string read_only_sqlite(const std::string& url) {
  if (url.compare(0, kScheme.size(), kScheme) != 0) return url;
  std::string connect = url.substr(kScheme.size());
  while (!connect.empty() && connect.back() == ' ') connect.pop_back();
  const std::string database = sqlite_database(connect);
  const bool is_file = !database.empty() && database != ":memory:" &&
                       database.compare(0, 5, "file:") != 0;
  std::error_code error;
  if (is_file && !std::filesystem::exists(database, error))
    throw std::runtime_error("CRM database file " + database +
                             " does not exist");
  // Without '=', SOCI takes the whole string as the file name: name it
  // with db= so that an option can follow.
  if (connect.find('=') == std::string::npos)
    connect = database.find(' ') == std::string::npos
                  ? "db=" + database
                  : "db=\"" + database + "\"";
  return std::string(kScheme) + connect + " readonly=true";
}

}  // namespace vigie::crm_sql
