#include "event_figures.hpp"

namespace vigie::web_analytics {

namespace {

using namespace sdk::kernels;

// The page views with a load time: what the percentiles are taken over.
auto measured_page_view(const WebData& data) {
  return [&data](int64_t row) {
    return data.types().page_view >= 0 &&
           data.type_of(row) == data.types().page_view &&
           data.load_time.is_valid(row);
  };
}

}  // namespace

AudienceFigures audience_figures(WebData& data) {
  const int32_t n = data.periods.size();
  const auto keys = GroupKeys::by_period(data.event_periods(), n);
  DistinctCount visitors(n, data.visitor);
  DistinctCount people(
      n, CodeSource(data.person_keys(), data.stitching().person_key_count()));
  aggregate(keys, visitors, people);
  AudienceFigures out;
  out.unique_visitors.assign(visitors.counts().begin(),
                             visitors.counts().end());
  out.unique_people.assign(people.counts().begin(), people.counts().end());
  return out;
}

LoadTimeFigures load_time_figures(WebData& data) {
  const int32_t n = data.periods.size();
  // The measured page views of each period as row lists (a counting sort,
  // 8 bytes a page view), then each period's values gathered in turn into
  // one buffer: GroupValues would hold every (period, value) pair at once.
  std::vector<int32_t> period(data.event_periods());
  const auto measured = measured_page_view(data);
  for (size_t row = 0; row < period.size(); ++row)
    if (period[row] != kNone && !measured(static_cast<int64_t>(row)))
      period[row] = kNone;
  const PeriodRows rows = PeriodIndex::rows_of(period, n);
  std::vector<int32_t>().swap(period);
  const int64_t* load = data.load_time.ints();
  LoadTimeFigures out;
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

CrossDeviceFigures cross_device_figures(WebData& data) {
  const int32_t n = data.periods.size();
  const Stitching& stitching = data.stitching();
  const auto customers = static_cast<int32_t>(stitching.customer_count());
  // The customer of each event (its person when that is a customer).
  std::vector<int32_t> customer(data.person_keys());
  for (int32_t& key : customer)
    if (key >= customers) key = kNone;
  auto keys = GroupKeys::by_period_and_code(data.event_periods(), n,
                                            CodeSource(customer, customers));
  std::vector<int32_t>().swap(customer);
  Count events(keys.group_count());
  DistinctCount devices(keys.group_count(), data.device);
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

Table load_time_by_group(WebData& data) {
  const PageClasses& classes = data.page_classes();
  const int32_t groups = data.parameters.page_groups.size();
  const auto current = static_cast<int32_t>(data.current);
  const std::vector<int32_t>& period = data.event_periods();
  // The group of each page view of P; a page in no group is left out.
  std::vector<int32_t> group_of_row(period.size(), kNone);
  for (size_t row = 0; row < period.size(); ++row) {
    if (period[row] != current) continue;
    const int32_t page = data.page_of(static_cast<int64_t>(row));
    if (page >= 0) group_of_row[row] = classes.group[static_cast<size_t>(page)];
  }
  GroupKeys keys(std::move(group_of_row), groups);
  keys.keep_only(measured_page_view(data));
  GroupValues load(groups, data.load_time);
  aggregate(keys, load);

  Table out;
  auto& group_column = out.add("group", Type::String);
  auto& views_column = out.add("page_views", Type::Int64, "count");
  auto& p50_column = out.add("p50", Type::Int64, "ms");
  auto& p95_column = out.add("p95", Type::Int64, "ms");
  // Groups are indexed in name order: the rows come sorted.
  for (int32_t g = 0; g < groups; ++g) {
    std::span<int64_t> values = load.of(g);
    if (values.empty()) continue;
    group_column.push_string(data.parameters.page_groups.name(g));
    views_column.push_int(static_cast<int64_t>(values.size()));
    p50_column.push_int(*percentile(values, 50));
    p95_column.push_int(*percentile(values, 95));
  }
  return out;
}

}  // namespace vigie::web_analytics
