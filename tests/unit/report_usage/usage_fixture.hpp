// Small report_runs and report_deliveries tables written row by row, shaped
// as ingest builds them from the state database of `vigie serve`: text
// columns dictionary-encoded (a dictionary a column; an empty text a null),
// slots as µs UTC. And the history every test of report_usage counts on.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "table/month.hpp"
#include "vigie/sdk.hpp"

namespace vigie::testing {

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

// November (P', index 0) and December 2026 (P, index 1), UTC.
inline std::vector<vigie_period> november_december() {
  return {{utc(2026, 11, 1), utc(2026, 12, 1)},
          {utc(2026, 12, 1), utc(2027, 1, 1)}};
}
inline constexpr uint32_t kNov = 0;
inline constexpr uint32_t kDec = 1;

class History {
 public:
  History& run(const std::string& report, int64_t slot,
               const std::string& status, int64_t attempts = 1) {
    runs_.push_back({report, slot, status, attempts});
    return *this;
  }
  History& delivery(const std::string& report, int64_t slot,
                    const std::string& recipient, const std::string& status,
                    const std::string& instance = "") {
    deliveries_.push_back({report, slot, recipient, status, instance});
    return *this;
  }

  Table runs() const {
    table::Interner reports, periods, statuses;
    Table t;
    auto& report = dictionary(t, "report_id");
    auto& slot = t.add("slot", Type::Timestamp);
    auto& period = dictionary(t, "period");
    auto& status = dictionary(t, "status");
    auto& attempts = t.add("attempts", Type::Int64);
    for (const RunRow& r : runs_) {
      push(report, reports, r.report);
      slot.push_int(r.slot);
      push(period, periods, month_of(r.slot));
      push(status, statuses, r.status);
      attempts.push_int(r.attempts);
    }
    report.dictionary = reports.pool();
    period.dictionary = periods.pool();
    status.dictionary = statuses.pool();
    return t;
  }
  Table deliveries() const {
    table::Interner reports, run_ids, instances, recipients, statuses;
    Table t;
    auto& report = dictionary(t, "report_id");
    auto& slot = t.add("slot", Type::Timestamp);
    auto& run_id = dictionary(t, "run_id");
    auto& instance = dictionary(t, "instance");
    auto& recipient = dictionary(t, "recipient");
    auto& status = dictionary(t, "status");
    auto& attempts = t.add("attempts", Type::Int64);
    for (const DeliveryRow& d : deliveries_) {
      push(report, reports, d.report);
      slot.push_int(d.slot);
      push(run_id, run_ids, d.report + "@" + std::to_string(d.slot));
      push(instance, instances, d.instance);
      push(recipient, recipients, d.recipient);
      push(status, statuses, d.status);
      attempts.push_int(1);
    }
    report.dictionary = reports.pool();
    run_id.dictionary = run_ids.pool();
    instance.dictionary = instances.pool();
    recipient.dictionary = recipients.pool();
    status.dictionary = statuses.pool();
    return t;
  }

  // report_runs, and report_deliveries unless told to leave it out (no
  // source of the spec fills it).
  NamedTables datasets(bool with_deliveries = true) const {
    NamedTables out;
    out.emplace_back("report_runs", runs());
    if (with_deliveries) out.emplace_back("report_deliveries", deliveries());
    return out;
  }

 private:
  struct RunRow {
    std::string report;
    int64_t slot;
    std::string status;
    int64_t attempts;
  };
  struct DeliveryRow {
    std::string report;
    int64_t slot;
    std::string recipient, status, instance;
  };

  static std::string month_of(int64_t slot) {
    using namespace std::chrono;
    const year_month_day day{
        floor<days>(sys_time<microseconds>(microseconds(slot)))};
    return table::Month{static_cast<int>(day.year()),
                        static_cast<unsigned>(day.month())}
        .iso();
  }
  static Column& dictionary(Table& table, const std::string& name) {
    return table.add(name, Type::Dictionary);
  }
  static void push(Column& column, table::Interner& interner,
                   const std::string& text) {
    if (text.empty())
      column.push_null();
    else
      column.push_code(interner.intern(text));
  }

