#include "derive/sessions.hpp"

#include <memory>
#include <utility>
#include <vector>

namespace vigie::derive {
namespace {

// A session column copying, for each session, the first event's value of
// a dictionary column of web_events (sharing its pool), or nulls when
// web_events lacks the column.
class FirstEventText {
 public:
  FirstEventText(const Column* source, Column& out, size_t sessions)
      : source_(source), out_(out) {
    out_.dictionary = source != nullptr && source->dictionary
                          ? source->dictionary
                          : std::make_shared<const StringPool>();
    out_.codes.reserve(sessions);
    out_.valid.reserve(sessions);
  }
  void add(int64_t row) {
    const auto r = static_cast<size_t>(row);
    const bool valid = source_ != nullptr &&
                       (source_->valid.empty() || source_->valid[r] != 0);
    out_.codes.push_back(valid ? source_->codes[r] : 0);
    out_.valid.push_back(valid ? 1 : 0);
  }

 private:
  const Column* source_;
  Column& out_;
};

size_t count_sessions(const VisitorOrder& order, int64_t gap_us) {
  size_t sessions = 0;
  for (int32_t v = 0; v < order.visitors(); ++v) {
    const auto begin = order.offsets[static_cast<size_t>(v)];
    const auto end = order.offsets[static_cast<size_t>(v) + 1];
    if (begin == end) continue;
    ++sessions;
    for (auto i = begin + 1; i < end; ++i)
      sessions += order.ts[static_cast<size_t>(i)] -
                      order.ts[static_cast<size_t>(i) - 1] >
                  gap_us;
  }
  return sessions;
}

}  // namespace

Table build_sessions(const Table& web_events, const VisitorOrder& order,
                     int64_t gap_us) {
  const Column* visitor = web_events.find("visitor_id");
  const size_t sessions = count_sessions(order, gap_us);

  Table out;
  Column& visitor_out = out.add("visitor_id", Type::Dictionary);
  Column& started_at = out.add("started_at", Type::Timestamp);
  Column& ended_at = out.add("ended_at", Type::Timestamp);
  Column& events = out.add("events", Type::Int64);
  Column& page_views = out.add("page_views", Type::Int64);
  FirstEventText device(web_events.find("device"),
                        out.add("device", Type::Dictionary), sessions);
  FirstEventText source(web_events.find("source"),
                        out.add("source", Type::Dictionary), sessions);
  Column& first_event = out.add("first_event", Type::Int64);
  visitor_out.dictionary = visitor != nullptr && visitor->dictionary
                               ? visitor->dictionary
                               : std::make_shared<const StringPool>();
  for (Column* c : {&started_at, &ended_at, &events, &page_views, &first_event})
    c->ints.reserve(sessions);
  visitor_out.codes.reserve(sessions);

  // Closes the session of positions [begin, end) of the order.
  const auto add_session = [&](int32_t v, int64_t begin, int64_t end,
                               int64_t views) {
    visitor_out.codes.push_back(v);
    started_at.ints.push_back(order.ts[static_cast<size_t>(begin)]);
    ended_at.ints.push_back(order.ts[static_cast<size_t>(end) - 1]);
    events.ints.push_back(end - begin);
    page_views.ints.push_back(views);
    const int64_t first_row = order.row(begin);
    device.add(first_row);
    source.add(first_row);
    first_event.ints.push_back(begin);
  };
  for (int32_t v = 0; v < order.visitors(); ++v) {
    const auto begin = order.offsets[static_cast<size_t>(v)];
    const auto end = order.offsets[static_cast<size_t>(v) + 1];
    if (begin == end) continue;
    int64_t start = begin;
    int64_t views = 0;
    for (auto i = begin; i < end; ++i) {
      if (i > start && order.ts[static_cast<size_t>(i)] -
                               order.ts[static_cast<size_t>(i) - 1] >
                           gap_us) {
        add_session(v, start, i, views);
        start = i;
        views = 0;
      }
      views += order.is_page_view(i);
    }
    add_session(v, start, end, views);
  }
  return out;
}

Table build_session_events(VisitorOrder&& order) {
  Table out;
  out.add("event", Type::Int64).ints = take_rows(std::move(order));
  return out;
}

}  // namespace vigie::derive
