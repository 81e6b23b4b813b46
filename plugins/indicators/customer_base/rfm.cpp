#include "rfm.hpp"

#include <algorithm>
#include <array>

#include "customer_activity.hpp"

namespace customer_base {
namespace {

// Rank rule of the catalog: position r of n gives bucket floor(k r / n).
int32_t bucket(size_t rank, size_t n, int32_t buckets) {
  return static_cast<int32_t>(static_cast<size_t>(buckets) * rank / n);
}

}  // namespace

RfmRanking::RfmRanking(const OrderBook& book,
                       const CustomerDirectory& directory, int64_t as_of,
                       int64_t window, int32_t segments)
    : segments_(segments) {
  const int64_t from = as_of - window;
  const Timeline& purchases = book.purchases();
  for (int32_t c = 0; c < book.customer_count(); ++c) {
    const int64_t f = purchases.count_in(c, from, as_of);
    if (f == 0) continue;
    RfmCustomer r;
    r.customer = c;
    r.last_purchase = purchases.last_before(c, as_of)->time;
    r.recency_days = days_between(r.last_purchase, as_of);
    r.frequency = f;
    r.monetary = book.lines_of(c, from, as_of).amount;
    ranked_.push_back(r);
  }
  std::sort(ranked_.begin(), ranked_.end(),
            [&](const RfmCustomer& a, const RfmCustomer& b) {
              if (a.monetary != b.monetary) return a.monetary > b.monetary;
              if (a.frequency != b.frequency) return a.frequency > b.frequency;
              return directory.id_order(a.customer) <
                     directory.id_order(b.customer);
            });
  position_.assign(static_cast<size_t>(book.customer_count()), -1);
  for (size_t i = 0; i < ranked_.size(); ++i) {
    ranked_[i].segment = bucket(i, ranked_.size(), segments_);
    position_[static_cast<size_t>(ranked_[i].customer)] =
        static_cast<int32_t>(i);
  }
}

const RfmCustomer* RfmRanking::find(int32_t customer) const {
  int32_t at = position_[static_cast<size_t>(customer)];
  return at < 0 ? nullptr : &ranked_[static_cast<size_t>(at)];
}

vigie::Table RfmRanking::segment_table(
    const std::vector<std::string>& names) const {
  struct Totals {
    int64_t customers = 0, frequency = 0;
    vigie::sdk::ExactSum monetary;
    double recency_days = 0;
  };
  std::vector<Totals> totals(names.size());
  vigie::sdk::ExactSum all_monetary;
  for (const RfmCustomer& r : ranked_) {
    Totals& t = totals[static_cast<size_t>(r.segment)];
    ++t.customers;
    t.monetary += r.monetary;
    t.frequency += r.frequency;
    t.recency_days += r.recency_days;
    all_monetary += r.monetary;
  }
  vigie::Table out;
  auto& segment = out.add("segment", vigie::Type::String);
  auto& customers = out.add("customers", vigie::Type::Int64);
  auto& revenue = out.add("revenue", vigie::Type::Decimal);
  auto& share = out.add("revenue_share", vigie::Type::Double, "ratio");
  auto& frequency = out.add("mean_frequency", vigie::Type::Double);
  auto& basket = out.add("mean_basket", vigie::Type::Double, "currency");
  auto& recency = out.add("mean_recency_days", vigie::Type::Double, "days");
  auto push_ratio = [](vigie::Column& column, double num, double den) {
    if (den == 0)
      column.push_null();
    else
      column.push_double(num / den);
  };
  for (size_t s = 0; s < names.size(); ++s) {
    const Totals& t = totals[s];
    const auto n = static_cast<double>(t.customers);
    const int64_t monetary = t.monetary.value("value_segments.revenue");
    segment.push_string(names[s]);
    customers.push_int(t.customers);
    revenue.push_int(monetary);
    push_ratio(share, static_cast<double>(monetary),
               static_cast<double>(all_monetary.wide()));
    push_ratio(frequency, static_cast<double>(t.frequency), n);
    push_ratio(basket,
               static_cast<double>(monetary) /
                   static_cast<double>(vigie::kDecimalScale),
               static_cast<double>(t.frequency));
    push_ratio(recency, t.recency_days, n);
  }
  return out;
}

vigie::Table RfmRanking::score_table() const {
  const size_t n = ranked_.size();
  // Each dimension ranked on its own; ties fall back on the segment order
  // (M desc, F desc, customer_id), which ranked_ already is.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  auto score_by = [&](auto before) {
    std::vector<size_t> by = order;
    std::stable_sort(by.begin(), by.end(), [&](size_t a, size_t b) {
      return before(ranked_[a], ranked_[b]);
    });
    std::vector<int32_t> score(n);
    for (size_t rank = 0; rank < n; ++rank)
      score[by[rank]] = 5 - bucket(rank, n, 5);
    return score;
  };
  auto r_score = score_by([](const RfmCustomer& a, const RfmCustomer& b) {
    return a.last_purchase > b.last_purchase;  // most recent first
  });
  auto f_score = score_by([](const RfmCustomer& a, const RfmCustomer& b) {
    return a.frequency > b.frequency;
  });
  auto m_score = score_by([](const RfmCustomer&, const RfmCustomer&) {
    return false;  // ranked_ is already in M order
  });

  // Customers of each (R, F, M) cell, scores 1..5: a dense 5 x 5 x 5 cube.
  std::array<int64_t, 125> cells{};
  auto cell = [](int32_t r, int32_t f, int32_t m) {
    return static_cast<size_t>(((r - 1) * 5 + (f - 1)) * 5 + (m - 1));
  };
  for (size_t i = 0; i < n; ++i)
    ++cells[cell(r_score[i], f_score[i], m_score[i])];
  vigie::Table out;
  auto& r = out.add("r_score", vigie::Type::Int64);
  auto& f = out.add("f_score", vigie::Type::Int64);
  auto& m = out.add("m_score", vigie::Type::Int64);
  auto& customers = out.add("customers", vigie::Type::Int64);
  // R, F, M descending: the best cell first.
  for (int32_t rs = 5; rs >= 1; --rs)
    for (int32_t fs = 5; fs >= 1; --fs)
      for (int32_t ms = 5; ms >= 1; --ms) {
        if (cells[cell(rs, fs, ms)] == 0) continue;
        r.push_int(rs);
        f.push_int(fs);
        m.push_int(ms);
        customers.push_int(cells[cell(rs, fs, ms)]);
      }
  return out;
}

}  // namespace customer_base
