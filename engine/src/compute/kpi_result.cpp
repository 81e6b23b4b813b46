#include "compute/kpi_result.hpp"

#include <cmath>

namespace vigie::compute {

const char* status_name(Status s) {
  switch (s) {
    case Status::Ok:
      return "ok";
    case Status::Warning:
      return "warning";
    case Status::Alert:
      return "alert";
    case Status::None:
      break;
  }
  return "none";
}

plugin_host::Better better_of(const std::optional<spec::Target>& target,
                              plugin_host::Better declared) {
  if (!target) return declared;
  return target->direction == spec::Direction::Higher
             ? plugin_host::Better::Higher
             : plugin_host::Better::Lower;
}

Status evaluate_target(std::optional<double> value,
                       const std::optional<spec::Target>& target) {
  if (!target || !value) return Status::None;
  // Lower-is-better mirrors higher-is-better by negating every figure.
  const double sign = target->direction == spec::Direction::Higher ? 1 : -1;
  const double v = sign * *value;
  const double warning = sign * target->warning.value_or(target->objective);
  if (v >= warning) return Status::Ok;
  if (target->alert && v < sign * *target->alert) return Status::Alert;
  return Status::Warning;
}

void summarise(KpiResult& kpi, const std::vector<std::optional<double>>& values,
               size_t current, size_t previous, size_t series_length) {
  auto at = [&](size_t i) {
    return i < values.size() ? values[i] : std::nullopt;
  };
  kpi.values = values;
  kpi.value = at(current);
  kpi.previous = at(previous);
  kpi.change.reset();
  kpi.change_ratio.reset();
  if (kpi.value && kpi.previous) {
    kpi.change = *kpi.value - *kpi.previous;
    if (*kpi.previous != 0)
      kpi.change_ratio = *kpi.change / std::fabs(*kpi.previous);
  }
  kpi.status = evaluate_target(kpi.value, kpi.target);
  const size_t first =
      current + 1 >= series_length ? current + 1 - series_length : 0;
  kpi.series.clear();
  for (size_t i = first; i <= current; ++i) kpi.series.push_back(at(i));
}

}  // namespace vigie::compute
