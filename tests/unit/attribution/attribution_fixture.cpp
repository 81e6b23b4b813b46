#include "attribution_fixture.hpp"

#include <utility>

#include "derive/derive.hpp"
#include "vigie/sdk/calendar_month.hpp"

namespace attribution_test {

using vigie::Column;
using vigie::Table;
using vigie::Type;

namespace {

int64_t money(double units) {
  return static_cast<int64_t>(units * 10000.0 + (units < 0 ? -0.5 : 0.5));
}

void push_code(Column& column, int32_t code) {
  if (code < 0)
    column.push_null();
  else
    column.push_code(code);
}

}  // namespace

int32_t AttributionData::customer_code(std::string_view id) {
  return id.empty() ? -1 : customers_.intern(id);
}

AttributionData& AttributionData::visit(int64_t ts, std::string_view visitor,
                                        std::string_view source,
                                        std::string_view customer) {
  visits_.push_back({ts, visitors_.intern(visitor),
                     source.empty() ? -1 : sources_.intern(source),
                     customer_code(customer)});
  return *this;
}

AttributionData& AttributionData::line(std::string_view order,
                                       std::string_view customer,
                                       int64_t ordered_at, double amount,
                                       double margin) {
  lines_.push_back({orders_.intern(order), customer_code(customer), ordered_at,
                    money(amount), money(margin)});
  return *this;
}

AttributionData& AttributionData::customer(std::string_view id,
                                           std::string_view channel) {
  has_customers_ = true;
  customer_rows_.push_back({customer_code(id), texts_.intern(channel)});
  return *this;
}

AttributionData& AttributionData::spend(unsigned month,
                                        std::string_view channel,
                                        double amount) {
  has_spend_ = true;
  spend_.push_back({vigie::sdk::month_code(2026, month), texts_.intern(channel),
                    money(amount)});
  return *this;
}

vigie::testing::NamedTables AttributionData::datasets() const {
  vigie::table::Interner types;
  const int32_t page_view = types.intern("page_view");
  Table web;
  auto& ts = web.add("ts", Type::Timestamp);
  auto& visitor = web.add("visitor_id", Type::Dictionary);
  auto& customer = web.add("customer_id", Type::Dictionary);
  auto& type = web.add("event_type", Type::Dictionary);
  auto& source = web.add("source", Type::Dictionary);
  for (const Visit& v : visits_) {
    ts.push_int(v.ts);
    visitor.push_code(v.visitor);
    push_code(customer, v.customer);
    type.push_code(page_view);
    push_code(source, v.source);
  }
  visitor.dictionary = visitors_.pool();
  customer.dictionary = customers_.pool();
  type.dictionary = types.pool();
  source.dictionary = sources_.pool();

  vigie::testing::NamedTables out;
  for (const auto& [name, table] : vigie::derive::derive_datasets(
           {"visitor_links", "sessions"}, web,
           vigie::derive::DeriveOptions{.session_gap_minutes = 30}))
    out.emplace_back(name, *table);

  Table orders;
  auto& order_id = orders.add("order_id", Type::Dictionary);
  auto& order_customer = orders.add("customer_id", Type::Dictionary);
  auto& ordered_at = orders.add("ordered_at", Type::Timestamp);
  auto& amount = orders.add("amount", Type::Decimal);
  for (const Line& l : lines_) {
    order_id.push_code(l.order);
    push_code(order_customer, l.customer);
    ordered_at.push_int(l.at);
    amount.push_int(l.amount);
  }
  order_id.dictionary = orders_.pool();
  order_customer.dictionary = customers_.pool();
  if (with_margin) {
    auto& margin = orders.add("margin", Type::Decimal);
    for (const Line& l : lines_) margin.push_int(l.margin);
  }
  out.emplace_back("orders", std::move(orders));

  if (has_customers_) {
    Table customers;
    auto& id = customers.add("customer_id", Type::Dictionary);
    auto& channel = customers.add("acquisition_channel", Type::Dictionary);
    for (const Customer& c : customer_rows_) {
      id.push_code(c.id);
      channel.push_code(c.channel);
    }
    id.dictionary = customers_.pool();
    channel.dictionary = texts_.pool();
    out.emplace_back("customers", std::move(customers));
  }
  if (has_spend_) {
    Table spend;
    auto& month = spend.add("month", Type::Int64);
    auto& channel = spend.add("channel", Type::Dictionary);
    auto& value = spend.add("spend", Type::Decimal);
    for (const Spend& s : spend_) {
      month.push_int(s.month);
      channel.push_code(s.channel);
      value.push_int(s.amount);
    }
    channel.dictionary = texts_.pool();
    out.emplace_back("marketing_spend", std::move(spend));
  }
  out.emplace_back("web_events", std::move(web));
  return out;
}

vigie::testing::IndicatorRun run(const AttributionData& data,
                                 const RunSpec& spec) {
  return vigie::testing::run_indicator("attribution", spec.parameters,
                                       data.datasets(), spec.periods,
                                       spec.current, spec.kpis);
}

namespace {

std::optional<double> cell(const vigie::ColumnView& column, int64_t row) {
  if (!column.is_valid(row)) return std::nullopt;
  return column.number_at(row);
}

}  // namespace

std::map<std::string, Row> rows_of(const vigie::testing::IndicatorRun& run,
                                   std::string_view model) {
  const vigie::TableView& t = run.table("attribution_by_channel").view();
  std::map<std::string, Row> out;
  for (int64_t i = 0; i < t.rows(); ++i) {
    if (t.column("model").string_at(i) != model) continue;
    out[std::string(t.column("channel").string_at(i))] =
        Row{t.column("conversions").number_at(i),
            t.column("revenue").number_at(i),
            cell(t.column("spend"), i),
            cell(t.column("roas"), i),
            cell(t.column("roi"), i),
            cell(t.column("long_term_value"), i)};
  }
  return out;
}

std::vector<std::string> keys_of(const vigie::testing::IndicatorRun& run) {
  const vigie::TableView& t = run.table("attribution_by_channel").view();
  std::vector<std::string> out;
  for (int64_t i = 0; i < t.rows(); ++i)
    out.push_back(std::string(t.column("model").string_at(i)) + "/" +
                  std::string(t.column("channel").string_at(i)));
  return out;
}

}  // namespace attribution_test
