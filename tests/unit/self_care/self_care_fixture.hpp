// Small web_events and calls tables written row by row, shaped as the
// engine hands them to indicators: strings dictionary-encoded, customer_id
// of both datasets in ONE dictionary (same code = same customer), nulls as
// validity, and visitor_links derived from web_events by the engine's own
// derive module. A nullptr string is a null. An event names its visitor
// (by_visitor) or has one of its own, so that its customer is its own
// customer_id unless a test links visitors on purpose.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
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

class SelfCareData {
 public:
  void event(int64_t ts, const char* customer, const char* event_type,
             const char* page, const char* action) {
    web_visitor_.push_back(
        visitors_.intern(visitor_ ? std::string(visitor_)
                                  : "v" + std::to_string(web_ts_.size())));
    web_ts_.push_back(ts);
    web_customer_.push_back(nullable(customers_, customer));
    web_type_.push_back(nullable(event_types_, event_type));
    web_page_.push_back(nullable(pages_, page));
    web_action_.push_back(nullable(actions_, action));
  }
  void action(int64_t ts, const char* customer, const char* action_code) {
    event(ts, customer, "action", nullptr, action_code);
  }
  void page_view(int64_t ts, const char* customer, const char* page) {
    event(ts, customer, "page_view", page, nullptr);
  }
  // The events added in `add` are of `visitor`.
  template <class Add>
  void by_visitor(const char* visitor, Add&& add) {
    visitor_ = visitor;
    add();
    visitor_ = nullptr;
  }
  void call(int64_t started_at, const char* customer, const char* direction,
            const char* reason, const char* outcome) {
    call_started_.push_back(started_at);
    call_customer_.push_back(nullable(customers_, customer));
    call_direction_.push_back(nullable(directions_, direction));
    call_reason_.push_back(nullable(reasons_, reason));
    call_outcome_.push_back(nullable(outcomes_, outcome));
  }

  NamedTables datasets() {
    Table web;
    auto& ts = web.add("ts", Type::Timestamp);
    for (int64_t t : web_ts_) ts.push_int(t);
    add_dictionary(web, "visitor_id", visitors_, web_visitor_);
    add_dictionary(web, "customer_id", customers_, web_customer_);
    add_dictionary(web, "event_type", event_types_, web_type_);
    add_dictionary(web, "page", pages_, web_page_);
    add_dictionary(web, "action", actions_, web_action_);

    Table calls;
    auto& call_id = calls.add("call_id", Type::String);
    for (size_t i = 0; i < call_started_.size(); ++i)
      call_id.push_string("k" + std::to_string(i));
    auto& started = calls.add("started_at", Type::Timestamp);
    for (int64_t t : call_started_) started.push_int(t);
    add_dictionary(calls, "customer_id", customers_, call_customer_);
    add_dictionary(calls, "direction", directions_, call_direction_);
    add_dictionary(calls, "reason", reasons_, call_reason_);
    add_dictionary(calls, "outcome", outcomes_, call_outcome_);

    NamedTables out;
    for (const auto& [name, table] : derive::derive_datasets(
             {"visitor_links"}, web, derive::DeriveOptions{}))
      out.emplace_back(name, *table);
    out.emplace_back("web_events", std::move(web));
    out.emplace_back("calls", std::move(calls));
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
      directions_, reasons_, outcomes_;
  std::vector<int64_t> web_ts_;
  const char* visitor_ = nullptr;
  std::vector<int32_t> web_visitor_, web_customer_, web_type_, web_page_,
      web_action_;
  std::vector<int64_t> call_started_;
  std::vector<int32_t> call_customer_, call_direction_, call_reason_,
      call_outcome_;
};

// The spec's parameters used by the tests: change_address 4.20 offline and
// 0.30 online with topic pages; pay_invoice 2.50 offline, online cost left
// to its default 0; report_meter 3.00, never used (its rates have no value).
inline std::map<std::string, std::string> standard_parameters() {
  return {
      {"action_costs.change_address", "4.20"},
      {"action_costs.pay_invoice", "2.50"},
      {"action_costs.report_meter", "3.00"},
      {"online_costs.change_address", "0.30"},
      {"topic_pages.change_address", "/espace-client/demenagement*|*/adresse"},
      {"rebound_hours", "48"}};
}

// Runs the built self_care plugin through the engine's host, every KPI.
inline IndicatorRun run_self_care(
    const std::map<std::string, std::string>& parameters, NamedTables datasets,
    const std::vector<vigie_period>& periods, uint32_t current) {
  return run_indicator("self_care", parameters, std::move(datasets), periods,
                       current);
}

}  // namespace vigie::testing
