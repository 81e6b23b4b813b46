// Value segments and RFM scores at as_of (KPI-CATALOG.md, "Value segments
// (RFM)"): one ranking shared by customer_base (its value_segments,
// rfm_scores and alert lists) and the engine's customer profiles, so that a
// customer's segment is the same in a table and beside its list row.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "vigie/sdk/column.hpp"
#include "vigie/sdk/exact_sum.hpp"
#include "vigie/sdk/kernels/order_book.hpp"

namespace vigie::sdk::kernels {

struct RfmCustomer {
  int32_t customer = 0;
  int64_t last_purchase = 0;
  double recency_days = 0;  // R
  int64_t frequency = 0;    // F: purchases in the window
  WideInt monetary = 0;     // M: net amount of the lines in the window
  int32_t segment = 0;      // floor(segments * rank / n)
};

// The classic R, F and M scores, each 1..5 (5 the best).
struct RfmScore {
  int32_t r = 0, f = 0, m = 0;
};

// The catalog's rank rule: position r of n falls in bucket floor(k r / n).
inline int32_t rank_bucket(size_t rank, size_t n, int32_t buckets) {
  return static_cast<int32_t>(static_cast<size_t>(buckets) * rank / n);
}

// The position of each code of a customer_id dictionary in the byte order
// of the ids: the catalog's last tie-break ("customer_id ascending, byte
// order"), which the codes' order of arrival is not.
inline std::vector<int32_t> byte_order_of_ids(const ColumnView& customer_id) {
  const auto n = static_cast<size_t>(customer_id.dictionary_size());
  std::vector<int32_t> by_id(n);
  for (size_t i = 0; i < n; ++i) by_id[i] = static_cast<int32_t>(i);
  std::sort(by_id.begin(), by_id.end(), [&](int32_t a, int32_t b) {
    return customer_id.dictionary_at(a) < customer_id.dictionary_at(b);
  });
  std::vector<int32_t> order(n);
  for (size_t i = 0; i < n; ++i)
    order[static_cast<size_t>(by_id[i])] = static_cast<int32_t>(i);
  return order;
}

class RfmRanking {
 public:
  // Customers with a purchase in [as_of - window, as_of), ranked by M desc,
  // F desc, then customer id in byte order (`id_order`: the position of
  // each customer code in that order, as byte_order_of_ids gives it).
  RfmRanking(const OrderBook& book, std::span<const int32_t> id_order,
             int64_t as_of, int64_t window, int32_t segments)
      : segments_(segments) {
    const int64_t from = as_of - window;
    const Timeline& purchases = book.purchases();
    for (int32_t c = 0; c < book.customer_count(); ++c) {
      const int64_t f = purchases.count_in(c, from, as_of);
      if (f == 0) continue;
      RfmCustomer r;
      r.customer = c;
      r.last_purchase = purchases.last_before(c, as_of)->time;
      r.recency_days = static_cast<double>(as_of - r.last_purchase) /
                       static_cast<double>(kMicrosPerDay);
      r.frequency = f;
      r.monetary = book.lines_of(c, from, as_of).amount;
      ranked_.push_back(r);
    }
    const auto order = [&](int32_t c) {
      return id_order[static_cast<size_t>(c)];
    };
    std::sort(ranked_.begin(), ranked_.end(),
              [&](const RfmCustomer& a, const RfmCustomer& b) {
                if (a.monetary != b.monetary) return a.monetary > b.monetary;
                if (a.frequency != b.frequency)
                  return a.frequency > b.frequency;
                return order(a.customer) < order(b.customer);
              });
    position_.assign(static_cast<size_t>(book.customer_count()), -1);
    for (size_t i = 0; i < ranked_.size(); ++i) {
      ranked_[i].segment = rank_bucket(i, ranked_.size(), segments_);
      position_[static_cast<size_t>(ranked_[i].customer)] =
          static_cast<int32_t>(i);
    }
  }

  // In segment order: M desc, F desc, customer id.
  const std::vector<RfmCustomer>& ranked() const { return ranked_; }
  int32_t segments() const { return segments_; }

  // The customer's place in ranked(), or -1 when it did not buy in the
  // window.
  int32_t position(int32_t customer) const {
    return customer < 0 || static_cast<size_t>(customer) >= position_.size()
               ? -1
               : position_[static_cast<size_t>(customer)];
  }
  // The customer's entry, or null when it did not buy in the window.
  const RfmCustomer* find(int32_t customer) const {
    const int32_t at = position(customer);
    return at < 0 ? nullptr : &ranked_[static_cast<size_t>(at)];
  }

  // The scores of ranked()[i], by the same rank rule on each dimension
  // alone (quintile = floor(5 r / n), score = 5 - quintile): R ascending
  // in recency (the most recent first), F and M descending. Ties fall back
  // on the segment order, which ranked() already is.
  std::vector<RfmScore> scores() const {
    const size_t n = ranked_.size();
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    const auto score_by = [&](auto before) {
      std::vector<size_t> by = order;
      std::stable_sort(by.begin(), by.end(), [&](size_t a, size_t b) {
        return before(ranked_[a], ranked_[b]);
      });
      std::vector<int32_t> score(n);
      for (size_t rank = 0; rank < n; ++rank)
        score[by[rank]] = 5 - rank_bucket(rank, n, 5);
      return score;
    };
    const auto r = score_by([](const RfmCustomer& a, const RfmCustomer& b) {
      return a.last_purchase > b.last_purchase;
    });
    const auto f = score_by([](const RfmCustomer& a, const RfmCustomer& b) {
      return a.frequency > b.frequency;
    });
    std::vector<RfmScore> out(n);
    for (size_t i = 0; i < n; ++i)
      out[i] = {r[i], f[i], 5 - rank_bucket(i, n, 5)};  // ranked_ is M order
    return out;
  }

 private:
  std::vector<RfmCustomer> ranked_;
  std::vector<int32_t> position_;  // per customer code, -1 when not ranked
  int32_t segments_;
};

}  // namespace vigie::sdk::kernels
