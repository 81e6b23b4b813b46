// An owned table read through vigie::TableView: exported to Arrow (shared,
// not copied), so that code holding a Table (the engine's derived
// datasets, tests reading a plugin's result) reads it with the kernels and
// accessors a plugin reads its inputs with (ints(), string_at(), ...).
#pragma once

#include <memory>
#include <string_view>
#include <utility>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::sdk {

class ViewedTable {
 public:
  explicit ViewedTable(std::shared_ptr<const Table> table) {
    export_table(table, &array_, &schema_);
    try {
      view_ = TableView(&schema_, &array_);
    } catch (...) {
      array_.release(&array_);
      schema_.release(&schema_);
      throw;
    }
  }
  explicit ViewedTable(Table table)
      : ViewedTable(std::make_shared<const Table>(std::move(table))) {}
  ~ViewedTable() {
    if (array_.release) array_.release(&array_);
    if (schema_.release) schema_.release(&schema_);
  }
  // The view points into this object's Arrow structs: not movable.
  ViewedTable(const ViewedTable&) = delete;
  ViewedTable& operator=(const ViewedTable&) = delete;

  const TableView& view() const { return view_; }
  const ColumnView& column(std::string_view name) const {
    return view_.column(name);
  }

 private:
  ArrowSchema schema_{};
  ArrowArray array_{};
  TableView view_;
};

}  // namespace vigie::sdk
