// Each entity's events in time order (a customer's purchases, a
// (customer, reason) pair's calls), built once from an entity code and a
// time a row, in compressed sparse rows: entity e's events are one sorted
// slice of a single array. Every question on it is a binary search in that
// slice: the last purchase before as_of, the purchases of a window, the
// first call within 48 h after a web event.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/kernels/sources.hpp"

namespace vigie::sdk::kernels {

// One event: its time and the row it came from (to read its other columns).
struct Event {
  int64_t time;
  int64_t row;

  friend bool operator==(const Event&, const Event&) = default;
};

class Timeline {
 public:
  Timeline() : offsets_(1, 0) {}

  // Every row whose entity and time are both non-null.
  Timeline(const CodeSource& entities, const IntSource& times)
      : Timeline(entities, times, [](int64_t) { return true; }) {}

  // Only the rows for which keep(row) is true (purchases only, inbound
  // calls only); keep is called twice a row and must give the same answer.
  template <class Keep>
  Timeline(const CodeSource& entities, const IntSource& times, Keep keep) {
    if (entities.size() != times.size())
      throw std::invalid_argument(
          "entities and times of a timeline differ in length");
    auto included = [&](int64_t row, int32_t entity) {
      return entity >= 0 && times.valid(row) && keep(row);
    };
    // A counting sort of the rows by entity, in row order...
    offsets_.assign(static_cast<size_t>(entities.code_count()) + 1, 0);
    for (int64_t row = 0; row < entities.size(); ++row) {
      int32_t entity = entities[row];
      if (included(row, entity)) ++offsets_[static_cast<size_t>(entity) + 1];
    }
    for (size_t e = 1; e < offsets_.size(); ++e) offsets_[e] += offsets_[e - 1];
    events_.resize(static_cast<size_t>(offsets_.back()));
    std::vector<int64_t> next(offsets_.begin(), offsets_.end() - 1);
    for (int64_t row = 0; row < entities.size(); ++row) {
      int32_t entity = entities[row];
      if (!included(row, entity)) continue;
      events_[static_cast<size_t>(next[static_cast<size_t>(entity)]++)] = {
          times[row], row};
    }
    // ...then each slice by time; equal times stay in row order. Data that
    // comes sorted by time is only checked.
    for (int32_t e = 0; e + 1 < static_cast<int32_t>(offsets_.size()); ++e) {
      auto slice = mutable_events(e);
      if (!std::is_sorted(slice.begin(), slice.end(), before))
        std::sort(slice.begin(), slice.end(), before);
    }
  }

  int32_t entity_count() const {
    return static_cast<int32_t>(offsets_.size()) - 1;
  }
  int64_t size() const { return static_cast<int64_t>(events_.size()); }

  // Entity e's events, oldest first (equal times in row order).
  std::span<const Event> events(int32_t entity) const {
    auto e = static_cast<size_t>(entity);
    return std::span<const Event>(events_).subspan(
        static_cast<size_t>(offsets_[e]),
        static_cast<size_t>(offsets_[e + 1] - offsets_[e]));
  }

  // The events with from <= time < to.
  std::span<const Event> events_in(int32_t entity, int64_t from,
                                   int64_t to) const {
    auto all = events(entity);
    if (to <= from) return all.subspan(0, 0);
    size_t lo = first_at_or_after(all, from);
    size_t hi = first_at_or_after(all, to);
    return all.subspan(lo, hi - lo);
  }
  int64_t count_in(int32_t entity, int64_t from, int64_t to) const {
    return static_cast<int64_t>(events_in(entity, from, to).size());
  }

  std::optional<Event> first(int32_t entity) const {
    auto all = events(entity);
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  std::optional<Event> last(int32_t entity) const {
    auto all = events(entity);
    if (all.empty()) return std::nullopt;
    return all.back();
  }
  // The first event ever, if it is before t (time < t): "the first
  // purchase before as_of".
  std::optional<Event> first_before(int32_t entity, int64_t t) const {
    auto all = events(entity);
    if (all.empty() || all.front().time >= t) return std::nullopt;
    return all.front();
  }
  // The latest event with time < t (of equal times, the last row).
  std::optional<Event> last_before(int32_t entity, int64_t t) const {
    auto all = events(entity);
    size_t at = first_at_or_after(all, t);
    if (at == 0) return std::nullopt;
    return all[at - 1];
  }
  // The first event with t < time <= t + d (a call "within 48 h after" a
  // web event: one at exactly t + d counts, one at t does not).
  std::optional<Event> next_within(int32_t entity, int64_t t, int64_t d) const {
    auto all = events(entity);
    auto after = std::upper_bound(
        all.begin(), all.end(), t,
        [](int64_t time, const Event& e) { return time < e.time; });
    if (after == all.end() || after->time - t > d) return std::nullopt;
    return *after;
  }

 private:
  static bool before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.row < b.row);
  }
  static size_t first_at_or_after(std::span<const Event> events, int64_t t) {
    return static_cast<size_t>(
        std::lower_bound(
            events.begin(), events.end(), t,
            [](const Event& e, int64_t time) { return e.time < time; }) -
        events.begin());
  }
  std::span<Event> mutable_events(int32_t entity) {
    auto e = static_cast<size_t>(entity);
    return std::span<Event>(events_).subspan(
        static_cast<size_t>(offsets_[e]),
        static_cast<size_t>(offsets_[e + 1] - offsets_[e]));
  }

  std::vector<int64_t> offsets_;  // entity count + 1
  std::vector<Event> events_;
};

}  // namespace vigie::sdk::kernels
