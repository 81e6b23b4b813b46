// Small web_events and orders tables written row by row, shaped as the
// engine hands them to indicators: strings dictionary-encoded, customer_id
// of both datasets in ONE dictionary (same code = same customer), nulls as
// validity, amounts as decimals at 10^4, and visitor_links derived from
// web_events by the engine's own derive module. A nullptr string is a null.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "derive/derive.hpp"
#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace vigie::testing {

inline constexpr int64_t kMicrosPerHour = 3600 * kMicrosPerSecond;
// 2026-01-01T00:00:00Z: 1767225600 s since the epoch.
inline constexpr int64_t kJan1 = 1767225600 * kMicrosPerSecond;
// Midnight UTC of day n counted from 2026-01-01 (day 0).
inline constexpr int64_t day(int64_t n) { return kJan1 + n * kMicrosPerDay; }
inline constexpr int64_t hours(int64_t n) { return n * kMicrosPerHour; }

class FunnelData {
 public:
  // An event of `visitor`, logged in as `customer` (nullptr: not logged in).
  void event(int64_t ts, const char* visitor, const char* customer,
             const char* event_type, const char* page, const char* action) {
    web_ts_.push_back(ts);
    web_visitor_.push_back(nullable(visitors_, visitor));
    web_customer_.push_back(nullable(customers_, customer));
    web_type_.push_back(nullable(event_types_, event_type));
    web_page_.push_back(nullable(pages_, page));
    web_action_.push_back(nullable(actions_, action));
  }
  void page_view(int64_t ts, const char* visitor, const char* customer,
                 const char* page) {
    event(ts, visitor, customer, "page_view", page, nullptr);
  }
  void action(int64_t ts, const char* visitor, const char* customer,
              const char* code) {
    event(ts, visitor, customer, "action", nullptr, code);
  }
  // One order line; `amount` in units, kept at 10^4.
  void order_line(const char* order_id, const char* customer, int64_t ts,
                  int64_t amount) {
    order_id_.push_back(nullable(order_ids_, order_id));
    order_customer_.push_back(nullable(customers_, customer));
    order_ts_.push_back(ts);
    order_amount_.push_back(amount * kDecimalScale);
  }

  NamedTables datasets() const {
    Table web;
    auto& ts = web.add("ts", Type::Timestamp);
    for (int64_t t : web_ts_) ts.push_int(t);
    add_dictionary(web, "visitor_id", visitors_, web_visitor_);
    add_dictionary(web, "customer_id", customers_, web_customer_);
    add_dictionary(web, "event_type", event_types_, web_type_);
    add_dictionary(web, "page", pages_, web_page_);
    add_dictionary(web, "action", actions_, web_action_);

    Table orders;
    add_dictionary(orders, "order_id", order_ids_, order_id_);
    add_dictionary(orders, "customer_id", customers_, order_customer_);
    auto& ordered_at = orders.add("ordered_at", Type::Timestamp);
    for (int64_t t : order_ts_) ordered_at.push_int(t);
    auto& amount = orders.add("amount", Type::Decimal);
    for (int64_t a : order_amount_) amount.push_int(a);

    NamedTables out;
    for (const auto& [name, table] : derive::derive_datasets(
             {"visitor_links"}, web, derive::DeriveOptions{}))
      out.emplace_back(name, *table);
    out.emplace_back("web_events", std::move(web));
    out.emplace_back("orders", std::move(orders));
    return out;
  }

 private:
  static constexpr int32_t kNull = -1;

  static int32_t nullable(table::Interner& interner, const char* text) {
    return text == nullptr ? kNull : interner.intern(text);
  }
  static void add_dictionary(Table& table, const std::string& name,
                             const table::Interner& interner,
                             const std::vector<int32_t>& codes) {
    auto& column = table.add(name, Type::Dictionary);
    column.dictionary = interner.pool();
    for (int32_t code : codes) {
      if (code == kNull)
        column.push_null();
      else
        column.push_code(code);
    }
  }

  table::Interner customers_, visitors_, event_types_, pages_, actions_,
      order_ids_;
  std::vector<int64_t> web_ts_;
  std::vector<int32_t> web_visitor_, web_customer_, web_type_, web_page_,
      web_action_;
  std::vector<int32_t> order_id_, order_customer_;
  std::vector<int64_t> order_ts_, order_amount_;
};

// The shop funnel of the tests: offers, basket, checkout, purchase.
inline std::map<std::string, std::string> shop_funnel() {
  return {{"steps.0", "page:/offres*"},   {"steps.1", "page:/panier*"},
          {"steps.2", "action:checkout"}, {"steps.3", "purchase"},
          {"step_names.0", "Offres"},     {"step_names.1", "Panier"},
          {"step_names.2", "Commande"},   {"step_names.3", "Achat"}};
}

inline IndicatorRun run_funnel(
    const std::map<std::string, std::string>& parameters, NamedTables datasets,
    const std::vector<vigie_period>& periods, uint32_t current) {
  return run_indicator("funnel", parameters, std::move(datasets), periods,
                       current);
}

}  // namespace vigie::testing
