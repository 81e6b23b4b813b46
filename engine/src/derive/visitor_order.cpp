#include "derive/visitor_order.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace vigie::derive {
namespace {

void check_no_nulls(const Column& column) {
  if (column.null_count() > 0)
    throw std::invalid_argument("web_events." + column.name +
                                " has nulls; it is a required column");
}

// Orders one visitor's positions [begin, end) by (ts, row). The counting
// sort left rows ascending, so they are usually in time order already
// (exports are written in time order) and only checked.
void sort_by_time(VisitorOrder& order, int64_t begin, int64_t end,
                  std::vector<std::pair<int64_t, int64_t>>& scratch) {
  const auto first = order.ts.begin() + begin;
  const auto last = order.ts.begin() + end;
  if (std::is_sorted(first, last)) return;
  scratch.clear();
  for (int64_t i = begin; i < end; ++i)
    scratch.emplace_back(order.ts[static_cast<size_t>(i)],
                         order.rows[static_cast<size_t>(i)]);
  std::sort(scratch.begin(), scratch.end());
  for (int64_t i = begin; i < end; ++i) {
    const auto& [t, row] = scratch[static_cast<size_t>(i - begin)];
    order.ts[static_cast<size_t>(i)] = t;
    order.rows[static_cast<size_t>(i)] = row;
  }
}

}  // namespace

VisitorOrder order_by_visitor(const Column& visitor, const Column& ts) {
  check_no_nulls(visitor);
  check_no_nulls(ts);
  const int32_t visitors = visitor.dictionary ? visitor.dictionary->size() : 0;
  const auto& codes = visitor.codes;
  const size_t n = codes.size();

  VisitorOrder order;
  order.offsets.assign(static_cast<size_t>(visitors) + 1, 0);
  for (int32_t code : codes) {
    if (code < 0 || code >= visitors)
      throw std::invalid_argument("web_events.visitor_id has code " +
                                  std::to_string(code) +
                                  ", outside its dictionary");
    ++order.offsets[static_cast<size_t>(code) + 1];
  }
  for (size_t v = 1; v < order.offsets.size(); ++v)
    order.offsets[v] += order.offsets[v - 1];

  // Rows are placed in row order, so each visitor's rows come out
  // ascending: ordering them by ts next is then a stable sort.
  order.rows.resize(n);
  order.ts.resize(n);
  {
    std::vector<int64_t> next(order.offsets.begin(), order.offsets.end() - 1);
    for (size_t row = 0; row < n; ++row) {
      const auto at =
          static_cast<size_t>(next[static_cast<size_t>(codes[row])]++);
      order.rows[at] = static_cast<int64_t>(row);
      order.ts[at] = ts.ints[row];
    }
  }

  std::vector<std::pair<int64_t, int64_t>> scratch;
  for (int32_t v = 0; v < visitors; ++v)
    sort_by_time(order, order.offsets[static_cast<size_t>(v)],
                 order.offsets[static_cast<size_t>(v) + 1], scratch);
  return order;
}

}  // namespace vigie::derive
