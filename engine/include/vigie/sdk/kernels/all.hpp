// Every compute kernel of the SDK (namespace vigie::sdk::kernels); see
// docs/architecture.md, "Kernels".
#pragma once

#include "vigie/sdk/kernels/group_by.hpp"
#include "vigie/sdk/kernels/order_book.hpp"
#include "vigie/sdk/kernels/orders.hpp"
#include "vigie/sdk/kernels/percentile.hpp"
#include "vigie/sdk/kernels/periods.hpp"
#include "vigie/sdk/kernels/ratio.hpp"
#include "vigie/sdk/kernels/rfm.hpp"
#include "vigie/sdk/kernels/sources.hpp"
#include "vigie/sdk/kernels/stitching.hpp"
#include "vigie/sdk/kernels/timeline.hpp"
