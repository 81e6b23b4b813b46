// The order metrics are computed in: a metric that refers to other KPIs
// (ratio, expression, cumulative) comes after them. The spec reader
// reports the cycles; compute takes the order.
#pragma once

#include <cstddef>
#include <vector>

#include "spec/spec.hpp"

namespace vigie::spec {

struct MetricOrder {
  // Indexes into the KPIs of the metrics, each after those it refers to.
  std::vector<std::size_t> order;
  // Each cycle once, as the indexes along it from its first KPI in spec
  // order back to it ({a, b} for a -> b -> a; {a} for a -> a).
  std::vector<std::vector<std::size_t>> cycles;
};

// References to ids that are not KPIs of `kpis` are ignored (the reader
// reports them).
MetricOrder order_metrics(const std::vector<Kpi>& kpis);

}  // namespace vigie::spec
