#include "rfm.hpp"

#include <array>

#include "vigie/sdk.hpp"

namespace customer_base {

vigie::Table segment_table(const RfmRanking& ranking,
                           const std::vector<std::string>& names) {
  struct Totals {
    int64_t customers = 0, frequency = 0;
    vigie::sdk::ExactSum monetary;
    double recency_days = 0;
  };
  std::vector<Totals> totals(names.size());
  vigie::sdk::ExactSum all_monetary;
  for (const RfmCustomer& r : ranking.ranked()) {
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

vigie::Table score_table(const RfmRanking& ranking) {
  // Customers of each (R, F, M) cell, scores 1..5: a dense 5 x 5 x 5 cube.
  std::array<int64_t, 125> cells{};
  auto cell = [](int32_t r, int32_t f, int32_t m) {
    return static_cast<size_t>(((r - 1) * 5 + (f - 1)) * 5 + (m - 1));
  };
  for (const auto& s : ranking.scores()) ++cells[cell(s.r, s.f, s.m)];
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
