// Copies an Arrow record batch into an owned vigie::Table, after checking
// that its buffers agree with its schema (a plugin's batch is not trusted).
#pragma once

#include <string>

#include "vigie/arrow_c_data.h"
#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::plugin_host {

// Throws std::runtime_error saying what does not match.
void check_batch(const ArrowSchema& schema, const ArrowArray& array);

// Copies the batch (checked first); dictionary columns get their own pool.
Table import_table(const ArrowSchema& schema, const ArrowArray& array);

// Copies a batch already checked (a Batch's view) into owned columns.
Table copy_table(const TableView& view);

}  // namespace vigie::plugin_host
