#include "call_centre_calls.hpp"

#include <stdexcept>
#include <string>

namespace vigie::call_centre {

namespace {

const ColumnView* typed(const TableView& table, std::string_view name,
                        Type type) {
  const ColumnView* column = table.find(name);
  if (column != nullptr && column->type() != type)
    throw std::runtime_error("calls." + std::string(name) + " is " +
                             type_name(column->type()) + ", not " +
                             type_name(type));
  return column;
}

const ColumnView& required(const ColumnView* column, std::string_view name) {
  if (column == nullptr)
    throw std::runtime_error("calls has no column '" + std::string(name) + "'");
  return *column;
}

// One flag a dictionary code: does the code spell `text`?
std::vector<uint8_t> codes_spelling(const ColumnView& column,
                                    std::string_view text) {
  std::vector<uint8_t> flags(static_cast<size_t>(column.dictionary_size()));
  for (size_t code = 0; code < flags.size(); ++code)
    flags[code] = column.dictionary_at(static_cast<int32_t>(code)) == text;
  return flags;
}

}  // namespace

const ColumnView& Calls::started_at() const {
  return required(typed(table_, "started_at", Type::Timestamp), "started_at");
}

const ColumnView* Calls::text(std::string_view name) const {
  return typed(table_, name, Type::Dictionary);
}

const ColumnView* Calls::integer(std::string_view name) const {
  return typed(table_, name, Type::Int64);
}

std::vector<int32_t> Calls::inbound_periods(
    const sdk::kernels::PeriodIndex& periods) const {
  std::vector<int32_t> period_of_row = periods.assign(started_at());
  const Directions directions = this->directions();
  if (directions.column == nullptr) return period_of_row;
  for (int64_t row = 0; row < rows(); ++row)
    if (!directions.is_inbound(row))
      period_of_row[static_cast<size_t>(row)] = sdk::kernels::kNone;
  return period_of_row;
}

Calls::Directions Calls::directions() const {
  const ColumnView* column = text("direction");
  if (column == nullptr) return {nullptr, {}};
  return {column, codes_spelling(*column, "inbound")};
}

Calls::Outcomes Calls::outcomes() const {
  const ColumnView& column = required(text("outcome"), "outcome");
  return {&column, codes_spelling(column, "answered"),
          codes_spelling(column, "abandoned")};
}

}  // namespace vigie::call_centre
