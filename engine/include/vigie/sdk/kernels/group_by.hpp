// Dense group-by on dictionary codes. The key of each row (a code, a
// period, or a (period, code) pair) is computed once into GroupKeys; then
// aggregate() reads the rows once and feeds every accumulator given to it,
// so visits, page views and durations of every period and device come out
// of one pass. Accumulators keep one slot a group in plain vectors indexed
// by the group: no hashing, no allocation a row.
//
//   auto period = periods.assign(sessions.column("started_at"));
//   auto keys = GroupKeys::by_period_and_code(period, periods.size(),
//                                             sessions.column("device"));
//   Count visits(keys.group_count());
//   Sum views(keys.group_count(), sessions.column("page_views"));
//   aggregate(keys, visits, views);
//   visits[keys.group(p, device)] ...
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/periods.hpp"
#include "vigie/sdk/kernels/sources.hpp"

namespace vigie::sdk::kernels {

// The group of every row (kNone: the row is left out) and the number of
// groups.
class GroupKeys {
 public:
  GroupKeys() = default;
  GroupKeys(std::vector<int32_t> group_of_row, int64_t group_count)
      : groups_(std::move(group_of_row)),
        group_count_(checked_count(group_count)) {
    for (int32_t g : groups_)
      if (g != kNone && (g < 0 || g >= group_count_))
        throw std::out_of_range("group " + std::to_string(g) +
                                " is outside 0.." +
                                std::to_string(group_count_ - 1));
  }

  // One group a dictionary code; a null code leaves its row out.
  static GroupKeys by_code(const CodeSource& codes) {
    GroupKeys keys;
    keys.group_count_ = checked_count(codes.code_count());
    keys.code_count_ = keys.group_count_;
    keys.groups_.resize(static_cast<size_t>(codes.size()));
    for (int64_t row = 0; row < codes.size(); ++row)
      keys.groups_[static_cast<size_t>(row)] = codes[row];
    return keys;
  }

  // One group a period (PeriodIndex::assign).
  static GroupKeys by_period(std::vector<int32_t> period_of_row,
                             int32_t period_count) {
    return GroupKeys(std::move(period_of_row), period_count);
  }

  // One group a (period, code) pair: group(period, code). A row out of
  // every period, or with a null code, is left out. Given the periods as a
  // vector it no longer needs, the keys are written over it (no second
  // array of a row's size); given a span, it is copied.
  static GroupKeys by_period_and_code(std::vector<int32_t>&& period_of_row,
                                      int32_t period_count,
                                      const CodeSource& codes) {
    if (static_cast<int64_t>(period_of_row.size()) != codes.size())
      throw std::invalid_argument(
          "periods and codes of a group-by differ in length");
    GroupKeys keys;
    keys.code_count_ = checked_count(codes.code_count());
    keys.group_count_ = checked_count(int64_t{period_count} * keys.code_count_);
    keys.groups_ = std::move(period_of_row);
    for (size_t row = 0; row < keys.groups_.size(); ++row) {
      int32_t& key = keys.groups_[row];
      int32_t code = codes[static_cast<int64_t>(row)];
      if (key != kNone && (key < 0 || key >= period_count))
        throw std::out_of_range("period " + std::to_string(key) +
                                " is outside 0.." +
                                std::to_string(period_count - 1));
      key = key == kNone || code < 0 ? kNone : key * keys.code_count_ + code;
    }
    return keys;
  }
  static GroupKeys by_period_and_code(std::span<const int32_t> period_of_row,
                                      int32_t period_count,
                                      const CodeSource& codes) {
    return by_period_and_code(
        std::vector<int32_t>(period_of_row.begin(), period_of_row.end()),
        period_count, codes);
  }

  int64_t rows() const { return static_cast<int64_t>(groups_.size()); }
  int32_t group_count() const { return group_count_; }
  std::span<const int32_t> groups() const { return groups_; }
  int32_t operator[](int64_t row) const {
    return groups_[static_cast<size_t>(row)];
  }

