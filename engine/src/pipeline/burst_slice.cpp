#include "pipeline/burst_slice.hpp"

#include <unordered_set>

#include "table/take_rows.hpp"

namespace vigie::pipeline {
namespace {

// The customer ids of a table, by dictionary code when the column is
// dictionary-encoded (codes are shared by every dataset's customer_id).
struct CustomerSet {
  std::unordered_set<int32_t> codes;
  std::unordered_set<std::string> texts;

  explicit CustomerSet(const Column& ids) {
    for (int64_t i = 0; i < ids.size(); ++i) {
      if (!ids.is_valid(i)) continue;
      if (ids.type == Type::Dictionary)
        codes.insert(ids.codes[static_cast<size_t>(i)]);
      texts.emplace(ids.string_at(i));
    }
  }

  bool contains(const Column& ids, int64_t i) const {
    if (!ids.is_valid(i)) return false;
    if (ids.type == Type::Dictionary)
      return codes.count(ids.codes[static_cast<size_t>(i)]) > 0;
    return texts.count(std::string(ids.string_at(i))) > 0;
  }
};

std::shared_ptr<const Table> rows_of(const Table& table,
                                     const std::vector<int64_t>& rows) {
  return std::make_shared<const Table>(table::take_rows(table, rows));
}

}  // namespace

compute::Datasets burst_slice(const compute::Datasets& all,
                              const spec::Burst& burst,
                              const std::string& value) {
  compute::Datasets slice = all;
  auto dimension = all.find(burst.dataset);
  if (dimension == all.end()) return slice;
  const Table& table = *dimension->second;
  const Column* column = table.find(burst.column);
  const std::vector<int64_t> rows =
      column ? table::rows_equal(*column, value) : std::vector<int64_t>{};
  slice[burst.dataset] = rows_of(table, rows);
  if (burst.dataset != "customers") return slice;
  const Column* ids = slice[burst.dataset]->find("customer_id");
  if (ids == nullptr) return slice;
  const CustomerSet customers(*ids);
  for (auto& [name, data] : slice) {
    if (name == "customers") continue;
    const Column* other = data->find("customer_id");
    if (other == nullptr) continue;
    std::vector<int64_t> keep;
    for (int64_t i = 0; i < other->size(); ++i)
      if (customers.contains(*other, i)) keep.push_back(i);
    data = rows_of(*data, keep);
  }
  return slice;
}

}  // namespace vigie::pipeline
