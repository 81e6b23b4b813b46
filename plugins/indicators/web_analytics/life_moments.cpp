#include "life_moments.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vigie::web_analytics {

namespace {

using namespace sdk::kernels;

bool is_page_view(const WebData& data, int64_t row) {
  return data.types().page_view >= 0 &&
         data.type_of(row) == data.types().page_view;
}

}  // namespace

Table life_moment_counts(WebData& data) {
  const int32_t moments = data.parameters.life_moments.size();
  const auto customers =
      static_cast<int32_t>(data.stitching().customer_count());
  const PageClasses& classes = data.page_classes();
  const std::vector<int32_t>& period = data.event_periods();
  const std::vector<int32_t>& person = data.person_keys();
  // Group (slot, moment): slot 0 is P, slot 1 is P'.
  const auto current = static_cast<int32_t>(data.current);
  DistinctCount viewers(2 * moments, CodeSource(person, customers));
  for (size_t r = 0; r < period.size(); ++r) {
    const int32_t p = period[r];
    if (p != current && (p != data.previous || p == kNone)) continue;
    const auto row = static_cast<int64_t>(r);
    // The person key of a customer is its customer code.
    if (person[r] < 0 || person[r] >= customers || !is_page_view(data, row))
      continue;
    const int32_t page = data.page_of(row);
    if (page < 0) continue;
    const int32_t slot = p == current ? 0 : 1;
    for (int32_t moment : classes.moments_of(page))
      viewers.add_code(slot * moments + moment, person[r]);
  }
  viewers.finish();

  Table out;
  auto& moment_column = out.add("moment", Type::String);
  auto& customers_column = out.add("customers", Type::Int64, "count");
  auto& previous_column = out.add("previous_customers", Type::Int64, "count");
  for (int32_t m = 0; m < moments; ++m) {
    moment_column.push_string(data.parameters.life_moments.name(m));
    customers_column.push_int(viewers[m]);
    if (data.previous >= 0)
      previous_column.push_int(viewers[moments + m]);
    else
      previous_column.push_null();
  }
  return out;
}

Table life_moment_list(const WebData& data) {
  struct View {
    int32_t customer;
    int32_t moment;
    int64_t at;
  };
  const int64_t as_of = data.periods[data.current].end_us;
  const int64_t since =
      as_of - data.parameters.life_moment_days * kMicrosPerDay;
  const std::vector<int32_t> person = data.stitching().persons_at(as_of);
  const PageClasses& classes = data.page_classes();
  const int64_t* ts = data.ts.ints();

  std::vector<View> views;
  for (int64_t row = 0; row < data.web.rows(); ++row) {
    if (!data.ts.is_valid(row) || ts[row] < since || ts[row] >= as_of ||
        !is_page_view(data, row) || !data.visitor.is_valid(row))
      continue;
    const int32_t customer =
        person[static_cast<size_t>(data.visitor.codes()[row])];
    const int32_t page = data.page_of(row);
    if (customer == kNone || page < 0) continue;
    for (int32_t moment : classes.moments_of(page))
      views.push_back({customer, moment, ts[row]});
  }

  // One row a (customer, moment), its latest view; by customer id text,
  // then moment.
  const ColumnView& customer_id = data.links.column("customer_id");
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
    moment_column.push_string(
        data.parameters.life_moments.name(views[i].moment));
    last_column.push_int(views[i].at);
    const auto& action =
        data.parameters.moment_actions[static_cast<size_t>(views[i].moment)];
    if (action)
      action_column.push_string(*action);
    else
      action_column.push_null();
  }
  return out;
}

}  // namespace vigie::web_analytics
