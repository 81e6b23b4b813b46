// Loads the built customer_base plugin through its C ABI (dlopen, as the
// engine does) and runs it on tables built in a test.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/sdk.hpp"

namespace customer_base_test {

inline constexpr int64_t kDay = vigie::kMicrosPerDay;
// 2026-01-01T00:00:00Z: 20454 days after the epoch.
inline constexpr int64_t kEpoch2026 = 20454 * kDay;
// An instant `days` days (fractions allowed via micros) after 2026-01-01.
inline constexpr int64_t day(int64_t days) { return kEpoch2026 + days * kDay; }

inline int64_t money(double units) {
  return static_cast<int64_t>(units * 10000.0 + (units < 0 ? -0.5 : 0.5));
}

// Builds orders, customers and marketing_spend tables whose customer_id
// columns share one dictionary, as the engine hands them over.
class Datasets {
 public:
  Datasets();
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
  int32_t code(std::shared_ptr<vigie::StringPool>& pool,
               std::map<std::string, int32_t, std::less<>>& codes,
               std::string_view text);
  std::shared_ptr<vigie::StringPool> customer_ids_;
  std::map<std::string, int32_t, std::less<>> customer_codes_;
  std::shared_ptr<vigie::StringPool> order_ids_;
  std::map<std::string, int32_t, std::less<>> order_codes_;
  std::shared_ptr<vigie::StringPool> texts_;
  std::map<std::string, int32_t, std::less<>> text_codes_;
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
    int32_t month, channel;
    int64_t amount;
  };
  std::vector<Spend> spend_;
};

// What the plugin handed back, read through vigie::TableView.
struct Result {
  std::map<std::string, std::map<uint32_t, std::optional<double>>> values;
  struct Owned {
    ArrowSchema schema;
    ArrowArray array;
    std::unique_ptr<vigie::TableView> view;
    ~Owned();
  };
  std::map<std::string, std::unique_ptr<Owned>> tables;

  std::optional<double> value(const std::string& kpi, uint32_t period) const;
  bool has_value_kpi(const std::string& kpi) const {
    return values.count(kpi) > 0;
  }
  const vigie::TableView& table(const std::string& kpi) const;
};

struct RunSpec {
  std::map<std::string, std::string> parameters;
  std::vector<vigie_period> periods;
  uint32_t current = 0;
  std::vector<std::string> kpis;  // empty: all
};

// Runs the plugin; throws with the plugin's message when it fails.
Result run(const Datasets& data, const RunSpec& run);
// create() only: the error message, or empty when it succeeded.
std::string create_error(const std::map<std::string, std::string>& parameters);

}  // namespace customer_base_test
