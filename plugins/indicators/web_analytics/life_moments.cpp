// Life moments (KPI-CATALOG.md section 3): the customers who viewed a page
// of a moment (moving, termination, ...), counted per moment for P and P',
// and the operational list of those who did so in the last
// `life_moment_days` days before as_of, with the moment's suggested action.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "web_run.hpp"

namespace vigie::web_analytics {

Table life_moment_counts(Run& run) {
  const int32_t moments = run.parameters.life_moments.size();
  const auto customers = static_cast<int32_t>(run.stitching().customer_count());
  const PageClasses& classes = run.page_classes();
  const EventTypes& types = run.types();
  const ColumnView& event_type = run.web_dictionary("event_type");
  const ColumnView& page = run.web_dictionary("page");
  const std::span<const int32_t> period = run.event_periods();
  const std::vector<int32_t>& person = run.person_keys();
  // Group (slot, moment): slot 0 is P, slot 1 is P'.
  const auto current = static_cast<int32_t>(run.request.current);
  const int32_t previous = run.previous();
  DistinctCount viewers(2 * moments, CodeSource(person, customers));
  for (size_t r = 0; r < period.size(); ++r) {
    const int32_t p = period[r];
    if (p != current && (p != previous || p == kNone)) continue;
    const auto row = static_cast<int64_t>(r);
    // The person key of a customer is its customer code.
    if (person[r] < 0 || person[r] >= customers ||
        !types.is_page_view(code_at(event_type, row)))
      continue;
    const int32_t code = code_at(page, row);
    if (code < 0) continue;
    const int32_t slot = p == current ? 0 : 1;
    for (int32_t moment : classes.moments_of(code))
      viewers.add_code(slot * moments + moment, person[r]);
  }
  viewers.finish();

  Table out;
  auto& moment_column = out.add("moment", Type::String);
  auto& customers_column = out.add("customers", Type::Int64, "count");
  auto& previous_column = out.add("previous_customers", Type::Int64, "count");
  for (int32_t m = 0; m < moments; ++m) {
    moment_column.push_string(run.parameters.life_moments.name(m));
    customers_column.push_int(viewers[m]);
    if (previous >= 0)
      previous_column.push_int(viewers[moments + m]);
    else
      previous_column.push_null();
  }
  return out;
}

Table life_moment_list(Run& run) {
  struct View {
    int32_t customer;
    int32_t moment;
    int64_t at;
  };
  const WebParameters& parameters = run.parameters;
  const int64_t as_of = run.request.period().end_us;
  const int64_t since = as_of - parameters.life_moment_days * kMicrosPerDay;
  const std::vector<int32_t> person = run.stitching().persons_at(as_of);
  const PageClasses& classes = run.page_classes();
  const EventTypes& types = run.types();
  const ColumnView& event_type = run.web_dictionary("event_type");
  const ColumnView& page = run.web_dictionary("page");
  const ColumnView& visitor = run.web_dictionary("visitor_id");
  const ColumnView& ts = run.web().column("ts");

  std::vector<View> views;
  for (int64_t row = 0; row < run.web().rows(); ++row) {
    if (!ts.is_valid(row) || ts.ints()[row] < since ||
        ts.ints()[row] >= as_of ||
        !types.is_page_view(code_at(event_type, row)) || !visitor.is_valid(row))
      continue;
    const int32_t customer = person[static_cast<size_t>(visitor.codes()[row])];
    const int32_t code = code_at(page, row);
    if (customer == kNone || code < 0) continue;
    for (int32_t moment : classes.moments_of(code))
      views.push_back({customer, moment, ts.ints()[row]});
  }

  // One row a (customer, moment), its latest view; by customer id text,
  // then moment.
  const ColumnView& customer_id = run.links().column("customer_id");
  std::sort(views.begin(), views.end(), [&](const View& a, const View& b) {
    if (a.customer != b.customer)
      return customer_id.dictionary_at(a.customer) <
             customer_id.dictionary_at(b.customer);
    if (a.moment != b.moment) return a.moment < b.moment;
    return a.at > b.at;
  });
  Table out;
  auto& id_column = out.add("customer_id", Type::String);
  auto& moment_column = out.add("moment", Type::String);
  auto& last_column = out.add("last_visit", Type::Timestamp);
  auto& action_column = out.add("suggested_action", Type::String);
  for (size_t i = 0; i < views.size(); ++i) {
    if (i > 0 && views[i].customer == views[i - 1].customer &&
        views[i].moment == views[i - 1].moment)
      continue;
    id_column.push_string(customer_id.dictionary_at(views[i].customer));
    moment_column.push_string(parameters.life_moments.name(views[i].moment));
    last_column.push_int(views[i].at);
    const auto& action =
        parameters.moment_actions[static_cast<size_t>(views[i].moment)];
    if (action)
      action_column.push_string(*action);
    else
      action_column.push_null();
  }
  return out;
}

}  // namespace vigie::web_analytics
