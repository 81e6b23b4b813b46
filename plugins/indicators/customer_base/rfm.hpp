// Value segments and RFM scores at as_of (KPI catalog, "Value segments").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "customer_directory.hpp"
#include "order_book.hpp"

namespace customer_base {

using crm_tables::CustomerDirectory;

struct RfmCustomer {
  int32_t customer = 0;
  int64_t last_purchase = 0;
  double recency_days = 0;  // R
  int64_t frequency = 0;    // F: purchases in the window
  WideInt monetary = 0;     // M: net amount of the lines in the window
  int32_t segment = 0;      // floor(segments * rank / n)
};

class RfmRanking {
 public:
  // Customers with a purchase in [as_of - window, as_of), ranked by M desc,
  // F desc, customer_id in byte order.
  RfmRanking(const OrderBook& book, const CustomerDirectory& directory,
             int64_t as_of, int64_t window, int32_t segments);

  const std::vector<RfmCustomer>& ranked() const { return ranked_; }
  // The customer's entry, or null when it did not buy in the window.
  const RfmCustomer* find(int32_t customer) const;

  // value_segments: one row a segment, in segment order.
  vigie::Table segment_table(const std::vector<std::string>& names) const;
  // rfm_scores: customers per (R, F, M) score combination, scores 1..5.
  vigie::Table score_table() const;

 private:
  std::vector<RfmCustomer> ranked_;
  std::vector<int32_t> position_;  // per customer code, -1 when not ranked
  int32_t segments_;
};

}  // namespace customer_base
