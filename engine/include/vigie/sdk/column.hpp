// Owned, typed columns and their export as Arrow C Data Interface structs.
// The engine and the plugins share this one representation: a plugin fills
// Columns and hands them over as Arrow; the engine keeps its tables in
// Columns and lends them to indicators as Arrow.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/arrow_c_data.h"

namespace vigie {

enum class Type : uint8_t {
  Int64,
  Double,
  Decimal,    // int64 scaled by 10^4 (Arrow "d:18,4,64")
  Bool,       // one byte a value here, a bitmap in Arrow
  Timestamp,  // int64 microseconds since the epoch, UTC (Arrow "tsu:UTC")
  String,     // utf8 (Arrow "u")
  Dictionary  // int32 codes into a string dictionary (Arrow "i" + "u")
};

inline constexpr int64_t kDecimalScale = 10000;
inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

const char* type_name(Type t);

// An append-only list of distinct strings, addressed by dense int32 codes.
// Shared between columns (customer_id of every dataset uses one), so equal
// codes mean equal strings across datasets.
class StringPool {
 public:
  int32_t size() const { return static_cast<int32_t>(offsets_.size()) - 1; }
  std::string_view at(int32_t code) const {
    return {chars_.data() + offsets_[static_cast<size_t>(code)],
            static_cast<size_t>(offsets_[static_cast<size_t>(code) + 1] -
                                offsets_[static_cast<size_t>(code)])};
  }
  // Appends without checking for duplicates; the engine's interner does.
  int32_t append(std::string_view s) {
    chars_.append(s.data(), s.size());
    offsets_.push_back(static_cast<int32_t>(chars_.size()));
    return size() - 1;
  }
  void reserve(size_t count, size_t bytes) {
    offsets_.reserve(count + 1);
    chars_.reserve(bytes);
  }
  const std::vector<int32_t>& offsets() const { return offsets_; }
  const std::string& chars() const { return chars_; }

 private:
  std::vector<int32_t> offsets_{0};
  std::string chars_;
};

struct Column {
  std::string name;
  Type type = Type::Int64;
  // How a reader shows the values: "currency", "count", "ratio" (a share),
  // "multiple", "days", "seconds", "ms", "score", or "" (the type decides:
  // decimals are money). Crosses the ABI as the Arrow field metadata
  // "vigie.unit".
  std::string unit;
  std::vector<int64_t> ints;                     // Int64, Decimal, Timestamp
  std::vector<double> doubles;                   // Double
  std::vector<uint8_t> bools;                    // Bool
  std::vector<int32_t> offsets{0};               // String
  std::string chars;                             // String
  std::vector<int32_t> codes;                    // Dictionary
  std::shared_ptr<const StringPool> dictionary;  // Dictionary
  std::vector<uint8_t> valid;  // one byte a row; empty means all valid

  Column() = default;
  Column(std::string n, Type t) : name(std::move(n)), type(t) {}

  int64_t size() const {
    switch (type) {
      case Type::Int64:
      case Type::Decimal:
      case Type::Timestamp:
        return static_cast<int64_t>(ints.size());
      case Type::Double:
        return static_cast<int64_t>(doubles.size());
      case Type::Bool:
        return static_cast<int64_t>(bools.size());
      case Type::String:
        return static_cast<int64_t>(offsets.size()) - 1;
      case Type::Dictionary:
        return static_cast<int64_t>(codes.size());
    }
    return 0;
  }
  bool is_valid(int64_t i) const {
    return valid.empty() || valid[static_cast<size_t>(i)] != 0;
  }
  std::string_view string_at(int64_t i) const {
    if (type == Type::Dictionary)
      return dictionary->at(codes[static_cast<size_t>(i)]);
    return {chars.data() + offsets[static_cast<size_t>(i)],
            static_cast<size_t>(offsets[static_cast<size_t>(i) + 1] -
                                offsets[static_cast<size_t>(i)])};
  }

  // Appenders: a null appends a placeholder value and marks the row.
  void push_int(int64_t v) {
    ints.push_back(v);
    mark(true);
  }
  void push_double(double v) {
    doubles.push_back(v);
    mark(true);
  }
  void push_bool(bool v) {
    bools.push_back(v ? 1 : 0);
    mark(true);
  }
  void push_string(std::string_view s) {
    chars.append(s.data(), s.size());
    offsets.push_back(static_cast<int32_t>(chars.size()));
    mark(true);
  }
  void push_code(int32_t code) {
    codes.push_back(code);
    mark(true);
  }
  void push_null() {
    switch (type) {
      case Type::Int64:
      case Type::Decimal:
      case Type::Timestamp:
        ints.push_back(0);
        break;
      case Type::Double:
        doubles.push_back(0);
        break;
      case Type::Bool:
        bools.push_back(0);
        break;
      case Type::String:
        offsets.push_back(offsets.back());
        break;
      case Type::Dictionary:
        codes.push_back(0);
        break;
    }
    mark(false);
  }
  int64_t null_count() const {
    int64_t n = 0;
    for (uint8_t v : valid) n += v == 0;
    return n;
  }

