// The value KPIs of every period: counts of runs and deliveries by outcome,
// the recipients reached and the delivery rate. Those of report_deliveries
// have no value in any period when no source fills it: "no data" is not
// "nothing delivered".
#include "usage_run.hpp"

namespace vigie::report_usage {
namespace {

Series as_series(const std::vector<int64_t>& counts) {
  return Series(counts.begin(), counts.end());
}

// No value in any of the request's periods.
Series none(const Run& run) {
  return Series(static_cast<size_t>(run.period_count()), std::nullopt);
}

}  // namespace

Series reports_generated(Run& run) {
  return as_series(run.run_counts().succeeded);
}

Series runs_failed(Run& run) { return as_series(run.run_counts().failed); }

Series deliveries_delivered(Run& run) {
  const auto& counts = run.delivery_counts();
  return counts ? as_series(counts->delivered) : none(run);
}

Series deliveries_failed(Run& run) {
  const auto& counts = run.delivery_counts();
  return counts ? as_series(counts->not_delivered) : none(run);
}

Series recipients_reached(Run& run) {
  const auto& counts = run.recipients_reached();
  return counts ? as_series(*counts) : none(run);
}

Series delivery_rate(Run& run) {
  const auto& counts = run.delivery_counts();
  if (!counts) return none(run);
  Series out;
  for (size_t p = 0; p < counts->delivered.size(); ++p)
    out.push_back(safe_ratio(counts->delivered[p],
                             counts->delivered[p] + counts->not_delivered[p]));
  return out;
}

}  // namespace vigie::report_usage
