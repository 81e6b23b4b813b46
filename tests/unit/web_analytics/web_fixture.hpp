// Small web_events tables written event by event, shaped as ingest builds
// them (dictionary columns, an empty text a null), with the derived
// datasets (sessions, session_events, visitor_links) made from them by the
// engine's own derive module, as a run makes them: what the tests check is
// the indicator on the real inputs of a run.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "derive/derive.hpp"
#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace vigie::testing {

inline constexpr int64_t kMinute = 60 * kMicrosPerSecond;
inline constexpr int64_t kHour = 60 * kMinute;

// Microseconds UTC of a calendar date and time.
inline int64_t utc(int y, unsigned m, unsigned d, int hours = 0,
                   int minutes = 0, int seconds = 0) {
  using namespace std::chrono;
  const sys_days day = year_month_day{year{y}, month{m}, std::chrono::day{d}};
  return duration_cast<microseconds>(
             day.time_since_epoch() + std::chrono::hours{hours} +
             std::chrono::minutes{minutes} + std::chrono::seconds{seconds})
      .count();
}

// Calendar months of 2026 as UTC periods [first day of `first`, first day
// of `last` + 1), oldest first.
inline std::vector<vigie_period> months(unsigned first, unsigned last) {
  std::vector<vigie_period> out;
  for (unsigned m = first; m <= last; ++m)
    out.push_back(
        {utc(2026, m, 1), m == 12 ? utc(2027, 1, 1) : utc(2026, m + 1, 1)});
  return out;
}

struct WebEvent {
  int64_t ts;
  std::string visitor;
  std::string type = "page_view";
  std::string page;      // "" = none
  std::string customer;  // "" = anonymous
  std::string device;    // "" = none
  std::optional<int64_t> load_ms;
};

class WebLog {
 public:
  WebLog& add(WebEvent event) {
    events_.push_back(std::move(event));
    return *this;
  }
  // A page view of `visitor`, anonymous unless `customer` is given.
  WebLog& view(int64_t ts, const std::string& visitor, const std::string& page,
               const std::string& customer = "",
               const std::string& device = "desktop",
               std::optional<int64_t> load_ms = std::nullopt) {
    return add({ts, visitor, "page_view", page, customer, device, load_ms});
  }
  WebLog& act(int64_t ts, const std::string& visitor,
              const std::string& type = "action",
              const std::string& customer = "",
              const std::string& device = "desktop") {
    return add({ts, visitor, type, "", customer, device, std::nullopt});
  }

  // web_events and the three derived datasets.
  NamedTables datasets(int session_gap_minutes = 30) const {
    table::Interner visitors, customers, types, pages, devices, sources;
    Table web;
    auto& ts = web.add("ts", Type::Timestamp);
    auto& visitor = dictionary(web, "visitor_id", visitors);
    auto& customer = dictionary(web, "customer_id", customers);
    auto& type = dictionary(web, "event_type", types);
    auto& page = dictionary(web, "page", pages);
    dictionary(web, "action", types);
    auto& device = dictionary(web, "device", devices);
    auto& source = dictionary(web, "source", sources);
    auto& load = web.add("load_time_ms", Type::Int64);
    for (const WebEvent& e : events_) {
      ts.push_int(e.ts);
      push(visitor, visitors, e.visitor);
      push(customer, customers, e.customer);
      push(type, types, e.type);
      push(page, pages, e.page);
      web.columns[5].push_null();  // action: not read by web_analytics
      push(device, devices, e.device);
      push(source, sources, "");
      if (e.load_ms)
        load.push_int(*e.load_ms);
      else
        load.push_null();
    }
    // The pools grew while the rows were added: give every column its
    // final one.
    visitor.dictionary = visitors.pool();
    customer.dictionary = customers.pool();
    type.dictionary = types.pool();
    page.dictionary = pages.pool();
    web.columns[5].dictionary = types.pool();
    device.dictionary = devices.pool();
    source.dictionary = sources.pool();

    auto derived = derive::derive_datasets(
        {"visitor_links", "sessions", "session_events"}, web,
        derive::DeriveOptions{.session_gap_minutes = session_gap_minutes});
    NamedTables out;
    for (const auto& [name, table] : derived) out.emplace_back(name, *table);
    out.emplace_back("web_events", std::move(web));
    return out;
  }

 private:
  static Column& dictionary(Table& table, const std::string& name,
                            const table::Interner& interner) {
    auto& column = table.add(name, Type::Dictionary);
    column.dictionary = interner.pool();
    return column;
  }
  static void push(Column& column, table::Interner& interner,
                   const std::string& text) {
    if (text.empty())
      column.push_null();
    else
      column.push_code(interner.intern(text));
  }

  std::vector<WebEvent> events_;
};

// The demo's page groups and life moments (docs/kpi-choices.md), and the
// other parameters at their defaults.
inline std::map<std::string, std::string> demo_parameters() {
  return {
      {"page_groups.accueil", "/"},
      {"page_groups.produits", "/produits/*|/offres"},
      {"page_groups.achat", "/panier|/commande|/commande/confirmation"},
      {"page_groups.espace_client", "/espace-client|/espace-client/*"},
      {"page_groups.aide", "/aide|/aide/*|/contact"},
      {"page_groups.inscription", "/inscription"},
      {"life_moments.moving", "/espace-client/demenagement|/aide/demenagement"},
      {"life_moments.termination", "/espace-client/resiliation"},
      {"life_moment_actions.moving", "Transfer the contract"},
      {"life_moment_actions.termination", "Call with a loyalty offer"},
  };
}

inline IndicatorRun run_web(
    const WebLog& data, const std::vector<vigie_period>& periods,
    uint32_t current,
    std::map<std::string, std::string> parameters = demo_parameters()) {
  return run_indicator("web_analytics", parameters, data.datasets(), periods,
                       current);
}

}  // namespace vigie::testing
