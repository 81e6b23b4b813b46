// Which failures to connect are worth trying again. The engine retries a
// source's `open` when the connector throws sdk::RetryableError; that must
// mean "the database may answer in a moment" (refused, timed out, starting
// up, busy), never a connection string that can only fail again.
#pragma once

#include <string_view>

namespace vigie::crm_sql {

// True when the database's message says the failure is transient: the
// server is not (yet) there or not reachable now, or the database is
// busy. Anything else (bad syntax, an unknown backend or option, a wrong
// password, a missing file) is not.
bool is_transient_connect_failure(std::string_view message);

}  // namespace vigie::crm_sql