  // For (period, code) keys: the group of a pair, and back.
  int32_t group(int32_t period, int32_t code) const {
    return period * code_count_ + code;
  }
  int32_t period_of(int32_t group) const { return group / code_count_; }
  int32_t code_of(int32_t group) const { return group % code_count_; }

  // Leaves out the rows for which keep(row) is false (page views only, say).
  template <class Keep>
  GroupKeys& keep_only(Keep keep) {
    for (size_t row = 0; row < groups_.size(); ++row)
      if (groups_[row] != kNone && !keep(static_cast<int64_t>(row)))
        groups_[row] = kNone;
    return *this;
  }

 private:
  static int32_t checked_count(int64_t count) {
    if (count < 0 || count > std::numeric_limits<int32_t>::max())
      throw std::length_error("a group-by of " + std::to_string(count) +
                              " groups is beyond int32 group ids");
    return static_cast<int32_t>(count);
  }

  std::vector<int32_t> groups_;
  int32_t group_count_ = 0;
  int32_t code_count_ = 1;  // 1: the group is the period, or the code
};

// Rows of each group; with a column, only the rows where it is not null.
class Count {
 public:
  explicit Count(int32_t group_count)
      : counts_(static_cast<size_t>(group_count), 0) {}
  Count(int32_t group_count, const ColumnView& counted_when_valid)
      : counts_(static_cast<size_t>(group_count), 0),
        counted_(&counted_when_valid) {}

  void add(int32_t group, int64_t row) {
    if (counted_ == nullptr || counted_->is_valid(row)) add_one(group);
  }
  void add_one(int32_t group) { ++counts_[static_cast<size_t>(group)]; }
  void finish() {}

  int64_t operator[](int32_t group) const {
    return counts_[static_cast<size_t>(group)];
  }
  std::span<const int64_t> counts() const { return counts_; }

 private:
  std::vector<int64_t> counts_;
  const ColumnView* counted_ = nullptr;
};

// Distinct non-null codes of a second column in each group (distinct
// visitors of each period, distinct devices of each customer). Small
// products group_count x code_count use a bitmap, counted as the rows come;
// larger ones collect (group, code) pairs and count them sorted in
// finish(), one allocation that grows geometrically, never a node a row.
class DistinctCount {
 public:
  // The bitmap is used up to this many bits (16 MB).
  static constexpr uint64_t kBitmapLimit = uint64_t{1} << 27;

  DistinctCount(int32_t group_count, CodeSource values)
      : values_(std::move(values)),
        counts_(static_cast<size_t>(group_count), 0),
        code_count_(static_cast<uint64_t>(values_.code_count())) {
    uint64_t bits = static_cast<uint64_t>(group_count) * code_count_;
    if (bits <= kBitmapLimit) {
      bitmap_.assign(static_cast<size_t>((bits + 63) / 64), 0);
      dense_ = true;
    }
  }

  void add(int32_t group, int64_t row) {
    int32_t code = values_[row];
    if (code >= 0) add_code(group, code);
  }
  // A code computed by the caller, below the source's code_count.
  void add_code(int32_t group, int32_t code) {
    if (dense_) {
      uint64_t bit = static_cast<uint64_t>(group) * code_count_ +
                     static_cast<uint64_t>(code);
      uint64_t& word = bitmap_[static_cast<size_t>(bit >> 6)];
      uint64_t mask = uint64_t{1} << (bit & 63);
      if ((word & mask) == 0) {
        word |= mask;
        ++counts_[static_cast<size_t>(group)];
      }
    } else {
      pairs_.push_back(static_cast<uint64_t>(group) << 32 |
                       static_cast<uint32_t>(code));
    }
  }
  // Required before reading when codes were added one by one with
  // add_code (aggregate() calls it): once, after the last add.
  void finish() {
    if (dense_ || pairs_.empty()) return;
    std::sort(pairs_.begin(), pairs_.end());
    uint64_t previous = ~uint64_t{0};
    for (uint64_t pair : pairs_) {
      if (pair == previous) continue;
      previous = pair;
      ++counts_[static_cast<size_t>(pair >> 32)];
    }
    std::vector<uint64_t>().swap(pairs_);
  }

