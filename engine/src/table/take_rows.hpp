// A table of some of another's rows, in the order given: what a burst
// report reads (the rows of one value of a dimension). Dictionary columns
// keep sharing their pool, so a customer id keeps its code across tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie::table {

Table take_rows(const Table& table, const std::vector<int64_t>& rows);

// The rows whose `column` holds `value` (never a null).
std::vector<int64_t> rows_equal(const Column& column, std::string_view value);

}  // namespace vigie::table
