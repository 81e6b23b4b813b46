// What a crm_sql source reads and how: resolved once from the options, then
// shared by the readers of each backend.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "vigie/sdk/plugin.hpp"

namespace vigie::crm_sql {

struct Source {
  std::string backend;               // "sqlite3", "postgresql", "odbc", ...
  std::string connect;               // the URL with the password added
  std::vector<std::string> secrets;  // never shown in a message
  std::string sql;
  std::string what;  // "table orders" or "query", for messages
  size_t batch_rows = 10000;
  int64_t timeout_seconds = 0;  // 0: no limit
};

// The column the connector adds: the 1-based row number of the result.
inline constexpr const char* kLineColumn = "_line";

// A column of the result, refused when it takes the name of the column
// the connector adds.
void check_result_column(const Source& source, const std::string& name);

// What every reader hands over: the result's columns as text, then _line;
// and an empty batch of that shape.
std::vector<vigie::sdk::Field> result_schema(
    const std::vector<std::string>& columns);
vigie::Table empty_batch(const std::vector<std::string>& columns);

// The error of a failed database step, naming the table or query, with
// the secrets hidden.
std::runtime_error step_failure(const Source& source, const char* step,
                                const std::string& reason);

// The error for a failed connection: retryable (sdk::RetryableError) when
// the database's message says it may pass, else fatal; secrets hidden.
[[noreturn]] void throw_connect_failure(const Source& source,
                                        const std::string& reason);

}  // namespace vigie::crm_sql
