// The canonical datasets of the data model (../shared/DATA-MODEL.md, kept
// in docs/data-model.md): every connector's rows are mapped into one of
// these, and indicators only ever see these shapes.
#pragma once

#include <span>
#include <string_view>

#include "vigie/sdk/column.hpp"

namespace vigie::table {

// How a canonical column is stored once read.
enum class ColumnKind {
  Text,        // dictionary-encoded string, a dictionary per dataset column
  CustomerId,  // dictionary-encoded in the one dictionary of customer ids
  VisitorId,   // dictionary-encoded in the one dictionary of visitor ids
  Int,
  Decimal,
  Bool,
  Timestamp,
  Month  // a calendar month, int64 year * 12 + (month - 1) (calendar_month.hpp)
};

struct CanonicalColumn {
  std::string_view name;
  ColumnKind kind;
  bool required;  // the source must provide it, and each row a value...
  bool may_be_empty = false;  // ...unless this says a row may leave it empty
};

struct CanonicalDataset {
  std::string_view name;
  std::span<const CanonicalColumn> columns;
  // The column that places a row in time (a timestamp, or a month for
  // marketing_spend): the period a spec metric counts the row in.
  std::string_view time_column;
  const CanonicalColumn* find(std::string_view column) const;
};

// customers, orders, web_events, calls, surveys, marketing_spend, and
// Vigie's own report_runs and report_deliveries.
std::span<const CanonicalDataset> canonical_datasets();
const CanonicalDataset* find_dataset(std::string_view name);

Type storage_type(ColumnKind kind);

}  // namespace vigie::table
