// The columns a table or list KPI declares (ABI 1.1 vigie_column), and the
// check that a table has exactly them. The engine runs the check on every
// table a plugin gives; the SDK's column() helper writes the declarations.
#pragma once

#include <optional>
#include <string>

#include "vigie/plugin.h"
#include "vigie/sdk/column.hpp"

namespace vigie::sdk {

constexpr vigie_column_type column_type(Type type) {
  switch (type) {
    case Type::Int64:
      return VIGIE_COLUMN_INT64;
    case Type::Double:
      return VIGIE_COLUMN_DOUBLE;
    case Type::Decimal:
      return VIGIE_COLUMN_DECIMAL;
    case Type::Bool:
      return VIGIE_COLUMN_BOOL;
    case Type::Timestamp:
      return VIGIE_COLUMN_TIMESTAMP;
    case Type::String:
      return VIGIE_COLUMN_STRING;
    case Type::Dictionary:
      return VIGIE_COLUMN_DICTIONARY;
  }
  return VIGIE_COLUMN_STRING;
}

inline const char* column_type_name(int32_t type) {
  switch (type) {
    case VIGIE_COLUMN_INT64:
      return type_name(Type::Int64);
    case VIGIE_COLUMN_DOUBLE:
      return type_name(Type::Double);
    case VIGIE_COLUMN_DECIMAL:
      return type_name(Type::Decimal);
    case VIGIE_COLUMN_BOOL:
      return type_name(Type::Bool);
    case VIGIE_COLUMN_TIMESTAMP:
      return type_name(Type::Timestamp);
    case VIGIE_COLUMN_STRING:
      return type_name(Type::String);
    case VIGIE_COLUMN_DICTIONARY:
      return type_name(Type::Dictionary);
    default:
      return "?";
  }
}

// A declared column: `unit` as Column::unit ("" when the type says it).
constexpr vigie_column column(const char* name, Type type,
                              const char* unit = "") {
  return vigie_column{sizeof(vigie_column), name, column_type(type), unit};
}

// Why `table` does not have exactly the columns `output` declares (each
// with its type, no other), or nothing; an output that declares no
// columns (a plugin built for ABI 1.0) accepts any table.
inline std::optional<std::string> undeclared_columns(const vigie_output& output,
                                                     const Table& table) {
  if (output.column_count == 0) return std::nullopt;
  std::string declared;
  for (uint32_t i = 0; i < output.column_count; ++i)
    declared += (i ? ", " : "") + std::string(output.columns[i].name);
  for (uint32_t i = 0; i < output.column_count; ++i) {
    const vigie_column& c = output.columns[i];
    const Column* given = table.find(c.name);
    if (given == nullptr)
      return "its table has no column '" + std::string(c.name) +
             "' (declared: " + declared + ")";
    if (column_type(given->type) != c.type)
      return "its column '" + std::string(c.name) + "' is " +
             type_name(given->type) + ", declared " + column_type_name(c.type);
  }
  for (const Column& given : table.columns) {
    bool known = false;
    for (uint32_t i = 0; i < output.column_count && !known; ++i)
      known = given.name == output.columns[i].name;
    if (!known)
      return "its table has a column '" + given.name +
             "' it does not declare (declared: " + declared + ")";
  }
  return std::nullopt;
}

}  // namespace vigie::sdk
