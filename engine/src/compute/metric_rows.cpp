#include "compute/metric_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "table/canonical.hpp"

namespace vigie::compute {
namespace {

// The local midnight starting month `code` (year * 12 + month - 1).
int64_t month_start(int64_t code, const std::string& time_zone) {
  const auto year = static_cast<int>(code >= 0 ? code / 12 : (code - 11) / 12);
  const auto month = static_cast<unsigned>(code - int64_t{year} * 12 + 1);
  const CalendarPeriod period{
      table::Grain::Month,
      date::local_days{date::year{year} / date::month{month} / 1}};
  return calendar_periods(std::span(&period, 1), time_zone, "en")
      .front()
      .start_us;
}

int64_t number_at(const Column& c, int64_t row) {
  const auto i = static_cast<size_t>(row);
  if (c.type == Type::Bool) return c.bools[i];
  if (c.type == Type::Dictionary) return c.codes[i];
  return c.ints[i];
}

}  // namespace

const Column& metric_column(const Table& table, const std::string& dataset,
                            const std::string& name) {
  if (const Column* c = table.find(name)) return *c;
  throw std::invalid_argument(
      fmt::format("dataset '{}' was read without column '{}'", dataset, name));
}

MetricRows::MetricRows(const Table& table, const spec::Metric& metric,
                       const std::string& time_zone)
    : rows_(table.rows()), time_zone_(time_zone) {
  const auto* dataset = table::find_dataset(metric.dataset);
  if (dataset == nullptr)
    throw std::invalid_argument("unknown dataset '" + metric.dataset + "'");
  time_ =
      &metric_column(table, metric.dataset, std::string(dataset->time_column));
  months_ = time_->type == Type::Int64;
  for (const auto& condition : metric.filter) {
    const Column& column =
        metric_column(table, metric.dataset, condition.column);
    Condition c{&column, condition.op, {}};
    for (const auto& value : condition.values) {
      if (column.type != Type::Dictionary) {
        c.values.push_back(value.number);
        continue;
      }
      // A text absent from the dictionary matches no row: no code.
      const StringPool& pool = *column.dictionary;
      for (int32_t code = 0; code < pool.size(); ++code)
        if (pool.at(code) == value.text) c.values.push_back(code);
    }
    conditions_.push_back(std::move(c));
  }
}

bool MetricRows::holds(const Condition& c, int64_t row) const {
  if (!c.column->is_valid(row)) return false;
  const int64_t v = number_at(*c.column, row);
  const auto& targets = c.values;
  const bool any_equal =
      std::find(targets.begin(), targets.end(), v) != targets.end();
  switch (c.op) {
    case spec::FilterOp::Equal:
      return any_equal;
    case spec::FilterOp::NotEqual:
      return !any_equal;
    // Ordering operators take one value, and only on number, time and
    // month columns (the reader sees to it).
    case spec::FilterOp::Less:
      return v < targets.front();
    case spec::FilterOp::LessOrEqual:
      return v <= targets.front();
    case spec::FilterOp::Greater:
      return v > targets.front();
    case spec::FilterOp::GreaterOrEqual:
      return v >= targets.front();
  }
  return false;
}

bool MetricRows::passes(int64_t row) const {
  return std::all_of(conditions_.begin(), conditions_.end(),
                     [&](const Condition& c) { return holds(c, row); });
}

std::optional<int64_t> MetricRows::time(int64_t row) const {
  if (!time_->is_valid(row)) return std::nullopt;
  const int64_t v = time_->ints[static_cast<size_t>(row)];
  if (!months_) return v;
  auto [it, inserted] = month_starts_.try_emplace(v, 0);
  if (inserted) it->second = month_start(v, time_zone_);
  return it->second;
}

std::optional<std::size_t> period_of_instant(std::span<const Period> periods,
                                             int64_t t) {
  auto it = std::upper_bound(
      periods.begin(), periods.end(), t,
      [](int64_t x, const Period& p) { return x < p.start_us; });
  if (it == periods.begin()) return std::nullopt;
  --it;
  if (t >= it->end_us) return std::nullopt;
  return static_cast<std::size_t>(it - periods.begin());
}

}  // namespace vigie::compute
