// Small web_events tables built by hand for the derive tests, shaped as
// ingest builds them: dictionary columns, the visitor and customer pools
// filled in an order the test chooses (so that a code order can differ
// from the byte order of the texts), an empty text a null.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "table/interner.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::derive::testing {

struct Event {
  Event(int64_t at_us, std::string visitor_id, std::string customer_id = "",
        std::string event_type = "page_view", std::string device_name = "",
        std::string source_name = "")
      : ts(at_us),
        visitor(std::move(visitor_id)),
        customer(std::move(customer_id)),
        type(std::move(event_type)),
        device(std::move(device_name)),
        source(std::move(source_name)) {}
  int64_t ts;
  std::string visitor;
  std::string customer;  // "" = anonymous
  std::string type;
  std::string device;  // "" = none
  std::string source;  // "" = none
};

// Microseconds UTC of a calendar date and time.
inline int64_t at(int y, unsigned m, unsigned d, int hours = 0, int minutes = 0,
                  int seconds = 0) {
  using namespace std::chrono;
  const sys_days day = year_month_day{year{y}, month{m}, std::chrono::day{d}};
  return duration_cast<microseconds>(
             day.time_since_epoch() + std::chrono::hours{hours} +
             std::chrono::minutes{minutes} + std::chrono::seconds{seconds})
      .count();
}

inline constexpr int64_t kMinute = 60 * kMicrosPerSecond;

struct WebEvents {
  table::Interner visitors;
  table::Interner customers;
  table::Interner event_types;
  table::Interner devices;
  table::Interner sources;
  Table table;

  // `visitors_first` / `customers_first` are interned before the events'
  // values, in that order: their codes are 0, 1, ...
  explicit WebEvents(const std::vector<Event>& events,
                     const std::vector<std::string>& visitors_first = {},
                     const std::vector<std::string>& customers_first = {},
                     bool with_customer_column = true) {
    for (const auto& v : visitors_first) visitors.intern(v);
    for (const auto& c : customers_first) customers.intern(c);
    Column& ts = table.add("ts", Type::Timestamp);
    Column& visitor = table.add("visitor_id", Type::Dictionary);
    Column* customer = with_customer_column
                           ? &table.add("customer_id", Type::Dictionary)
                           : nullptr;
    Column& type = table.add("event_type", Type::Dictionary);
    Column& device = table.add("device", Type::Dictionary);
    Column& source = table.add("source", Type::Dictionary);
    const auto text = [](Column& c, table::Interner& pool,
                         const std::string& s) {
      if (s.empty())
        c.push_null();
      else
        c.push_code(pool.intern(s));
    };
    for (const auto& e : events) {
      ts.push_int(e.ts);
      visitor.push_code(visitors.intern(e.visitor));
      if (customer != nullptr) text(*customer, customers, e.customer);
      type.push_code(event_types.intern(e.type));
      text(device, devices, e.device);
      text(source, sources, e.source);
    }
    visitor.dictionary = visitors.pool();
    if (customer != nullptr) customer->dictionary = customers.pool();
    type.dictionary = event_types.pool();
    device.dictionary = devices.pool();
    source.dictionary = sources.pool();
  }
};

}  // namespace vigie::derive::testing
