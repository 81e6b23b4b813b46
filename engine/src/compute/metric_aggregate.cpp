#include "compute/metric_aggregate.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "compute/metric_rows.hpp"
#include "table/canonical.hpp"
#include "table/month.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/percentile.hpp"

namespace vigie::compute {
namespace {

using spec::Aggregate;

// The values of the column a bucket of rows holds (for count, only how
// many rows).
struct Bucket {
  int64_t rows = 0;
  std::vector<int64_t> values;
};

// What an aggregate reads of a row: the column's value as stored
// (decimals x 10^4, dictionary codes for count_distinct of a text).
class ValueReader {
 public:
  ValueReader(const Table& table, const spec::Metric& metric) {
    if (!metric.column.empty())
      column_ = &metric_column(table, metric.dataset, metric.column);
  }
  // Adds the row to the bucket when it counts: a row always for a count
  // without column; otherwise only when the column has a value.
  void add(Bucket& bucket, int64_t row) const {
    if (column_ == nullptr) {
      ++bucket.rows;
      return;
    }
    if (!column_->is_valid(row)) return;
    ++bucket.rows;
    const auto i = static_cast<size_t>(row);
    switch (column_->type) {
      case Type::Bool:
        bucket.values.push_back(column_->bools[i]);
        break;
      case Type::Dictionary:
        bucket.values.push_back(column_->codes[i]);
        break;
      default:
        bucket.values.push_back(column_->ints[i]);
    }
  }
  double scale() const {
    return column_ != nullptr && column_->type == Type::Decimal
               ? static_cast<double>(kDecimalScale)
               : 1.0;
  }

