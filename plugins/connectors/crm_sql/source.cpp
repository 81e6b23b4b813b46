#include "source.hpp"

#include "connect_failure.hpp"
#include "connection_string.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::crm_sql {

std::runtime_error step_failure(const Source& source, const char* step,
                                const std::string& reason) {
  return std::runtime_error("cannot " + std::string(step) + " " + source.what +
                            ": " + redact(reason, source.secrets));
}

void check_result_column(const Source& source, const std::string& name) {
  if (name == kLineColumn)
    throw std::runtime_error(source.what + " has a column named '" +
                             kLineColumn + "', which the connector adds");
}

std::vector<vigie::sdk::Field> result_schema(
    const std::vector<std::string>& columns) {
  std::vector<vigie::sdk::Field> fields;
  for (const auto& c : columns) fields.push_back({c, vigie::Type::String});
  fields.push_back({kLineColumn, vigie::Type::Int64});
  return fields;
}

vigie::Table empty_batch(const std::vector<std::string>& columns) {
  vigie::Table batch;
  for (const auto& c : columns) batch.add(c, vigie::Type::String);
  batch.add(kLineColumn, vigie::Type::Int64);
  return batch;
}

void throw_connect_failure(const Source& source, const std::string& reason) {
  std::string message =
      "cannot connect to the database: " + redact(reason, source.secrets);
  // Only a failure that may pass is retried by the engine: a malformed URL
  // or an unknown backend fails at once.
  if (is_transient_connect_failure(reason))
    throw vigie::sdk::RetryableError(message);
  throw std::runtime_error(message);
}

}  // namespace vigie::crm_sql