  int64_t operator[](int32_t group) const {
    return counts_[static_cast<size_t>(group)];
  }
  std::span<const int64_t> counts() const { return counts_; }

 private:
  CodeSource values_;
  std::vector<int64_t> counts_;
  uint64_t code_count_;
  bool dense_ = false;
  std::vector<uint64_t> bitmap_;
  std::vector<uint64_t> pairs_;
};

// Exact sum of each group (int64 or decimal at 10^4, added in 128 bits:
// sdk::ExactSum). Null values add nothing.
class Sum {
 public:
  Sum(int32_t group_count, IntSource values)
      : values_(std::move(values)), sums_(static_cast<size_t>(group_count)) {}

  void add(int32_t group, int64_t row) {
    if (values_.valid(row)) add_value(group, values_[row]);
  }
  void add_value(int32_t group, int64_t value) {
    sums_[static_cast<size_t>(group)] += value;
  }
  void finish() {}

  const ExactSum& operator[](int32_t group) const {
    return sums_[static_cast<size_t>(group)];
  }
  // The raw sum back as int64 (a decimal stays scaled by 10^4), or
  // OverflowError naming `what`.
  int64_t value(int32_t group, std::string_view what) const {
    return (*this)[group].value(what);
  }
  // The sum as a number (a decimal divided by 10^4), for a ratio.
  double number(int32_t group) const {
    return static_cast<double>((*this)[group].wide()) /
           static_cast<double>(values_.scale());
  }

 private:
  IntSource values_;
  std::vector<ExactSum> sums_;
};

// Mean of the non-null values of each group, as a number (a decimal
// divided by 10^4); no value for a group without any. The sum is exact.
class Mean {
 public:
  Mean(int32_t group_count, IntSource values)
      : values_(std::move(values)),
        sums_(static_cast<size_t>(group_count)),
        counts_(static_cast<size_t>(group_count), 0) {}

  void add(int32_t group, int64_t row) {
    if (values_.valid(row)) add_value(group, values_[row]);
  }
  void add_value(int32_t group, int64_t value) {
    sums_[static_cast<size_t>(group)] += value;
    ++counts_[static_cast<size_t>(group)];
  }
  void finish() {}

  std::optional<double> operator[](int32_t group) const {
    int64_t n = counts_[static_cast<size_t>(group)];
    if (n == 0) return std::nullopt;
    return static_cast<double>(sums_[static_cast<size_t>(group)].wide()) /
           static_cast<double>(values_.scale()) / static_cast<double>(n);
  }
  int64_t count(int32_t group) const {
    return counts_[static_cast<size_t>(group)];
  }

 private:
  IntSource values_;
  std::vector<ExactSum> sums_;
  std::vector<int64_t> counts_;
};

// Smallest and largest non-null raw value of each group (first and last
// time, cheapest line); no value for a group without any.
class MinMax {
 public:
  MinMax(int32_t group_count, IntSource values)
      : values_(std::move(values)),
        min_(static_cast<size_t>(group_count),
             std::numeric_limits<int64_t>::max()),
        max_(static_cast<size_t>(group_count),
             std::numeric_limits<int64_t>::min()),
        seen_(static_cast<size_t>(group_count), 0) {}

  void add(int32_t group, int64_t row) {
    if (values_.valid(row)) add_value(group, values_[row]);
  }
  void add_value(int32_t group, int64_t value) {
    auto g = static_cast<size_t>(group);
    min_[g] = std::min(min_[g], value);
    max_[g] = std::max(max_[g], value);
    seen_[g] = 1;
  }
  void finish() {}

  std::optional<int64_t> min(int32_t group) const {
    auto g = static_cast<size_t>(group);
    if (!seen_[g]) return std::nullopt;
    return min_[g];
  }
  std::optional<int64_t> max(int32_t group) const {
    auto g = static_cast<size_t>(group);
    if (!seen_[g]) return std::nullopt;
    return max_[g];
  }

