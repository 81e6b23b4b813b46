// Orders, web visits, customers and marketing spend written in a test,
// shaped as a run hands them to the attribution plugin: one customer_id
// dictionary for orders, customers and web_events, and the derived
// sessions and visitor_links made by the engine's own derive module.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace attribution_test {

inline constexpr int64_t kDay = vigie::kMicrosPerDay;
inline constexpr int64_t kHour = kDay / 24;

// Microseconds UTC of a date and hour of 2026.
inline int64_t utc(unsigned month, unsigned day, int hours = 0,
                   int minutes = 0) {
  using namespace std::chrono;
  const sys_days d = year_month_day{year{2026}, std::chrono::month{month},
                                    std::chrono::day{day}};
  return duration_cast<microseconds>(d.time_since_epoch() +
                                     std::chrono::hours{hours} +
                                     std::chrono::minutes{minutes})
      .count();
}

// February and March 2026 (P), UTC.
inline std::vector<vigie_period> february_march() {
  return {{utc(2, 1), utc(3, 1)}, {utc(3, 1), utc(4, 1)}};
}

class AttributionData {
 public:
  // One page view of `visitor`: a session of its own when it is more than
  // 30 minutes from the visitor's others. source "" = none; customer "" =
  // anonymous (a customer links the visitor from ts on).
  AttributionData& visit(int64_t ts, std::string_view visitor,
                         std::string_view source,
                         std::string_view customer = "");
  // One order line; customer "" = anonymous.
  AttributionData& line(std::string_view order, std::string_view customer,
                        int64_t ordered_at, double amount, double margin);
  AttributionData& customer(std::string_view id, std::string_view channel);
  AttributionData& spend(unsigned month, std::string_view channel,
                         double amount);  // a month of 2026
  bool with_margin = true;

  vigie::testing::NamedTables datasets() const;

 private:
  struct Visit {
    int64_t ts;
    int32_t visitor, source, customer;  // -1: none
  };
  struct Line {
    int32_t order, customer;
    int64_t at, amount, margin;
  };
  struct Customer {
    int32_t id, channel;
  };
  struct Spend {
    int64_t month;
    int32_t channel;
    int64_t amount;
  };
  int32_t customer_code(std::string_view id);
  vigie::table::Interner visitors_, sources_, customers_, orders_, texts_;
  std::vector<Visit> visits_;
  std::vector<Line> lines_;
  std::vector<Customer> customer_rows_;
  std::vector<Spend> spend_;
  bool has_customers_ = false;
  bool has_spend_ = false;
};

struct RunSpec {
  std::vector<vigie_period> periods = february_march();
  uint32_t current = 1;
  std::map<std::string, std::string> parameters;
  std::vector<std::string> kpis;
};
vigie::testing::IndicatorRun run(const AttributionData& data,
                                 const RunSpec& spec = {});

// One row of attribution_by_channel.
struct Row {
  double conversions = 0, revenue = 0;
  std::optional<double> spend, roas, roi, long_term_value;
};
// The rows of a model, by channel; throws when the table lacks the KPI.
std::map<std::string, Row> rows_of(const vigie::testing::IndicatorRun& run,
                                   std::string_view model);
// Every (model, channel) of the table, in its order: "model/channel".
std::vector<std::string> keys_of(const vigie::testing::IndicatorRun& run);

}  // namespace attribution_test
