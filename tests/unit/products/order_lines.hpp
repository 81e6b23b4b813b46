// Order lines built in a test, as the engine hands the orders dataset to
// an indicator (text columns dictionary-encoded, decimals at 10^4), and a
// run of the built products plugin on them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/run_indicator.hpp"
#include "table/interner.hpp"
#include "vigie/sdk.hpp"

namespace products_test {

inline constexpr int64_t kDay = vigie::kMicrosPerDay;
// 2026-01-01T00:00:00Z: 20454 days after the epoch.
inline constexpr int64_t kEpoch2026 = 20454 * kDay;
inline constexpr int64_t day(int64_t days) { return kEpoch2026 + days * kDay; }
// January, February and March 2026 (UTC).
inline const std::vector<vigie_period> kQuarter = {
    {day(0), day(31)}, {day(31), day(59)}, {day(59), day(90)}};

// An amount written as text ("120.50", "-30"), scaled by 10^4 exactly.
int64_t money(std::string_view text);

struct Line {
  int64_t at;
  std::optional<std::string> product;  // nullopt: null; "" an empty text
  std::optional<std::string> category;
  std::string amount;
  std::optional<int64_t> quantity;
  std::string margin = "0";
};

class OrderLines {
 public:
  void add(Line line) { lines_.push_back(std::move(line)); }
  // Which optional columns the dataset has.
  bool with_product = true;
  bool with_category = true;
  bool with_quantity = true;
  bool with_margin = true;

  vigie::Table table() const;

 private:
  std::vector<Line> lines_;
};

using Result = vigie::testing::IndicatorRun;

// Runs the plugin on the lines over `periods`, P = periods[current].
Result run(const OrderLines& lines,
           const std::vector<vigie_period>& periods = kQuarter,
           uint32_t current = 2,
           const std::map<std::string, std::string>& parameters = {});

}  // namespace products_test
