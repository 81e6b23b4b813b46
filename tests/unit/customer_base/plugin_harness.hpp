// Runs the built customer_base plugin through the engine's host on tables
// built in a test.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace customer_base_test {

inline constexpr int64_t kDay = vigie::kMicrosPerDay;
// 2026-01-01T00:00:00Z: 20454 days after the epoch.
inline constexpr int64_t kEpoch2026 = 20454 * kDay;
// An instant `days` days (fractions allowed via micros) after 2026-01-01.
inline constexpr int64_t day(int64_t days) { return kEpoch2026 + days * kDay; }
// 00:00 UTC on the 1st of month 1..14 counted from January 2026 (13:
// January 2027, 14: February 2027).
inline int64_t month_start(unsigned month) {
  constexpr int64_t kLengths[] = {31, 28, 31, 30, 31, 30, 31,
                                  31, 30, 31, 30, 31, 31};
  int64_t days = 0;
  for (unsigned m = 1; m < month; ++m) days += kLengths[m - 1];
  return day(days);
}

inline int64_t money(double units) {
  return static_cast<int64_t>(units * 10000.0 + (units < 0 ? -0.5 : 0.5));
}

// Builds orders, customers and marketing_spend tables whose customer_id
// columns share one dictionary, as the engine hands them over.
class Datasets {
 public:
  // customer "" means an anonymous line.
  void order_line(std::string_view order_id, std::string_view customer,
                  int64_t ordered_at, double amount, double margin);
  void customer(std::string_view id, std::optional<std::string> channel,
                std::optional<bool> consent);
  void spend(std::string_view month, std::string_view channel, double amount);
  // Without this call, no customers / marketing_spend dataset is given.
  bool has_customers = false;
  bool has_spend = false;
  bool with_margin = true;

  vigie::Table orders_table() const;
  vigie::Table customers_table() const;
  vigie::Table spend_table() const;

 private:
  vigie::table::Interner customer_ids_;
  vigie::table::Interner order_ids_;
  vigie::table::Interner texts_;
  struct Line {
    int32_t order;
    std::optional<int32_t> customer;
    int64_t at;
    int64_t amount, margin;
  };
  std::vector<Line> lines_;
  struct Customer {
    int32_t id;
    std::optional<int32_t> channel;
    std::optional<bool> consent;
  };
  std::vector<Customer> customers_;
  struct Spend {
    int64_t month;  // vigie/sdk/calendar_month.hpp
    int32_t channel;
    int64_t amount;
  };
  std::vector<Spend> spend_;
};

// What the plugin handed back, checked by the host; tables are read
// through vigie::TableView.
using Result = vigie::testing::IndicatorRun;

struct RunSpec {
  std::map<std::string, std::string> parameters;
  std::vector<vigie_period> periods;
  uint32_t current = 0;
  std::vector<std::string> kpis;  // empty: all
  std::string time_zone = "UTC";  // the report's, whose months spend has
};

// Runs the plugin; throws plugin_host::PluginError when it fails.
Result run(const Datasets& data, const RunSpec& run);
// create() only: the plugin's message refusing `parameters`, or nothing
// when it accepts them.
std::optional<std::string> create_error(
    const std::map<std::string, std::string>& parameters);

}  // namespace customer_base_test
