// The SOCI connection URL of the crm_sql connector: adding the separately
// configured password the way its backend expects, and keeping every secret
// out of the messages that may be printed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie::crm_sql {

// "postgresql" for "postgresql://host=db dbname=crm"; throws when the URL
// has no "backend://" prefix.
std::string backend_of(std::string_view url);

// A postgresql:// URL in either form libpq knows, the URI
// (postgresql://user:pw@host:5432/db?sslmode=require) or keyword pairs
// (postgresql://host=db dbname=crm), as keyword pairs: the only form SOCI
// passes on intact. Throws std::invalid_argument with libpq's reason.
std::string postgresql_keywords(std::string_view url);

// The URL SOCI connects with: a PostgreSQL URL as keyword pairs (above),
// with `password` appended in the backend's own syntax
// (` password='...'` for PostgreSQL and MySQL, `;PWD={...}` for ODBC).
// Other backends: an empty password leaves the URL as it is.
std::string with_password(const std::string& url, const std::string& password);

// The secrets a message must never show: the password option and any
// password written inside the URL (password=..., PWD=...).
std::vector<std::string> secrets_of(const std::string& url,
                                    const std::string& password);

// `message` with every occurrence of each secret replaced by "***".
std::string redact(std::string message,
                   const std::vector<std::string>& secrets);

}  // namespace vigie::crm_sql
