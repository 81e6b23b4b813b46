// The operational lists alert_1m and alert_2m: customers whose last
// purchase before as_of fell in an inactivity band, with what a campaign
// needs to act on them. Consent filtering and pseudonymisation are the
// engine's: every row is emitted, with its consent flag.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "customer_directory.hpp"
#include "order_book.hpp"
#include "rfm.hpp"

namespace customer_base {

using crm_tables::CustomerDirectory;

struct AlertBand {
  int64_t from;  // last purchase in [from, to)
  int64_t to;
};

// Rows by monetary value descending, then customer_id in byte order, so
// that the most valuable customers come first.
vigie::Table inactivity_list(const OrderBook& book,
                             const CustomerDirectory& directory,
                             const RfmRanking& ranking,
                             const std::vector<std::string>& segment_names,
                             int64_t as_of, int64_t rfm_window, AlertBand band);

}  // namespace customer_base
