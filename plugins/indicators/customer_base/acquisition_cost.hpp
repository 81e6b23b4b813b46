// cac_by_channel: the marketing spend of each channel over the months of
// P against the new customers acquired through that channel.
#pragma once

#include <cstdint>

#include "customer_directory.hpp"
#include "marketing_spend.hpp"
#include "order_book.hpp"

namespace customer_base {

using crm_tables::CustomerDirectory;
using crm_tables::MarketingSpend;

// One row a channel that has spend in P or new customers in P, by channel
// name; new customers without an acquisition_channel are in no row. `spend`
// may be null (no marketing_spend dataset: every spend is 0); when P is not
// made of whole months, spend and cac have no value.
vigie::Table cac_by_channel(const OrderBook& book,
                            const CustomerDirectory& directory,
                            const MarketingSpend* spend, int64_t start,
                            int64_t end);

}  // namespace customer_base
