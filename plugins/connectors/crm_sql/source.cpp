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
