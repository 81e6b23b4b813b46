#include "products_run.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace vigie::products {

std::vector<int32_t> text_codes(const ColumnView* column, int64_t rows,
                                int32_t none) {
  if (column == nullptr)
    return std::vector<int32_t>(static_cast<size_t>(rows), none);
  if (column->type() != Type::Dictionary)
    throw std::runtime_error("orders." + column->name() +
                             " must be a dictionary-encoded text column");
  // Whether each distinct text is empty, looked at once, not once a row.
  std::vector<uint8_t> empty(static_cast<size_t>(column->dictionary_size()));
  for (size_t code = 0; code < empty.size(); ++code)
    empty[code] = column->dictionary_at(static_cast<int32_t>(code)).empty();
  const CodeSource codes(*column);
  std::vector<int32_t> out(static_cast<size_t>(rows));
  for (int64_t row = 0; row < rows; ++row) {
    const int32_t code = codes[row];
    out[static_cast<size_t>(row)] =
        code < 0 || empty[static_cast<size_t>(code)] ? none : code;
  }
  return out;
}

namespace {

std::optional<Sum> optional_sum(int32_t groups, const ColumnView* column) {
  if (column == nullptr) return std::nullopt;
  return Sum(groups, *column);
}

}  // namespace

LineSums::LineSums(const GroupKeys& keys, const TableView& orders)
    : lines(keys.group_count()),
      amount(keys.group_count(), orders.column("amount")),
      quantity(optional_sum(keys.group_count(), orders.find("quantity"))),
      margin(optional_sum(keys.group_count(), orders.find("margin"))) {
  // One pass feeds the sums the run has columns for.
  if (quantity && margin)
    aggregate(keys, lines, amount, *quantity, *margin);
  else if (quantity)
    aggregate(keys, lines, amount, *quantity);
  else if (margin)
    aggregate(keys, lines, amount, *margin);
  else
    aggregate(keys, lines, amount);
}

const std::vector<int32_t>& Run::line_periods() {
  return line_periods_.get([&] {
    return PeriodIndex(request.periods).assign(orders().column("ordered_at"));
  });
}

const GroupKeys& Run::period_keys() {
  return period_keys_.get(
      [&] { return GroupKeys::by_period(line_periods(), period_count()); });
}

const LineSums& Run::totals() {
  return totals_.get([&] { return LineSums(period_keys(), orders()); });
}

const std::optional<Sum>& Run::quantities() {
  return quantities_.get([&] {
    std::optional<Sum> sum =
        optional_sum(period_count(), orders().find("quantity"));
    if (sum) aggregate(period_keys(), *sum);
    return sum;
  });
}

const ProductFigures& Run::products() {
  return products_.get([&] {
    const TableView& lines = orders();
    // Without the column no line is a product's.
    const ColumnView* product_id = lines.find("product_id");
    const auto product_count =
        static_cast<int32_t>(product_id ? product_id->dictionary_size() : 0);
    const std::vector<int32_t> product =
        text_codes(product_id, lines.rows(), kNone);
    GroupKeys keys = GroupKeys::by_period_and_code(
        std::span<const int32_t>(line_periods()), period_count(),
        CodeSource(product, product_count));
    LineSums sums(keys, lines);
    std::optional<FirstCode> category;
    if (const ColumnView* column = lines.find("category")) {
      const std::vector<int32_t> codes =
          text_codes(column, lines.rows(), kNone);
      category.emplace(keys.group_count(), lines.column("ordered_at"),
                       CodeSource(codes, column->dictionary_size()));
      aggregate(keys, *category);
    }
    return ProductFigures{product_id != nullptr, product_count, std::move(keys),
                          std::move(sums), std::move(category)};
  });
}

const CategoryFigures& Run::categories() {
  return categories_.get([&] {
    const TableView& lines = orders();
    const ColumnView* column = lines.find("category");
    const auto none =
        static_cast<int32_t>(column ? column->dictionary_size() : 0);
    const std::vector<int32_t> category =
        text_codes(column, lines.rows(), none);
    GroupKeys keys = GroupKeys::by_period_and_code(
        std::span<const int32_t>(line_periods()), period_count(),
        CodeSource(category, int64_t{none} + 1));
    LineSums sums(keys, lines);
    return CategoryFigures{std::move(keys), none, std::move(sums)};
  });
}

}  // namespace vigie::products