 private:
  IntSource values_;
  std::vector<int64_t> min_;
  std::vector<int64_t> max_;
  std::vector<uint8_t> seen_;
};

// The code of each group's earliest row: of the rows where both the time
// and the code are not null, the one with the smallest time, the first in
// row order on a tie (an order's customer is that of its earliest
// identified line; a session's device that of its first event). No value
// for a group without such a row.
class FirstCode {
 public:
  FirstCode(int32_t group_count, IntSource times, CodeSource codes)
      : times_(std::move(times)),
        codes_(std::move(codes)),
        time_(static_cast<size_t>(group_count),
              std::numeric_limits<int64_t>::max()),
        code_(static_cast<size_t>(group_count), kNone) {}

  void add(int32_t group, int64_t row) {
    const int32_t code = codes_[row];
    if (code < 0 || !times_.valid(row)) return;
    const auto g = static_cast<size_t>(group);
    // Strictly earlier: a later row of the same time keeps the first.
    if (code_[g] == kNone || times_[row] < time_[g]) {
      time_[g] = times_[row];
      code_[g] = code;
    }
  }
  void finish() {}

  // The code, or kNone.
  int32_t operator[](int32_t group) const {
    return code_[static_cast<size_t>(group)];
  }

 private:
  IntSource times_;
  CodeSource codes_;
  std::vector<int64_t> time_;
  std::vector<int32_t> code_;
};

// The non-null values of each group, gathered in one array (compressed
// sparse rows) by finish(): load times by page group, for percentiles.
// of(group) is mutable so that a percentile may reorder it in place.
class GroupValues {
 public:
  GroupValues(int32_t group_count, IntSource values)
      : values_(std::move(values)),
        offsets_(static_cast<size_t>(group_count) + 1, 0) {}

  void add(int32_t group, int64_t row) {
    if (values_.valid(row)) add_value(group, values_[row]);
  }
  void add_value(int32_t group, int64_t value) {
    pending_.emplace_back(group, value);
  }
  // Required before reading when values were added one by one with
  // add_value (aggregate() calls it): once, after the last add.
  void finish() {
    if (pending_.empty()) return;
    for (const auto& [group, value] : pending_)
      ++offsets_[static_cast<size_t>(group) + 1];
    for (size_t g = 1; g < offsets_.size(); ++g) offsets_[g] += offsets_[g - 1];
    std::vector<int64_t> next(offsets_.begin(), offsets_.end() - 1);
    gathered_.resize(static_cast<size_t>(offsets_.back()));
    for (const auto& [group, value] : pending_)
      gathered_[static_cast<size_t>(next[static_cast<size_t>(group)]++)] =
          value;
    std::vector<std::pair<int32_t, int64_t>>().swap(pending_);
  }

  std::span<int64_t> of(int32_t group) {
    auto g = static_cast<size_t>(group);
    return std::span<int64_t>(gathered_).subspan(
        static_cast<size_t>(offsets_[g]),
        static_cast<size_t>(offsets_[g + 1] - offsets_[g]));
  }
  std::span<const int64_t> of(int32_t group) const {
    return const_cast<GroupValues*>(this)->of(group);
  }
  int64_t count(int32_t group) const {
    auto g = static_cast<size_t>(group);
    return offsets_[g + 1] - offsets_[g];
  }

 private:
  IntSource values_;
  std::vector<int64_t> offsets_;
  std::vector<int64_t> gathered_;
  std::vector<std::pair<int32_t, int64_t>> pending_;
};

// One pass over the rows: each row of a group goes to every accumulator
// (each checks its own column's nulls), then each is finished.
template <class... Accumulators>
void aggregate(const GroupKeys& keys, Accumulators&... accumulators) {
  std::span<const int32_t> groups = keys.groups();
  for (size_t row = 0; row < groups.size(); ++row) {
    int32_t group = groups[row];
    if (group == kNone) continue;
    (accumulators.add(group, static_cast<int64_t>(row)), ...);
  }
  (accumulators.finish(), ...);
}

}  // namespace vigie::sdk::kernels
