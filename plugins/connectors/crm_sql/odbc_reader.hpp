// Reads a table or query through ODBC (unixODBC and the database's
// driver): the session is SOCI's odbc backend, the rows are fetched with
// the ODBC API on that session's connection.
#pragma once

#include <memory>

#include "source.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::crm_sql {

std::unique_ptr<vigie::sdk::BatchReader> open_odbc_reader(const Source& source);

}  // namespace vigie::crm_sql