  std::vector<RunRow> runs_;
  std::vector<DeliveryRow> deliveries_;
};

// The history the tests count on, each row named as the comments of the
// tests name it (R1.., D1..). Three reports run in November and December
// 2026 (management, operational, alerts); a fourth, digest, has an e-mail
// of December but no run in the runs table. Rows before November and after
// December are in no period.
inline History two_months_of_history() {
  History h;
  // November.
  h.run("management", utc(2026, 11, 2, 6), "succeeded");  // R1
  h.run("management", utc(2026, 11, 9, 6), "failed", 3);  // R2
  h.run("operational", utc(2026, 11, 30, 23, 59, 59),     // R3
        "succeeded");
  h.run("operational", utc(2026, 11, 16, 7), "abandoned");  // R4
  // December.
  h.run("management", utc(2026, 12, 1), "succeeded");        // R5
  h.run("management", utc(2026, 12, 7, 6), "succeeded", 2);  // R6
  h.run("management", utc(2026, 12, 14, 6), "failed", 4);    // R7
  h.run("operational", utc(2026, 12, 1, 7), "succeeded");    // R8
  h.run("operational", utc(2026, 12, 8, 7), "running");      // R9
  h.run("operational", utc(2026, 12, 15, 7), "waiting", 2);  // R10
  h.run("alerts", utc(2026, 12, 2, 8), "failed");            // R11
  h.run("alerts", utc(2026, 12, 3, 8), "abandoned");         // R12
  // Outside both periods.
  h.run("management", utc(2026, 10, 31, 23, 59, 59), "succeeded");  // R13
  h.run("management", utc(2027, 1, 1), "failed");                   // R14

  // The operational report's e-mail first, so that the two datasets'
  // dictionaries number the reports differently.
  h.delivery("operational", utc(2026, 11, 30, 23, 59, 59), "a@example.fr",
             "expired");  // D1
  h.delivery("operational", utc(2026, 11, 30, 23, 59, 59), "c@example.fr",
             "pending");  // D2
  h.delivery("management", utc(2026, 11, 2, 6), "a@example.fr",
             "delivered");  // D3
  h.delivery("management", utc(2026, 11, 2, 6), "b@example.fr",
             "delivered");  // D4
  h.delivery("management", utc(2026, 12, 1), "a@example.fr",
             "delivered");  // D5
  h.delivery("management", utc(2026, 12, 1), "b@example.fr",
             "failed");  // D6
  h.delivery("management", utc(2026, 12, 7, 6), "a@example.fr",
             "delivered");  // D7
  h.delivery("management", utc(2026, 12, 7, 6), "b@example.fr",
             "delivered");  // D8
  h.delivery("operational", utc(2026, 12, 1, 7), "c@example.fr", "delivered",
             "north");  // D9
  h.delivery("operational", utc(2026, 12, 1, 7), "c@example.fr", "delivered",
             "south");  // D10
  h.delivery("operational", utc(2026, 12, 1, 7), "d@example.fr", "expired",
             "north");  // D11
  h.delivery("operational", utc(2026, 12, 1, 7), "e@example.fr",
             "pending");  // D12
  h.delivery("digest", utc(2026, 12, 20, 9), "g@example.fr",
             "delivered");  // D13
  h.delivery("management", utc(2026, 10, 31, 23, 59, 59), "h@example.fr",
             "delivered");  // D14
  return h;
}

inline IndicatorRun run_usage(
    const History& history, bool with_deliveries = true,
    std::map<std::string, std::string> parameters = {}) {
  return run_indicator("report_usage", parameters,
                       history.datasets(with_deliveries), november_december(),
                       kDec);
}

}  // namespace vigie::testing
