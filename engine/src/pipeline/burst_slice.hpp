// The data of one burst value: what its report computes on. Read once for
// all values, then sliced here, value by value.
#pragma once

#include <string>

#include "compute/kpi_runner.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

// The burst dataset's rows whose column holds `value`. A burst over
// customers (customers.region) also narrows every dataset with a
// customer_id to those customers' rows (their orders, visits, calls):
// each region's report is about its customers. A burst over another
// dataset (calls.queue, orders.channel) narrows that dataset only; the
// others are shared by every value's report.
compute::Datasets burst_slice(const compute::Datasets& all,
                              const spec::Burst& burst,
                              const std::string& value);

}  // namespace vigie::pipeline
