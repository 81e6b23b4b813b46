// A small calls table written row by row, shaped as the engine hands it to
// indicators: strings dictionary-encoded, nulls as validity. A nullptr
// string and kNoSeconds are nulls. The hand-computed case of the tests
// (three periods of ten days, the second the report period, the third
// empty) is built by standard_calls().
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
inline constexpr int64_t seconds(int64_t n) { return n * kMicrosPerSecond; }
inline constexpr std::optional<int64_t> kNoSeconds = std::nullopt;

struct CallRow {
  int64_t started_at;
  const char* customer;
  const char* direction;
  const char* queue;
  const char* reason;
  const char* outcome;
  std::optional<int64_t> wait_s;
  std::optional<int64_t> handle_s;
};

class CallsData {
 public:
  void call(const CallRow& row) { rows_.push_back(row); }

  NamedTables datasets() const {
    Table calls;
    auto& call_id = calls.add("call_id", Type::String);
    auto& started = calls.add("started_at", Type::Timestamp);
    for (size_t i = 0; i < rows_.size(); ++i) {
      call_id.push_string("k" + std::to_string(i));
      started.push_int(rows_[i].started_at);
    }
    add_text(calls, "customer_id", &CallRow::customer);
    add_text(calls, "direction", &CallRow::direction);
    add_text(calls, "queue", &CallRow::queue);
    add_text(calls, "reason", &CallRow::reason);
    add_text(calls, "outcome", &CallRow::outcome);
    add_int(calls, "wait_s", &CallRow::wait_s);
    add_int(calls, "handle_s", &CallRow::handle_s);
    NamedTables out;
    out.emplace_back("calls", std::move(calls));
    return out;
  }

 private:
  void add_text(Table& table, const std::string& name,
                const char* CallRow::*field) const {
    table::Interner interner;
    std::vector<int32_t> codes;
    for (const CallRow& row : rows_)
      codes.push_back(row.*field == nullptr ? -1 : interner.intern(row.*field));
    auto& column = table.add(name, Type::Dictionary);
    column.dictionary = interner.pool();
    for (int32_t code : codes) {
      if (code < 0)
        column.push_null();
      else
        column.push_code(code);
    }
  }
  void add_int(Table& table, const std::string& name,
               std::optional<int64_t> CallRow::*field) const {
    auto& column = table.add(name, Type::Int64);
    for (const CallRow& row : rows_) {
      if (row.*field)
        column.push_int(*(row.*field));
      else
        column.push_null();
    }
  }

  std::vector<CallRow> rows_;
};

// Three periods of ten days: P0 = days 0-10, P1 = days 10-20 (the report
// period), P2 = days 20-30 with no inbound call.
inline std::vector<vigie_period> standard_periods() {
  return {{day(0), day(10)}, {day(10), day(20)}, {day(20), day(30)}};
}

// The calls of the hand-computed case (see call_centre_values_test.cpp for
// what each one tests).
inline CallsData standard_calls() {
  CallsData d;
  const char* in = "inbound";
  // P0.
  d.call({day(5), "C1", in, "admin", "change_address", "answered", 10, 200});
  d.call({day(6), "C9", in, "support", "complaint", "abandoned", 100, 0});
  // P1: C1 calls again exactly 7 days later (a repeat), C2 7 days and one
  // second later (not a repeat).
  d.call({day(11) + hours(9), "C1", in, "admin", "change_address", "answered",
          20, 300});
  d.call({day(11) + hours(9), "C2", in, "admin", "change_address", "answered",
          21, 100});
  d.call({day(18) + hours(9), "C1", in, "admin", "change_address", "abandoned",
          kNoSeconds, kNoSeconds});
  d.call({day(18) + hours(9) + seconds(1), "C2", in, "admin", "change_address",
          "answered", 5, 200});
  // C3 is called back (outbound) about the same reason: not a repeat, and
  // not a call of the KPIs.
  d.call(
      {day(12), "C3", in, "billing", "billing_question", "answered", 10, 400});
  d.call({day(13), "C3", "outbound", nullptr, "billing_question", "answered", 0,
          50});
  // An anonymous call with no direction (inbound by default).
  d.call({day(14), nullptr, nullptr, "billing", "billing_question", "answered",
          30, 500});
  // C4 calls again about another reason: not a repeat.
  d.call(
      {day(15), "C4", in, "billing", "billing_question", "answered", 0, 600});
  d.call({day(16), "C4", in, "support", "complaint", "answered", 40, 100});
  // Calls without a reason: an abandoned anonymous one, an answered one of
  // C5 (not judged by fcr).
  d.call({day(17), nullptr, in, "billing", nullptr, "abandoned", 45, 0});
  d.call(
      {day(17) + hours(10), "C5", in, nullptr, nullptr, "answered", 15, 120});
  // P2: only an outbound call nobody picked up; no inbound call at all.
  d.call({day(25), "C6", "outbound", nullptr, "complaint", "abandoned", 0, 0});
  return d;
}

inline IndicatorRun run_call_centre(
    const std::map<std::string, std::string>& parameters,
    const CallsData& data = standard_calls(),
    const std::vector<std::string>& kpis = {}) {
  return run_indicator("call_centre", parameters, data.datasets(),
                       standard_periods(), 1, kpis);
}

}  // namespace vigie::testing
