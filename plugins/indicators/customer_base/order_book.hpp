// The orders read once (vigie/sdk/kernels/order_book.hpp, shared with the
// engine's customer profiles), under the names this plugin uses.
#pragma once

#include "vigie/sdk.hpp"
#include "vigie/sdk/kernels/order_book.hpp"

namespace customer_base {

using vigie::sdk::WideInt;
using vigie::sdk::kernels::kBeginningOfTime;
using vigie::sdk::kernels::Money;
using vigie::sdk::kernels::OrderBook;
using vigie::sdk::kernels::PeriodIndex;
using vigie::sdk::kernels::Timeline;

}  // namespace customer_base
