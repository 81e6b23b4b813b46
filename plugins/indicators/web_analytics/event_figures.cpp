// The figures of the web events of each period (an event counts in the
// period its ts falls in): unique visitors, unique people, load-time
// percentiles, cross-device customers; and P's load time by page group.
#include "web_run.hpp"

namespace vigie::web_analytics {

namespace {

// The page views with a load time: what the percentiles are taken over.
auto measured_page_view(Run& run) {
  return [&event_type = run.web_dictionary("event_type"), &types = run.types(),
          &load_time = run.web().column("load_time_ms")](int64_t row) {
    return types.is_page_view(code_at(event_type, row)) &&
           load_time.is_valid(row);
  };
}

Series distinct_by_period(Run& run, DistinctCount counted) {
  aggregate(run.event_keys(), counted);
  return Series(counted.counts().begin(), counted.counts().end());
}

template <class T>
Series as_series(const std::vector<std::optional<T>>& values) {
  Series out;
  for (const auto& v : values)
    out.push_back(v ? std::optional<double>(static_cast<double>(*v))
                    : std::nullopt);
  return out;
}

}  // namespace

Series unique_visitors(Run& run) {
  return distinct_by_period(
      run, DistinctCount(run.period_count(), run.web_dictionary("visitor_id")));
}

Series unique_people(Run& run) {
  return distinct_by_period(
      run, DistinctCount(run.period_count(),
                         CodeSource(run.person_keys(),
                                    run.stitching().person_key_count())));
}

LoadTimeFigures measure_load_times(Run& run) {
  const int32_t n = run.period_count();
  LoadTimeFigures out;
  // load_time_ms is optional: a source without it gives no value (never a
  // percentile of nothing), said in a note.
  if (run.web().find("load_time_ms") == nullptr) {
    out.p50.assign(static_cast<size_t>(n), std::nullopt);
    out.p95.assign(static_cast<size_t>(n), std::nullopt);
    return out;
  }
  // The measured page views of each period as row lists (a counting sort,
  // 8 bytes a page view), then each period's values gathered in turn into
  // one buffer: GroupValues would hold every (period, value) pair at once.
  GroupKeys measured = run.event_keys();
  measured.keep_only(measured_page_view(run));
  const PeriodRows rows = PeriodIndex::rows_of(measured.groups(), n);
  measured = GroupKeys();
  const int64_t* load = run.web().column("load_time_ms").ints();
  std::vector<int64_t> values;
  for (int32_t p = 0; p < n; ++p) {
    values.clear();
    for (int64_t row : rows.of(static_cast<size_t>(p)))
      values.push_back(load[row]);
    // Two partial sorts (linear) rather than one full sort.
    out.p50.push_back(percentile(std::span<int64_t>(values), 50));
    out.p95.push_back(percentile(std::span<int64_t>(values), 95));
  }
  return out;
}

namespace {

void note_missing_load_times(Run& run) {
  if (run.web().find("load_time_ms") == nullptr)
    run.sink.message(run.kpi, "web_analytics.no_load_times", {});
}

}  // namespace

Series load_time_p50(Run& run) {
  note_missing_load_times(run);
  return as_series(run.load_times().p50);
}
Series load_time_p95(Run& run) {
  note_missing_load_times(run);
  return as_series(run.load_times().p95);
}

CrossDeviceFigures count_cross_device(Run& run) {
  const int32_t n = run.period_count();
  const auto customers = static_cast<int32_t>(run.stitching().customer_count());
  // The customer of each event (its person when that is a customer).
  std::vector<int32_t> customer(run.person_keys());
  for (int32_t& key : customer)
    if (key >= customers) key = kNone;
  auto keys = GroupKeys::by_period_and_code(run.event_periods(), n,
                                            CodeSource(customer, customers));
  std::vector<int32_t>().swap(customer);
  Count events(keys.group_count());
  DistinctCount devices(keys.group_count(), run.web_dictionary("device"));
  aggregate(keys, events, devices);

  CrossDeviceFigures out;
  out.customers.assign(static_cast<size_t>(n), 0);
  out.cross_device.assign(static_cast<size_t>(n), 0);
  for (int32_t g = 0; g < keys.group_count(); ++g) {
    if (events[g] == 0) continue;
    const auto p = static_cast<size_t>(keys.period_of(g));
    ++out.customers[p];
    if (devices[g] >= 2) ++out.cross_device[p];
  }
  return out;
}

Series cross_device_customers(Run& run) {
  const std::vector<int64_t>& counts = run.cross_device().cross_device;
  return Series(counts.begin(), counts.end());
}

Series cross_device_share(Run& run) {
  const CrossDeviceFigures& figures = run.cross_device();
  Series out;
  for (size_t p = 0; p < figures.customers.size(); ++p)
    out.push_back(safe_ratio(figures.cross_device[p], figures.customers[p]));
  return out;
}

Table load_time_by_group(Run& run) {
  Table out;
  auto& group_column = out.add("group", Type::String);
  auto& views_column = out.add("page_views", Type::Int64, "count");
  auto& p50_column = out.add("p50", Type::Int64, "ms");
  auto& p95_column = out.add("p95", Type::Int64, "ms");
  note_missing_load_times(run);
  if (run.web().find("load_time_ms") == nullptr) return out;  // no rows
  const PageClasses& classes = run.page_classes();
  const ColumnView& page = run.web_dictionary("page");
  const int32_t groups = run.parameters.page_groups.size();
  const auto current = static_cast<int32_t>(run.request.current);
  const std::span<const int32_t> period = run.event_periods();
  // The group of each page view of P; a page in no group is left out.
  std::vector<int32_t> group_of_row(period.size(), kNone);
  for (size_t row = 0; row < period.size(); ++row) {
    if (period[row] != current) continue;
    const int32_t code = code_at(page, static_cast<int64_t>(row));
    if (code >= 0) group_of_row[row] = classes.group[static_cast<size_t>(code)];
  }
  GroupKeys keys(std::move(group_of_row), groups);
  keys.keep_only(measured_page_view(run));
  GroupValues load(groups, run.web().column("load_time_ms"));
  aggregate(keys, load);

  // Groups are indexed in name order: the rows come sorted.
  for (int32_t g = 0; g < groups; ++g) {
    std::span<int64_t> values = load.of(g);
    if (values.empty()) continue;
    group_column.push_string(run.parameters.page_groups.name(g));
    views_column.push_int(static_cast<int64_t>(values.size()));
    p50_column.push_int(*percentile(values, 50));
    p95_column.push_int(*percentile(values, 95));
  }
  return out;
}

}  // namespace vigie::web_analytics
