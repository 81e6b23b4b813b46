// The first of the connector's three locks against writing (see
// docs/connectors.md, "Read-only"): a `query` must be one statement that
// reads. The database's own read-only mode (a read-only SQLite file, a
// READ ONLY PostgreSQL session, ODBC's SQL_MODE_READ_ONLY) and an account
// with SELECT rights only are the others; this check cannot see inside a
// statement (a data-modifying WITH clause, a function that writes), they
// can.
#pragma once

#include <string_view>

namespace vigie::crm_sql {

// Throws std::runtime_error when `sql`, past its leading blanks and
// comments, does not start with SELECT, WITH, VALUES or TABLE, or holds a
// second statement after a `;` outside quotes and comments.
void check_read_only_query(std::string_view sql);

}  // namespace vigie::crm_sql
