// Read-only typed views over Arrow C Data Interface arrays: how a plugin
// reads the datasets it is given, and how the engine reads what a plugin
// hands back. Only the formats of vigie::Type are understood; anything else
// is refused with the column's name.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/arrow_c_data.h"
#include "vigie/sdk/column.hpp"

namespace vigie {

// The value of `key` in Arrow field metadata, or "" (no metadata, no key).
inline std::string metadata_value(const char* metadata, std::string_view key) {
  if (metadata == nullptr) return {};
  auto get = [&](int32_t& n) {
    std::memcpy(&n, metadata, sizeof n);
    metadata += sizeof n;
  };
  int32_t pairs = 0;
  get(pairs);
  for (int32_t i = 0; i < pairs; ++i) {
    int32_t length = 0;
    get(length);
    std::string_view k(metadata, static_cast<size_t>(length));
    metadata += length;
    get(length);
    std::string_view v(metadata, static_cast<size_t>(length));
    metadata += length;
    if (k == key) return std::string(v);
  }
  return {};
}

// Parses an Arrow format string into a vigie::Type, or throws.
inline Type type_of_format(std::string_view format, bool dictionary_encoded,
                           std::string_view column) {
  if (dictionary_encoded) {
    if (format == "i") return Type::Dictionary;
  } else if (format == "l") {
    return Type::Int64;
  } else if (format == "g") {
    return Type::Double;
  } else if (format == "d:18,4,64") {
    return Type::Decimal;
  } else if (format == "b") {
    return Type::Bool;
  } else if (format == "tsu:UTC") {
    return Type::Timestamp;
  } else if (format == "u") {
    return Type::String;
  }
  throw std::runtime_error("column '" + std::string(column) +
                           "' has Arrow format '" + std::string(format) +
                           "', which Vigie does not read");
}

class ColumnView {
 public:
  ColumnView(const ArrowSchema* schema, const ArrowArray* array)
      : array_(array) {
    name_ = schema->name ? schema->name : "";
    unit_ = metadata_value(schema->metadata, "vigie.unit");
    type_ =
        type_of_format(schema->format, schema->dictionary != nullptr, name_);
    if (array->n_buffers < 2 || (type_ == Type::String && array->n_buffers < 3))
      throw std::runtime_error("column '" + name_ +
                               "': too few buffers for its format");
    offset_ = array->offset;
    validity_ = static_cast<const uint8_t*>(array->buffers[0]);
    if (array->null_count == 0) validity_ = nullptr;
    if (type_ == Type::Dictionary) {
      if (array->dictionary == nullptr)
        throw std::runtime_error("column '" + name_ +
                                 "': dictionary-encoded without dictionary");
      std::string_view dict_format = schema->dictionary->format;
      if (dict_format != "u")
        throw std::runtime_error("column '" + name_ +
                                 "': dictionary values must be utf8");
      dict_offsets_ =
          static_cast<const int32_t*>(array->dictionary->buffers[1]) +
          array->dictionary->offset;
      dict_chars_ = static_cast<const char*>(array->dictionary->buffers[2]);
      dict_size_ = array->dictionary->length;
    }
  }

  const std::string& name() const { return name_; }
  Type type() const { return type_; }
  const std::string& unit() const { return unit_; }  // see Column::unit
  int64_t size() const { return array_->length; }
  int64_t null_count() const { return array_->null_count; }

  bool is_valid(int64_t i) const {
    if (validity_ == nullptr) return true;
    int64_t j = i + offset_;
    return (validity_[j >> 3] >> (j & 7)) & 1;
  }
  // Int64, Decimal (scaled by 10^4) and Timestamp (microseconds UTC).
  const int64_t* ints() const {
    expect(type_ == Type::Int64 || type_ == Type::Decimal ||
               type_ == Type::Timestamp,
           "an integer, decimal or timestamp");
    return static_cast<const int64_t*>(array_->buffers[1]) + offset_;
  }
  const double* doubles() const {
    expect(type_ == Type::Double, "a double");
    return static_cast<const double*>(array_->buffers[1]) + offset_;
  }
  bool bool_at(int64_t i) const {
    expect(type_ == Type::Bool, "a bool");
    const auto* bits = static_cast<const uint8_t*>(array_->buffers[1]);
    int64_t j = i + offset_;
    return (bits[j >> 3] >> (j & 7)) & 1;
  }
  // Dictionary codes (int32): equal codes mean equal strings.
  const int32_t* codes() const {
    expect(type_ == Type::Dictionary, "a dictionary-encoded string");
    return static_cast<const int32_t*>(array_->buffers[1]) + offset_;
  }
  int64_t dictionary_size() const { return dict_size_; }
  std::string_view dictionary_at(int32_t code) const {
    return {dict_chars_ + dict_offsets_[code],
            static_cast<size_t>(dict_offsets_[code + 1] - dict_offsets_[code])};
  }
  // Any string column, plain or dictionary-encoded.
  std::string_view string_at(int64_t i) const {
    if (type_ == Type::Dictionary) return dictionary_at(codes()[i]);
    expect(type_ == Type::String, "a string");
    const auto* offs =
        static_cast<const int32_t*>(array_->buffers[1]) + offset_;
    const auto* chars = static_cast<const char*>(array_->buffers[2]);
    return {chars + offs[i], static_cast<size_t>(offs[i + 1] - offs[i])};
  }
  // Numeric value as a double, whatever the numeric type.
  double number_at(int64_t i) const {
    switch (type_) {
      case Type::Int64:
        return static_cast<double>(ints()[i]);
      case Type::Decimal:
        return static_cast<double>(ints()[i]) /
               static_cast<double>(kDecimalScale);
      case Type::Double:
        return doubles()[i];
      default:
        expect(false, "a number");
        return 0;
    }
  }

 private:
  void expect(bool ok, const char* what) const {
    if (!ok)
      throw std::runtime_error("column '" + name_ + "' is " + type_name(type_) +
                               ", not " + what);
  }
  const ArrowArray* array_;
  std::string name_;
  std::string unit_;
  Type type_;
  int64_t offset_ = 0;
  const uint8_t* validity_ = nullptr;
  const int32_t* dict_offsets_ = nullptr;
  const char* dict_chars_ = nullptr;
  int64_t dict_size_ = 0;
};

// A record batch: a struct array whose children are the columns.
class TableView {
 public:
  TableView() = default;
  TableView(const ArrowSchema* schema, const ArrowArray* array) {
    if (std::string_view(schema->format) != "+s")
      throw std::runtime_error("a table must be an Arrow struct array");
    if (schema->n_children != array->n_children)
      throw std::runtime_error("table schema and array disagree on columns");
    rows_ = array->length;
    for (int64_t i = 0; i < schema->n_children; ++i) {
      columns_.emplace_back(schema->children[i], array->children[i]);
      if (columns_.back().size() < rows_ + array->offset)
        throw std::runtime_error("column '" + columns_.back().name() +
                                 "' is shorter than its table");
    }
  }
  int64_t rows() const { return rows_; }
  const std::vector<ColumnView>& columns() const { return columns_; }
  const ColumnView* find(std::string_view name) const {
    for (const auto& c : columns_)
      if (c.name() == name) return &c;
    return nullptr;
  }
  const ColumnView& column(std::string_view name) const {
    if (const auto* c = find(name)) return *c;
    throw std::runtime_error("missing column '" + std::string(name) + "'");
  }

 private:
  int64_t rows_ = 0;
  std::vector<ColumnView> columns_;
};

}  // namespace vigie
