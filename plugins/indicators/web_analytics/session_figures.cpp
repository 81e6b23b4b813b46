// The figures of the sessions of each period (a session belongs, whole, to
// the period of its first event): visits, bounce rate, pages per visit,
// average visit duration, and the visits of P by device.
#include <algorithm>
#include <string_view>

#include "web_run.hpp"

namespace vigie::web_analytics {

namespace {

constexpr std::string_view kNoDevice = "(none)";

// Each period's `numerator(p)` over its visits times `unit`.
template <class Numerator>
Series per_visit(Run& run, Numerator numerator, double unit = 1) {
  const std::vector<int64_t>& visits = run.visit_counts();
  Series out;
  for (int32_t p = 0; p < run.period_count(); ++p)
    out.push_back(
        safe_ratio(numerator(p),
                   static_cast<double>(visits[static_cast<size_t>(p)]) * unit));
  return out;
}

}  // namespace

Series visits(Run& run) {
  const std::vector<int64_t>& visits = run.visit_counts();
  return Series(visits.begin(), visits.end());
}

Series bounce_rate(Run& run) {
  // A bounce: one event, a page view (a lone action is no bounce).
  const int64_t* events = run.sessions().column("events").ints();
  const int64_t* first_event = run.sessions().column("first_event").ints();
  const SessionEventRows rows = run.session_event_rows();
  const ColumnView& event_type = run.web_dictionary("event_type");
  const EventTypes& types = run.types();
  GroupKeys keys = run.session_keys();
  keys.keep_only([&](int64_t s) {
    return events[s] == 1 &&
           types.is_page_view(code_at(event_type, rows[first_event[s]]));
  });
  Count bounces(run.period_count());
  aggregate(keys, bounces);
  return per_visit(run, [&](int32_t p) { return bounces[p]; });
}

Series pages_per_visit(Run& run) {
  Sum page_views(run.period_count(), run.sessions().column("page_views"));
  aggregate(run.session_keys(), page_views);
  return per_visit(run, [&](int32_t p) {
    return static_cast<double>(page_views[p].wide());
  });
}

Series avg_visit_duration(Run& run) {
  // The total duration is sum(ended_at) - sum(started_at), both exact.
  Sum ended(run.period_count(), run.sessions().column("ended_at"));
  Sum started(run.period_count(), run.sessions().column("started_at"));
  aggregate(run.session_keys(), ended, started);
  return per_visit(
      run,
      [&](int32_t p) {
        return static_cast<double>(ended[p].wide() - started[p].wide());
      },
      kMicrosPerSecond);
}

Table visits_by_device(Run& run) {
  const ColumnView& device = run.sessions().column("device");
  const auto current = static_cast<int32_t>(run.request.current);
  const std::span<const int32_t> period = run.session_keys().groups();
  // One group a device code of P, plus one for "(none)".
  const auto devices = static_cast<int32_t>(device.dictionary_size());
  std::vector<int32_t> device_of_session(period.size(), kNone);
  for (size_t s = 0; s < period.size(); ++s) {
    if (period[s] != current) continue;
    const auto row = static_cast<int64_t>(s);
    device_of_session[s] =
        device.is_valid(row) && !device.string_at(row).empty()
            ? device.codes()[row]
            : devices;
  }
  GroupKeys keys(std::move(device_of_session), devices + 1);
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