 private:
  const Column* column_ = nullptr;
};

// count of none is 0, sum of none 0; mean, min, max, percentile of none
// have no value.
std::optional<double> finish(Bucket& b, const spec::Metric& metric,
                             double scale) {
  auto& v = b.values;
  const auto n = static_cast<int64_t>(v.size());
  switch (metric.aggregate) {
    case Aggregate::Count:
      return static_cast<double>(b.rows);
    case Aggregate::CountDistinct:
      std::sort(v.begin(), v.end());
      return static_cast<double>(std::unique(v.begin(), v.end()) - v.begin());
    case Aggregate::Sum:
    case Aggregate::Mean: {
      sdk::ExactSum sum;
      for (int64_t x : v) sum += x;
      const auto total = static_cast<long double>(sum.wide());
      if (metric.aggregate == Aggregate::Sum)
        return static_cast<double>(total / scale);
      if (n == 0) return std::nullopt;
      return static_cast<double>(total / n / scale);
    }
    case Aggregate::Min:
    case Aggregate::Max: {
      if (n == 0) return std::nullopt;
      auto [lo, hi] = std::minmax_element(v.begin(), v.end());
      return static_cast<double>(metric.aggregate == Aggregate::Min ? *lo
                                                                    : *hi) /
             scale;
    }
    case Aggregate::Percentile: {
      auto p = sdk::kernels::percentile(
          std::span<int64_t>(v),
          sdk::kernels::Percent{metric.percentile, kDecimalScale});
      if (!p) return std::nullopt;
      return static_cast<double>(*p) / scale;
    }
  }
  return std::nullopt;
}

// Each passing row with a time into the bucket of the period holding it.
std::vector<Bucket> fill(const Table& table, const spec::Metric& metric,
                         std::span<const Period> periods,
                         const std::string& time_zone,
                         const ValueReader& reader) {
  std::vector<Bucket> buckets(periods.size());
  const MetricRows rows(table, metric, time_zone);
  for (int64_t row = 0; row < rows.size(); ++row) {
    const auto t = rows.time(row);
    if (!t || !rows.passes(row)) continue;
    if (auto p = period_of_instant(periods, *t)) reader.add(buckets[*p], row);
  }
  return buckets;
}

// The text of a `by` value as the table shows it.
std::string key_text(const Column& c, int64_t row) {
  const auto i = static_cast<size_t>(row);
  switch (c.type) {
    case Type::Dictionary:
      return std::string(c.string_at(row));
    case Type::Bool:
      return c.bools[i] != 0 ? "true" : "false";
    default:
      break;
  }
  return std::to_string(c.ints[i]);
}

// "2026-10" for a month code (year * 12 + month - 1).
std::string month_text(int64_t code) {
  return table::Month{static_cast<int>(code / 12),
                      static_cast<unsigned>(code % 12 + 1)}
      .iso();
}

}  // namespace

PeriodValues aggregate_by_period(const Table& table, const spec::Metric& metric,
                                 std::span<const Period> periods,
                                 const std::string& time_zone) {
  const ValueReader reader(table, metric);
  auto buckets = fill(table, metric, periods, time_zone, reader);
  PeriodValues out;
  for (auto& b : buckets) out.push_back(finish(b, metric, reader.scale()));
  return out;
}

Table aggregate_by_column(const Table& table, const spec::Metric& metric,
                          const Period& current, const Period& previous,
                          const std::string& time_zone, const Table* profiles) {
  const ValueReader reader(table, metric);
  // By a profile column: the row's customer_id is the row of the profiles
  // (one a customer code); a row without a customer, or a customer without
  // that attribute (no segment), is "(none)", so that the rows add up.
  const Column* profile = nullptr;
  if (metric.by_profile) {
    if (profiles == nullptr)
      throw std::invalid_argument("no customer_profiles for 'by: " + metric.by +
                                  "'");
    profile = &metric_column(*profiles, "customer_profiles", metric.by);
  }
  const Column& by = metric_column(
      table, metric.dataset, metric.by_profile ? "customer_id" : metric.by);
  const bool months =
      !metric.by_profile && by.type == Type::Int64 &&
      table::find_dataset(metric.dataset)->find(metric.by)->kind ==
          table::ColumnKind::Month;
  const auto profile_key = [&](int64_t row) -> std::string {
    if (!by.is_valid(row)) return "(none)";
    const int32_t code = by.codes[static_cast<size_t>(row)];
    if (code < 0 || code >= profile->size() || !profile->is_valid(code))
      return "(none)";
    return std::string(profile->string_at(code));
  };
  // P and P' in time order, as period_of_instant wants them.
  const bool previous_first = previous.start_us < current.start_us;
  const Period both[2] = {previous_first ? previous : current,
                          previous_first ? current : previous};
  const size_t p_index = previous_first ? 1 : 0;
  std::map<std::string, std::pair<Bucket, Bucket>> groups;  // key -> (P, P')
  const MetricRows rows(table, metric, time_zone);
  for (int64_t row = 0; row < rows.size(); ++row) {
    const auto t = rows.time(row);
    if (!t || (!profile && !by.is_valid(row)) || !rows.passes(row)) continue;
    const auto p = period_of_instant(both, *t);
    if (!p) continue;
    std::string key = profile  ? profile_key(row)
                      : months ? month_text(by.ints[static_cast<size_t>(row)])
                               : key_text(by, row);
    auto& g = groups[std::move(key)];
    reader.add(*p == p_index ? g.first : g.second, row);
  }
  struct Row {
    std::string key;
    std::optional<double> value, previous;
  };
  std::vector<Row> out;
  for (auto& [key, g] : groups)
    out.push_back({key, finish(g.first, metric, reader.scale()),
                   finish(g.second, metric, reader.scale())});
  std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) {
    if (a.value.has_value() != b.value.has_value()) return a.value.has_value();
    if (a.value && *a.value != *b.value) return *a.value > *b.value;
    return a.key < b.key;
  });
  Table t;
  auto& keys = t.add(metric.by, Type::String);
  auto& values = t.add("value", Type::Double, metric.unit);
  auto& previous_values = t.add("previous", Type::Double, metric.unit);
  auto& changes = t.add("change", Type::Double, metric.unit);
  auto push = [](Column& c, std::optional<double> v) {
    if (v)
      c.push_double(*v);
    else
      c.push_null();
  };
  for (const auto& r : out) {
    keys.push_string(r.key);
    push(values, r.value);
    push(previous_values, r.previous);
    push(changes, r.value && r.previous
                      ? std::optional<double>(*r.value - *r.previous)
                      : std::nullopt);
  }
  return t;
}

Table aggregate_series(const Table& table, const spec::Metric& metric,
                       const CalendarPeriod& current,
                       const std::string& time_zone) {
  std::vector<CalendarPeriod> inside;
  for (CalendarPeriod p = table::period_of(*metric.series, current.first);
       p.first < current.end(); p = p.plus(1))
    if (p.first >= current.first) inside.push_back(p);
  const auto periods = calendar_periods(inside, time_zone, "en");
  const auto values = aggregate_by_period(table, metric, periods, time_zone);
  Table t;
  auto& ids = t.add("period", Type::String);
  auto& column = t.add("value", Type::Double, metric.unit);
  for (size_t i = 0; i < periods.size(); ++i) {
    ids.push_string(periods[i].id);
    if (values[i])
      column.push_double(*values[i]);
    else
      column.push_null();
  }
  return t;
}

}  // namespace vigie::compute
