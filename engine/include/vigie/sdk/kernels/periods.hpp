// Which report period a time falls in, and a timestamp column bucketed by
// period in one pass: P, P' and every period of the trend series are read
// together, so an indicator scans a dataset once however many periods it
// reports.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "vigie/period.h"
#include "vigie/sdk/arrow_view.hpp"

namespace vigie::sdk::kernels {

// "No period", "no group", "no entity": the index kernels give a row they
// leave out.
inline constexpr int32_t kNone = -1;

// The rows of each period, in row order (compressed sparse rows: period p's
// rows are rows[offsets[p] .. offsets[p + 1])).
struct PeriodRows {
  std::vector<int64_t> offsets;  // period count + 1
  std::vector<int64_t> rows;

  int64_t count(size_t period) const {
    return offsets[period + 1] - offsets[period];
  }
  std::span<const int64_t> of(size_t period) const {
    return std::span<const int64_t>(rows).subspan(
        static_cast<size_t>(offsets[period]),
        static_cast<size_t>(count(period)));
  }
};

class PeriodIndex {
 public:
  // The request's periods [start_us, end_us), oldest first. They may leave
  // gaps between them (P' a year before P) but must not overlap: a time
  // belongs to one period at most.
  explicit PeriodIndex(std::span<const vigie_period> periods)
      : periods_(periods.begin(), periods.end()) {
    for (size_t p = 0; p < periods_.size(); ++p) {
      if (periods_[p].end_us <= periods_[p].start_us)
        throw std::invalid_argument("period " + std::to_string(p) +
                                    " is empty or reversed");
      if (p > 0 && periods_[p].start_us < periods_[p - 1].end_us)
        throw std::invalid_argument("period " + std::to_string(p) +
                                    " starts before period " +
                                    std::to_string(p - 1) +
                                    " ends: periods must be sorted and "
                                    "must not overlap");
    }
  }

  int32_t size() const { return static_cast<int32_t>(periods_.size()); }
  const vigie_period& operator[](size_t p) const { return periods_[p]; }

  // The period containing t (start <= t < end), or kNone.
  int32_t index(int64_t t) const {
    if (periods_.empty() || t < periods_.front().start_us ||
        t >= periods_.back().end_us)
      return kNone;
    // The last period starting at or before t; t is in it or in a gap.
    auto after = std::upper_bound(
        periods_.begin(), periods_.end(), t,
        [](int64_t time, const vigie_period& p) { return time < p.start_us; });
    const auto& candidate = *(after - 1);
    if (t >= candidate.end_us) return kNone;
    return static_cast<int32_t>(after - 1 - periods_.begin());
  }

  // The period of every row of a timestamp (or int64) column: kNone for a
  // null time or one outside every period. Feeds GroupKeys::by_period*.
  std::vector<int32_t> assign(const ColumnView& times) const {
    std::vector<int32_t> out(static_cast<size_t>(times.size()));
    const int64_t* t = times.ints();
    int32_t last = 0;
    for (int64_t row = 0; row < times.size(); ++row)
      out[static_cast<size_t>(row)] =
          times.is_valid(row) ? index_near(t[row], last) : kNone;
    return out;
  }

  // The number of rows of each period (nulls and times outside every period
  // are not counted).
  std::vector<int64_t> count(const ColumnView& times) const {
    std::vector<int64_t> counts(periods_.size(), 0);
    const int64_t* t = times.ints();
    int32_t last = 0;
    for (int64_t row = 0; row < times.size(); ++row) {
      if (!times.is_valid(row)) continue;
      int32_t p = index_near(t[row], last);
      if (p != kNone) ++counts[static_cast<size_t>(p)];
    }
    return counts;
  }

  // The rows of each period, one read of the column (a counting sort of the
  // rows by period; the per-row periods are kept in `periods_of_rows` when
  // given, so that nothing is looked up twice).
  PeriodRows rows(const ColumnView& times,
                  std::vector<int32_t>* periods_of_rows = nullptr) const {
    std::vector<int32_t> local;
    std::vector<int32_t>& of_row = periods_of_rows ? *periods_of_rows : local;
    of_row = assign(times);
    return rows_of(of_row, size());
  }

  // The same from periods already assigned (or any dense index below
  // `bucket_count`, kNone left out).
  static PeriodRows rows_of(std::span<const int32_t> bucket_of_row,
                            int32_t bucket_count) {
    PeriodRows out;
    out.offsets.assign(static_cast<size_t>(bucket_count) + 1, 0);
    for (int32_t b : bucket_of_row) {
      if (b == kNone) continue;
      if (b < 0 || b >= bucket_count)
        throw std::out_of_range("bucket " + std::to_string(b) +
                                " is outside 0.." +
                                std::to_string(bucket_count - 1));
      ++out.offsets[static_cast<size_t>(b) + 1];
    }
    for (size_t b = 1; b < out.offsets.size(); ++b)
      out.offsets[b] += out.offsets[b - 1];
    out.rows.resize(static_cast<size_t>(out.offsets.back()));
    std::vector<int64_t> next(out.offsets.begin(), out.offsets.end() - 1);
    for (size_t row = 0; row < bucket_of_row.size(); ++row) {
      int32_t b = bucket_of_row[row];
      if (b == kNone) continue;
      out.rows[static_cast<size_t>(next[static_cast<size_t>(b)]++)] =
          static_cast<int64_t>(row);
    }
    return out;
  }

 private:
  // index(t), trying first the period of the previous row: rows come
  // roughly in time order, so the search is mostly skipped.
  int32_t index_near(int64_t t, int32_t& last) const {
    if (static_cast<size_t>(last) < periods_.size()) {
      const auto& p = periods_[static_cast<size_t>(last)];
      if (p.start_us <= t && t < p.end_us) return last;
    }
    int32_t found = index(t);
    if (found != kNone) last = found;
    return found;
  }

  std::vector<vigie_period> periods_;
};

}  // namespace vigie::sdk::kernels
