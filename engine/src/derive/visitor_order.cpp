#include "derive/visitor_order.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace vigie::derive {
namespace {

const Column& required(const Table& web_events, std::string_view name) {
  const Column* column = web_events.find(name);
  if (column == nullptr)
    throw std::invalid_argument("web_events has no column " +
                                std::string(name));
  if (column->null_count() > 0)
    throw std::invalid_argument("web_events." + column->name +
                                " has nulls; it is a required column");
  return *column;
}

// The packed payload of each row (see VisitorOrder), before the sort.
class Payload {
 public:
  explicit Payload(const Table& web_events)
      : customer_(web_events.find("customer_id")),
        event_type_(web_events.find("event_type")) {
    if (event_type_ != nullptr && event_type_->dictionary) {
      const StringPool& pool = *event_type_->dictionary;
      for (int32_t code = 0; code < pool.size(); ++code)
        if (pool.at(code) == "page_view") page_view_ = code;
    }
  }
  int64_t of(size_t row) const {
    uint64_t packed = row;
    if (customer_ != nullptr && valid(*customer_, row))
      packed |= (static_cast<uint64_t>(customer_->codes[row]) + 1) << 32;
    if (page_view_ >= 0 && event_type_->codes[row] == page_view_ &&
        valid(*event_type_, row))
      packed |= uint64_t{1} << 63;
    return static_cast<int64_t>(packed);
  }

 private:
  static bool valid(const Column& c, size_t row) {
    return c.valid.empty() || c.valid[row] != 0;
  }
  const Column* customer_;
  const Column* event_type_;
  int32_t page_view_ = -1;
};

// Orders one visitor's positions [begin, end) by (ts, row). The counting
// sort left rows ascending, so they are usually in time order already
// (exports are written in time order) and only checked.
void sort_by_time(VisitorOrder& order, int64_t begin, int64_t end,
                  std::vector<std::pair<int64_t, int64_t>>& scratch) {
  const auto first = order.ts.begin() + begin;
  const auto last = order.ts.begin() + end;
  if (std::is_sorted(first, last)) return;
  scratch.clear();
  for (auto i = static_cast<size_t>(begin); i < static_cast<size_t>(end); ++i)
    scratch.emplace_back(order.ts[i], order.events[i]);
  std::sort(scratch.begin(), scratch.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return (static_cast<uint64_t>(a.second) & VisitorOrder::kRowMask) <
           (static_cast<uint64_t>(b.second) & VisitorOrder::kRowMask);
  });
  for (auto i = static_cast<size_t>(begin); i < static_cast<size_t>(end); ++i)
    std::tie(order.ts[i], order.events[i]) =
        scratch[i - static_cast<size_t>(begin)];
}

}  // namespace

VisitorOrder order_by_visitor(const Table& web_events) {
  const Column& visitor = required(web_events, "visitor_id");
  const Column& ts = required(web_events, "ts");
  const int32_t visitors = visitor.dictionary ? visitor.dictionary->size() : 0;
  const auto& codes = visitor.codes;
  const size_t n = codes.size();
  if (n > VisitorOrder::kRowMask)
    throw std::invalid_argument(
        "web_events has more rows than sessions can number (2^32)");
  const Payload payload(web_events);

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
  order.ts.resize(n);
  order.events.resize(n);

  // Rows are placed in row order, so each visitor's rows come out
  // ascending: ordering them by ts next is then a stable sort. (Placing
  // them in two passes, by bucket of visitors then by visitor, to keep the
  // write cursors in cache, measured no faster: the time goes into the
  // first touch of the arrays, and it needs 4 more bytes an event.)
  {
    std::vector<int64_t> next(order.offsets.begin(), order.offsets.end() - 1);
    for (size_t row = 0; row < n; ++row) {
      const auto at =
          static_cast<size_t>(next[static_cast<size_t>(codes[row])]++);
      order.ts[at] = ts.ints[row];
      order.events[at] = payload.of(row);
    }
  }
  std::vector<std::pair<int64_t, int64_t>> scratch;
  for (int32_t v = 0; v < visitors; ++v)
    sort_by_time(order, order.offsets[static_cast<size_t>(v)],
                 order.offsets[static_cast<size_t>(v) + 1], scratch);
  return order;
}

std::vector<int64_t> take_rows(VisitorOrder&& order) {
  std::vector<int64_t> rows = std::move(order.events);
  for (int64_t& entry : rows)
    entry = static_cast<int64_t>(static_cast<uint64_t>(entry) &
                                 VisitorOrder::kRowMask);
  return rows;
}

}  // namespace vigie::derive
