#include "inactivity_alerts.hpp"

#include <algorithm>

#include "customer_activity.hpp"

namespace customer_base {

vigie::Table inactivity_list(const OrderBook& book,
                             const CustomerDirectory& directory,
                             const RfmRanking& ranking,
                             const std::vector<std::string>& segment_names,
                             int64_t as_of, int64_t rfm_window,
                             AlertBand band) {
  struct Row {
    int32_t customer;
    int64_t last_purchase;
    WideInt monetary;
    int64_t frequency;
    const RfmCustomer* rfm;
  };
  std::vector<Row> rows;
  for (int32_t c = 0; c < book.customer_count(); ++c) {
    auto last = book.purchases().last_before(c, as_of);
    if (!last || last->time < band.from || last->time >= band.to) continue;
    const RfmCustomer* rfm = ranking.find(c);
    // A band reaching further back than the RFM window (A > W) holds
    // customers with no segment; their M and F are still those of W.
    Row row{c, last->time, 0, 0, rfm};
    if (rfm) {
      row.monetary = rfm->monetary;
      row.frequency = rfm->frequency;
    } else {
      row.monetary = book.lines_of(c, as_of - rfm_window, as_of).amount;
    }
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.monetary != b.monetary) return a.monetary > b.monetary;
    return directory.id_order(a.customer) < directory.id_order(b.customer);
  });

  vigie::Table out;
  auto& id = out.add("customer_id", vigie::Type::String);
  auto& last = out.add("last_purchase", vigie::Type::Timestamp);
  auto& recency = out.add("recency_days", vigie::Type::Double, "days");
  auto& segment = out.add("value_segment", vigie::Type::String);
  auto& monetary = out.add("monetary", vigie::Type::Decimal);
  auto& frequency = out.add("frequency", vigie::Type::Int64);
  auto& consent = out.add("consent_marketing", vigie::Type::Bool);
  for (const Row& r : rows) {
    id.push_string(directory.id(r.customer));
    last.push_int(r.last_purchase);
    recency.push_double(days_between(r.last_purchase, as_of));
    if (r.rfm)
      segment.push_string(segment_names[static_cast<size_t>(r.rfm->segment)]);
    else
      segment.push_null();
    monetary.push_int(
        vigie::sdk::narrow(r.monetary, "inactivity list column 'monetary'"));
    frequency.push_int(r.frequency);
    consent.push_bool(directory.consent_marketing(r.customer));
  }
  return out;
}

}  // namespace customer_base
