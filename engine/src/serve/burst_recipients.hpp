// The recipients a burst's query gives each value (burst.recipients_query):
// a team's address book in a database, rather than copied into the spec.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "spec/spec.hpp"

namespace vigie::serve {

// value -> addresses, each once, in the query's order. Throws
// std::runtime_error naming the database (its password hidden) when it
// cannot be opened or the query fails, or a row is not (text, address).
std::map<std::string, std::vector<std::string>> query_burst_recipients(
    const spec::Burst& burst);

}  // namespace vigie::serve
