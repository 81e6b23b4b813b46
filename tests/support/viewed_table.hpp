// An owned table read through vigie::TableView: exported to Arrow by the
// SDK, so a test reads a plugin's result table with the accessors a plugin
// reads its inputs with (ints(), string_at(), number_at(), ...).
#pragma once

#include <string_view>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::testing {

class ViewedTable {
 public:
  explicit ViewedTable(Table table);
  ~ViewedTable();
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

}  // namespace vigie::testing
