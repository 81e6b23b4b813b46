#include "plugin_harness.hpp"

#include <stdexcept>
#include <string>

#include <utility>

#include "table/month.hpp"

namespace customer_base_test {

void Datasets::order_line(std::string_view order_id, std::string_view customer,
                          int64_t ordered_at, double amount, double margin) {
  Line l{order_ids_.intern(order_id), std::nullopt, ordered_at, money(amount),
         money(margin)};
  if (!customer.empty()) l.customer = customer_ids_.intern(customer);
  lines_.push_back(l);
}

void Datasets::customer(std::string_view id, std::optional<std::string> channel,
                        std::optional<bool> consent) {
  has_customers = true;
  Customer c{customer_ids_.intern(id), std::nullopt, consent};
  if (channel) c.channel = texts_.intern(*channel);
  customers_.push_back(c);
}

void Datasets::spend(std::string_view month, std::string_view channel,
                     double amount) {
  has_spend = true;
  // Typed as ingest types a month column.
  const auto m = vigie::table::parse_month_value(month);
  if (!m) throw std::invalid_argument("not a month: " + std::string(month));
  spend_.push_back(Spend{m->code(), texts_.intern(channel), money(amount)});
}

vigie::Table Datasets::orders_table() const {
  vigie::Table t;
  auto& order_id = t.add("order_id", vigie::Type::Dictionary);
  order_id.dictionary = order_ids_.pool();
  auto& customer_id = t.add("customer_id", vigie::Type::Dictionary);
  customer_id.dictionary = customer_ids_.pool();
  auto& ordered_at = t.add("ordered_at", vigie::Type::Timestamp);
  auto& amount = t.add("amount", vigie::Type::Decimal);
  for (const Line& l : lines_) {
    order_id.push_code(l.order);
    if (l.customer)
      customer_id.push_code(*l.customer);
    else
      customer_id.push_null();
    ordered_at.push_int(l.at);
    amount.push_int(l.amount);
  }
  if (with_margin) {
    auto& margin = t.add("margin", vigie::Type::Decimal);
    for (const Line& l : lines_) margin.push_int(l.margin);
  }
  return t;
}

vigie::Table Datasets::customers_table() const {
  vigie::Table t;
  auto& id = t.add("customer_id", vigie::Type::Dictionary);
  id.dictionary = customer_ids_.pool();
  auto& created_at = t.add("created_at", vigie::Type::Timestamp);
  auto& channel = t.add("acquisition_channel", vigie::Type::Dictionary);
  channel.dictionary = texts_.pool();
  auto& consent = t.add("consent_marketing", vigie::Type::Bool);
  for (const Customer& c : customers_) {
    id.push_code(c.id);
    created_at.push_int(kEpoch2026);
    if (c.channel)
      channel.push_code(*c.channel);
    else
      channel.push_null();
    if (c.consent)
      consent.push_bool(*c.consent);
    else
      consent.push_null();
  }
  return t;
}

vigie::Table Datasets::spend_table() const {
  vigie::Table t;
  auto& month = t.add("month", vigie::Type::Int64);
  auto& channel = t.add("channel", vigie::Type::Dictionary);
  channel.dictionary = texts_.pool();
  auto& amount = t.add("spend", vigie::Type::Decimal);
  for (const Spend& s : spend_) {
    month.push_int(s.month);
    channel.push_code(s.channel);
    amount.push_int(s.amount);
  }
  return t;
}

Result run(const Datasets& data, const RunSpec& r) {
  vigie::testing::NamedTables datasets;
  datasets.emplace_back("orders", data.orders_table());
  if (data.has_customers)
    datasets.emplace_back("customers", data.customers_table());
  if (data.has_spend)
    datasets.emplace_back("marketing_spend", data.spend_table());
  return vigie::testing::run_indicator("customer_base", r.parameters,
                                       std::move(datasets), r.periods,
                                       r.current, r.kpis, "en_GB", r.time_zone);
}

std::optional<std::string> create_error(
    const std::map<std::string, std::string>& parameters) {
  return vigie::testing::parameters_refusal("customer_base", parameters);
}

}  // namespace customer_base_test
