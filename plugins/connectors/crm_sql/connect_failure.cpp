// The messages are the client libraries' own (libpq, SQLite, unixODBC's
// SQLSTATE classes): SOCI 4.0 gives no portable error code, and its
// error_category calls a refused connection and a malformed string both
// "connection_error". A list of what is transient, not of what is fatal,
// so that an unknown failure fails at once rather than three times.
#include "connect_failure.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace vigie::crm_sql {
namespace {

constexpr std::array<std::string_view, 16> kTransientSigns = {
    // libpq: no server listening (TCP or Unix socket), or not ready.
    "is the server running",
    "connection refused",
    "timeout expired",
    "timed out",
    "the database system is starting up",
    "the database system is shutting down",
    "the database system is in recovery mode",
    "too many clients",
    "server closed the connection unexpectedly",
    "temporary failure in name resolution",
    "no route to host",
    "network is unreachable",
    // SQLite: another process holds the lock.
    "database is locked",
    "database table is locked",
    // ODBC: SQLSTATE 08001 (cannot connect), 08S01 (link failure).
    "08001",
    "08s01",
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return out;
}

}  // namespace

bool is_transient_connect_failure(std::string_view message) {
  const std::string text = lower(message);
  return std::any_of(
      kTransientSigns.begin(), kTransientSigns.end(),
      [&](std::string_view sign) { return text.find(sign) != text.npos; });
}

}  // namespace vigie::crm_sql
