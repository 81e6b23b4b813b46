#include "ingest/lookup_table.hpp"

#include "ingest/batch_row.hpp"

namespace vigie::ingest {

LookupTable::LookupTable(std::string_view key, std::string_view value,
                         const std::vector<std::string>& columns)
    : key_(Expression::parse(key, columns)),
      value_(Expression::parse(value, columns)) {}

void LookupTable::add(const TableView& batch) {
  BatchRow row(batch);
  for (int64_t r = 0; r < batch.rows(); ++r) {
    row.set_row(r);
    Value key;
    Value value;
    try {
      key = key_.evaluate(row);
      value = value_.evaluate(row);
    } catch (const EvaluationError&) {
      ++skipped_;
      continue;
    }
    if (key.is_null() || value.is_null()) {
      ++skipped_;
      continue;
    }
    auto [it, inserted] =
        values_.try_emplace(key.as_text(), Entry{value.as_text(), false});
    if (!inserted && !it->second.ambiguous &&
        it->second.value != value.as_text()) {
      it->second.ambiguous = true;
      ++ambiguous_;
    }
  }
}

const std::string* LookupTable::find(std::string_view key) const {
  auto it = values_.find(key);
  if (it == values_.end() || it->second.ambiguous) return nullptr;
  return &it->second.value;
}

}  // namespace vigie::ingest
