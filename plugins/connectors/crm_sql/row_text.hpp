// The text of a database value, whatever the backend reports its type to
// be: every column of the crm_sql connector leaves as a string, and the
// engine's mapping types it (so a NUMERIC(12,2) stays exact as "12.34").
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace vigie::crm_sql {

// Integers as integers, doubles as the shortest text that reads back to
// the same double, dates and timestamps as "YYYY-MM-DD HH:MM:SS"; nothing
// for NULL. Throws naming the column for a type it cannot print.
std::optional<std::string> value_text(const soci::row& row, std::size_t column);

}  // namespace vigie::crm_sql
