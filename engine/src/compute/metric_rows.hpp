// The rows a metric written in the spec aggregates: those of its dataset
// that pass its filter, each placed in time by the dataset's time column.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "compute/periods.hpp"
#include "spec/spec.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::compute {

class MetricRows {
 public:
  // Throws std::invalid_argument naming the column when `table` lacks one
  // the metric reads (the plan reads them all: a bug, not a spec error).
  MetricRows(const Table& table, const spec::Metric& metric,
             const std::string& time_zone);

  int64_t size() const { return rows_; }
  // Every condition of the filter holds; a null never matches.
  bool passes(int64_t row) const;
  // The instant of the row (µs UTC): its timestamp, or for a month the
  // local midnight starting it; nothing without one.
  std::optional<int64_t> time(int64_t row) const;

 private:
  struct Condition {
    const Column* column;
    spec::FilterOp op;
    // Numbers, bools, times, months as stored; for a text, the
    // dictionary codes of the values.
    std::vector<int64_t> values;
  };
  bool holds(const Condition& c, int64_t row) const;

  int64_t rows_ = 0;
  std::vector<Condition> conditions_;
  const Column* time_ = nullptr;
  bool months_ = false;
  std::string time_zone_;
  mutable std::unordered_map<int64_t, int64_t> month_starts_;
};

// The column named `name` of `table`; throws std::invalid_argument when
// there is none.
const Column& metric_column(const Table& table, const std::string& dataset,
                            const std::string& name);

// The index of the period holding instant `t` among `periods` (disjoint,
// oldest first), or nothing.
std::optional<std::size_t> period_of_instant(std::span<const Period> periods,
                                             int64_t t);

}  // namespace vigie::compute
