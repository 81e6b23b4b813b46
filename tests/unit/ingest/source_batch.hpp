// A source batch as a connector hands it to ingest: a table of string
// columns (and _line) lent as Arrow for the test's lifetime.
#pragma once

#include <memory>
#include <utility>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::ingest {

struct SourceBatch {
  std::shared_ptr<const Table> table;
  ArrowArray array{};
  ArrowSchema schema{};
  explicit SourceBatch(Table t)
      : table(std::make_shared<const Table>(std::move(t))) {
    export_table(table, &array, &schema);
  }
  ~SourceBatch() {
    array.release(&array);
    schema.release(&schema);
  }
  SourceBatch(const SourceBatch&) = delete;
  SourceBatch& operator=(const SourceBatch&) = delete;
  TableView view() const { return TableView(&schema, &array); }
};

}  // namespace vigie::ingest
