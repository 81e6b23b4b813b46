#include "session_figures.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::web_analytics {

namespace {

using namespace sdk::kernels;

constexpr std::string_view kNoDevice = "(none)";

}  // namespace

std::vector<int32_t> session_periods(const WebData& data) {
  return data.periods.assign(data.sessions.column("started_at"));
}

SessionFigures session_figures(const WebData& data,
                               std::span<const int32_t> session_period) {
  const TableView& sessions = data.sessions;
  const int32_t n = data.periods.size();
  const int64_t* events = sessions.column("events").ints();
  const int64_t* first_event = sessions.column("first_event").ints();
  const int64_t web_rows = data.web.rows();

  auto keys = GroupKeys::by_period(
      std::vector<int32_t>(session_period.begin(), session_period.end()), n);
  Count visits(n);
  Sum page_views(n, sessions.column("page_views"));
  // The total duration is sum(ended_at) - sum(started_at), both exact.
  Sum ended(n, sessions.column("ended_at"));
  Sum started(n, sessions.column("started_at"));
  aggregate(keys, visits, page_views, ended, started);

  // A bounce: one event, a page view (a lone action is no bounce).
  keys.keep_only([&](int64_t s) {
    if (events[s] != 1) return false;
    int64_t row = data.session_event_rows[first_event[s]];
    if (row < 0 || row >= web_rows)
      throw std::runtime_error("session_events row " +
                               std::to_string(first_event[s]) +
                               " is not a row of web_events");
    return data.type_of(row) == data.types().page_view &&
           data.types().page_view >= 0;
  });
  Count bounces(n);
  aggregate(keys, bounces);

  SessionFigures out;
  for (int32_t p = 0; p < n; ++p) {
    const int64_t v = visits[p];
    out.visits.push_back(v);
    out.bounce_rate.push_back(safe_ratio(bounces[p], v));
    out.pages_per_visit.push_back(
        safe_ratio(static_cast<double>(page_views[p].wide()), v));
    const sdk::WideInt duration_us = ended[p].wide() - started[p].wide();
    out.avg_visit_duration.push_back(
        safe_ratio(static_cast<double>(duration_us),
                   static_cast<double>(v) * kMicrosPerSecond));
  }
  return out;
}

Table visits_by_device(const WebData& data,
                       std::span<const int32_t> session_period) {
  const ColumnView& device = data.sessions.column("device");
  const auto current = static_cast<int32_t>(data.current);
  std::vector<int32_t> period_of_session(session_period.begin(),
                                         session_period.end());
  // One group a device code of P, plus one for "(none)".
  const auto devices = static_cast<int32_t>(device.dictionary_size());
  for (size_t s = 0; s < period_of_session.size(); ++s) {
    int32_t& key = period_of_session[s];
    if (key != current) {
      key = kNone;
      continue;
    }
    const auto row = static_cast<int64_t>(s);
    key = device.is_valid(row) && !device.string_at(row).empty()
              ? device.codes()[row]
              : devices;
  }
  GroupKeys keys(std::move(period_of_session), devices + 1);
  Count visits(devices + 1);
  aggregate(keys, visits);

  std::vector<int32_t> shown;
  int64_t total = 0;
  for (int32_t d = 0; d <= devices; ++d) {
    total += visits[d];
    if (visits[d] > 0) shown.push_back(d);
  }
  auto name = [&](int32_t d) {
    return d == devices ? kNoDevice : device.dictionary_at(d);
  };
  std::sort(shown.begin(), shown.end(), [&](int32_t a, int32_t b) {
    if (visits[a] != visits[b]) return visits[a] > visits[b];
    return name(a) < name(b);
  });

  Table out;
  auto& device_column = out.add("device", Type::String);
  auto& visits_column = out.add("visits", Type::Int64, "count");
  auto& share_column = out.add("share", Type::Double, "ratio");
  for (int32_t d : shown) {
    device_column.push_string(name(d));
    visits_column.push_int(visits[d]);
    share_column.push_double(*safe_ratio(visits[d], total));
  }
  return out;
}

}  // namespace vigie::web_analytics
