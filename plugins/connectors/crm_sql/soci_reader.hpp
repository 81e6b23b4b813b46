// Reads a table or query through a SOCI session: SQLite and PostgreSQL
// (and any other SOCI backend but ODBC, see odbc_reader.hpp).
#pragma once

#include <memory>

#include "source.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::crm_sql {

std::unique_ptr<vigie::sdk::BatchReader> open_soci_reader(const Source& source);

}  // namespace vigie::crm_sql
