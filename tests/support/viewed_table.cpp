#include "support/viewed_table.hpp"

#include <utility>

namespace vigie::testing {

ViewedTable::ViewedTable(Table table) {
  export_table(std::move(table), &array_, &schema_);
  try {
    view_ = TableView(&schema_, &array_);
  } catch (...) {
    array_.release(&array_);
    schema_.release(&schema_);
    throw;
  }
}

ViewedTable::~ViewedTable() {
  if (array_.release) array_.release(&array_);
  if (schema_.release) schema_.release(&schema_);
}

}  // namespace vigie::testing