 private:
  void mark(bool ok) {
    if (!valid.empty()) {
      valid.push_back(ok ? 1 : 0);
    } else if (!ok) {
      valid.assign(static_cast<size_t>(size()), 1);
      valid.back() = 0;
    }
  }
};

// A set of equally long named columns. A deque, so that adding a column
// keeps references to the others valid: add a column, keep its reference,
// add the next.
struct Table {
  std::deque<Column> columns;
  int64_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
  const Column* find(std::string_view name) const {
    for (const auto& c : columns)
      if (c.name == name) return &c;
    return nullptr;
  }
  Column* find(std::string_view name) {
    for (auto& c : columns)
      if (c.name == name) return &c;
    return nullptr;
  }
  Column& add(std::string name, Type type, std::string unit = {}) {
    columns.emplace_back(std::move(name), type);
    columns.back().unit = std::move(unit);
    return columns.back();
  }
};

inline const char* type_name(Type t) {
  switch (t) {
    case Type::Int64:
      return "int";
    case Type::Double:
      return "double";
    case Type::Decimal:
      return "decimal";
    case Type::Bool:
      return "bool";
    case Type::Timestamp:
      return "timestamp";
    case Type::String:
      return "string";
    case Type::Dictionary:
      return "string (dictionary)";
  }
  return "?";
}

inline const char* arrow_format(Type t) {
  switch (t) {
    case Type::Int64:
      return "l";
    case Type::Double:
      return "g";
    case Type::Decimal:
      return "d:18,4,64";
    case Type::Bool:
      return "b";
    case Type::Timestamp:
      return "tsu:UTC";
    case Type::String:
      return "u";
    case Type::Dictionary:
      return "i";
  }
  return "n";
}

namespace arrow_export_detail {

// Whatever an exported ArrowArray points to lives here; the release callback
// deletes it. Buffers are copied or packed (validity, bools) on export.
struct ArrayHolder {
  std::vector<std::vector<uint8_t>> bitmaps;
  std::shared_ptr<const void> keep_alive;  // shares a Column's storage
  std::vector<const void*> buffers;
  std::vector<ArrowArray*> children;
  std::vector<std::unique_ptr<ArrowArray>> owned_children;
  std::unique_ptr<ArrowArray> dictionary;
};

struct SchemaHolder {
  std::string format;
  std::string name;
  std::string metadata;  // Arrow's encoding; empty: none
  std::vector<ArrowSchema*> children;
  std::vector<std::unique_ptr<ArrowSchema>> owned_children;
  std::unique_ptr<ArrowSchema> dictionary;
};

inline void release_array(ArrowArray* a) {
  if (a->release == nullptr) return;
  auto* h = static_cast<ArrayHolder*>(a->private_data);
  for (auto& c : h->owned_children)
    if (c->release) c->release(c.get());
  if (h->dictionary && h->dictionary->release)
    h->dictionary->release(h->dictionary.get());
  delete h;
  a->release = nullptr;
}

inline void release_schema(ArrowSchema* s) {
  if (s->release == nullptr) return;
  auto* h = static_cast<SchemaHolder*>(s->private_data);
  for (auto& c : h->owned_children)
    if (c->release) c->release(c.get());
  if (h->dictionary && h->dictionary->release)
    h->dictionary->release(h->dictionary.get());
  delete h;
  s->release = nullptr;
}

inline std::vector<uint8_t> pack_bits(const std::vector<uint8_t>& bytes) {
  std::vector<uint8_t> bits((bytes.size() + 7) / 8, 0);
  for (size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i]) bits[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
  return bits;
}

// Arrow's metadata encoding (C Data Interface): an int32 count of pairs,
// then each key and value as an int32 length and its bytes, native order.
inline std::string encode_metadata(
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  auto put = [&](int32_t n) {
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
  };
  put(static_cast<int32_t>(pairs.size()));
  for (const auto& [key, value] : pairs) {
    put(static_cast<int32_t>(key.size()));
    out += key;
    put(static_cast<int32_t>(value.size()));
    out += value;
  }
  return out;
}

inline void fill_schema(ArrowSchema* out, const std::string& name,
                        const std::string& format, bool nullable) {
  auto* h = new SchemaHolder{format, name, {}, {}, {}, nullptr};
  *out = ArrowSchema{h->format.c_str(),
                     h->name.c_str(),
                     nullptr,
                     nullable ? ARROW_FLAG_NULLABLE : 0,
                     0,
                     nullptr,
                     nullptr,
                     &release_schema,
                     h};
}

inline void export_pool(const std::shared_ptr<const StringPool>& pool,
                        ArrowArray* out) {
  auto* h = new ArrayHolder;
  h->keep_alive = pool;
  h->buffers = {nullptr, pool->offsets().data(), pool->chars().data()};
  *out = ArrowArray{
      pool->size(),   0, 0, 3, 0, h->buffers.data(), nullptr, nullptr,
      &release_array, h};
}

// The column is shared (not copied) through `owner`, which must keep it
// alive and unchanged until the array is released.
inline void export_column(const std::shared_ptr<const Column>& owner,
                          ArrowArray* out, ArrowSchema* schema) {
  const Column& c = *owner;
  auto* h = new ArrayHolder;
  h->keep_alive = owner;
  const void* validity = nullptr;
  int64_t nulls = 0;
  if (!c.valid.empty()) {
    nulls = c.null_count();
    if (nulls > 0) {
      h->bitmaps.push_back(pack_bits(c.valid));
      validity = h->bitmaps.back().data();
    }
  }
  switch (c.type) {
    case Type::Int64:
    case Type::Decimal:
    case Type::Timestamp:
      h->buffers = {validity, c.ints.data()};
      break;
    case Type::Double:
      h->buffers = {validity, c.doubles.data()};
      break;
    case Type::Bool:
      h->bitmaps.push_back(pack_bits(c.bools));
      h->buffers = {validity, h->bitmaps.back().data()};
      break;
    case Type::String:
      h->buffers = {validity, c.offsets.data(), c.chars.data()};
      break;
    case Type::Dictionary:
      h->buffers = {validity, c.codes.data()};
      h->dictionary = std::make_unique<ArrowArray>();
      export_pool(c.dictionary, h->dictionary.get());
      break;
  }
  *out = ArrowArray{c.size(),
                    nulls,
                    0,
                    static_cast<int64_t>(h->buffers.size()),
                    0,
                    h->buffers.data(),
                    nullptr,
                    h->dictionary.get(),
                    &release_array,
                    h};
  fill_schema(schema, c.name, arrow_format(c.type), true);
  if (!c.unit.empty()) {
    auto* sh = static_cast<SchemaHolder*>(schema->private_data);
    sh->metadata = encode_metadata({{"vigie.unit", c.unit}});
    schema->metadata = sh->metadata.data();
  }
  if (c.type == Type::Dictionary) {
    auto* sh = static_cast<SchemaHolder*>(schema->private_data);
    sh->dictionary = std::make_unique<ArrowSchema>();
    fill_schema(sh->dictionary.get(), "", "u", false);
    schema->dictionary = sh->dictionary.get();
  }
}

}  // namespace arrow_export_detail

// Exports a table as one struct array (a record batch) and its schema. The
// table is shared, not copied; it must not change until both are released.
inline void export_table(const std::shared_ptr<const Table>& table,
                         ArrowArray* out, ArrowSchema* schema) {
  using namespace arrow_export_detail;
  auto* ah = new ArrayHolder;
  ah->keep_alive = table;
  auto* sh = new SchemaHolder{"+s", "", {}, {}, {}, nullptr};
  for (const Column& c : table->columns) {
    auto child = std::make_unique<ArrowArray>();
    auto child_schema = std::make_unique<ArrowSchema>();
    export_column(std::shared_ptr<const Column>(table, &c), child.get(),
                  child_schema.get());
    ah->children.push_back(child.get());
    ah->owned_children.push_back(std::move(child));
    sh->children.push_back(child_schema.get());
    sh->owned_children.push_back(std::move(child_schema));
  }
  ah->buffers = {nullptr};
  *out = ArrowArray{table->rows(),
                    0,
                    0,
                    1,
                    static_cast<int64_t>(ah->children.size()),
                    ah->buffers.data(),
                    ah->children.data(),
                    nullptr,
                    &release_array,
                    ah};
  *schema = ArrowSchema{sh->format.c_str(),
                        sh->name.c_str(),
                        nullptr,
                        0,
                        static_cast<int64_t>(sh->children.size()),
                        sh->children.data(),
                        nullptr,
                        &release_schema,
                        sh};
}

inline void export_table(Table&& table, ArrowArray* out, ArrowSchema* schema) {
  export_table(std::make_shared<const Table>(std::move(table)), out, schema);
}

}  // namespace vigie
