// The SDK's ViewedTable under the name the tests use.
#pragma once

#include "vigie/sdk/viewed_table.hpp"

namespace vigie::testing {

using sdk::ViewedTable;

}  // namespace vigie::testing
