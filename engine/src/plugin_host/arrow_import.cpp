#include "plugin_host/arrow_import.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "vigie/sdk/arrow_view.hpp"

namespace vigie::plugin_host {
namespace {

void fail(const std::string& column, const std::string& what) {
  throw std::runtime_error(fmt::format("column '{}': {}", column, what));
}

void check_column(const ArrowSchema& s, const ArrowArray& a, int64_t rows) {
  const std::string name = s.name ? s.name : "";
  const Type type = type_of_format(s.format, s.dictionary != nullptr, name);
  if (a.length < rows)
    fail(name, fmt::format("has {} rows, its batch {}", a.length, rows));
  const int64_t needed = type == Type::String ? 3 : 2;
  if (a.n_buffers != needed || a.buffers == nullptr)
    fail(name, fmt::format("has {} buffers, its format '{}' needs {}",
                           a.n_buffers, s.format, needed));
  if (a.null_count != 0 && a.buffers[0] == nullptr)
    fail(name, "has nulls but no validity bitmap");
  if (a.length > 0 && a.buffers[1] == nullptr) fail(name, "has no data");
  if (type == Type::String) {
    const auto* offsets = static_cast<const int32_t*>(a.buffers[1]) + a.offset;
    if (a.length > 0 && a.buffers[2] == nullptr)
      fail(name, "has no characters");
    for (int64_t i = 0; i < a.length; ++i)
      if (offsets[i + 1] < offsets[i]) fail(name, "has decreasing offsets");
  }
  if (type == Type::Dictionary) {
    if (a.dictionary == nullptr) fail(name, "has no dictionary");
    ArrowSchema dict_schema = *s.dictionary;
    check_column(dict_schema, *a.dictionary, a.dictionary->length);
    const auto* codes = static_cast<const int32_t*>(a.buffers[1]) + a.offset;
    ColumnView view(&s, &a);
    for (int64_t i = 0; i < a.length; ++i)
      if (view.is_valid(i) &&
          (codes[i] < 0 || codes[i] >= a.dictionary->length))
        fail(name, "has a code outside its dictionary");
  }
}

}  // namespace

void check_batch(const ArrowSchema& schema, const ArrowArray& array) {
  if (std::string_view(schema.format) != "+s")
    throw std::runtime_error("a batch must be a struct array (format '+s')");
  if (array.n_children != schema.n_children)
    throw std::runtime_error(
        fmt::format("the batch has {} columns, its schema declares {}",
                    array.n_children, schema.n_children));
  if (array.offset != 0) throw std::runtime_error("batch offsets are not read");
  for (int64_t i = 0; i < schema.n_children; ++i)
    check_column(*schema.children[i], *array.children[i], array.length);
}

Table copy_table(const TableView& view) {
  Table out;
  for (const ColumnView& in : view.columns()) {
    Column& c = out.add(in.name(), in.type(), in.unit());
    if (in.type() == Type::Dictionary) {
      auto pool = std::make_shared<StringPool>();
      for (int32_t code = 0; code < in.dictionary_size(); ++code)
        pool->append(in.dictionary_at(code));
      c.dictionary = pool;
    }
    for (int64_t i = 0; i < view.rows(); ++i) {
      if (!in.is_valid(i)) {
        c.push_null();
        continue;
      }
      switch (in.type()) {
        case Type::Int64:
        case Type::Decimal:
        case Type::Timestamp:
          c.push_int(in.ints()[i]);
          break;
        case Type::Double:
          c.push_double(in.doubles()[i]);
          break;
        case Type::Bool:
          c.push_bool(in.bool_at(i));
          break;
        case Type::String:
          c.push_string(in.string_at(i));
          break;
        case Type::Dictionary:
          c.push_code(in.codes()[i]);
          break;
      }
    }
  }
  return out;
}

Table import_table(const ArrowSchema& schema, const ArrowArray& array) {
  check_batch(schema, array);
  return copy_table(TableView(&schema, &array));
}

}  // namespace vigie::plugin_host
