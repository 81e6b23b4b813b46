#include "web_analytics_indicator.hpp"

#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "event_figures.hpp"
#include "life_moments.hpp"
#include "session_figures.hpp"
#include "top_paths.hpp"
#include "web_data.hpp"

namespace vigie::web_analytics {

namespace {

using sdk::kernels::safe_ratio;

template <class T>
void send(const sdk::Sink& sink, const char* id, const std::vector<T>& values) {
  for (size_t p = 0; p < values.size(); ++p) {
    const auto& v = values[p];
    std::optional<double> number;
    if constexpr (std::is_same_v<T, std::optional<double>>)
      number = v;
    else if constexpr (std::is_same_v<T, std::optional<int64_t>>)
      number =
          v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
    else
      number = static_cast<double>(v);
    sink.value(id, static_cast<uint32_t>(p), number);
  }
}

}  // namespace

WebAnalyticsIndicator::WebAnalyticsIndicator(const sdk::Config& config)
    : parameters_(parse_parameters(config)) {}

void WebAnalyticsIndicator::compute(const sdk::Request& request,
                                    const sdk::Sink& sink) {
  auto wants = [&](const char* id) {
    return request.kpis.empty() || request.wants(id);
  };
  auto wants_any = [&](std::initializer_list<const char*> ids) {
    for (const char* id : ids)
      if (wants(id)) return true;
    return false;
  };
  WebData data(request, parameters_);

  if (wants_any({kpi::kVisits, kpi::kBounceRate, kpi::kPagesPerVisit,
                 kpi::kAvgVisitDuration, kpi::kVisitsByDevice,
                 kpi::kTopPaths})) {
    const std::vector<int32_t> period = session_periods(data);
    if (wants_any({kpi::kVisits, kpi::kBounceRate, kpi::kPagesPerVisit,
                   kpi::kAvgVisitDuration})) {
      SessionFigures figures = session_figures(data, period);
      if (wants(kpi::kVisits)) send(sink, kpi::kVisits, figures.visits);
      if (wants(kpi::kBounceRate))
        send(sink, kpi::kBounceRate, figures.bounce_rate);
      if (wants(kpi::kPagesPerVisit))
        send(sink, kpi::kPagesPerVisit, figures.pages_per_visit);
      if (wants(kpi::kAvgVisitDuration))
        send(sink, kpi::kAvgVisitDuration, figures.avg_visit_duration);
    }
    if (wants(kpi::kVisitsByDevice))
      sink.table(kpi::kVisitsByDevice, visits_by_device(data, period));
    if (wants(kpi::kTopPaths))
      sink.table(kpi::kTopPaths, top_paths(data, period));
  }
  if (wants_any({kpi::kUniqueVisitors, kpi::kUniquePeople})) {
    AudienceFigures figures = audience_figures(data);
    if (wants(kpi::kUniqueVisitors))
      send(sink, kpi::kUniqueVisitors, figures.unique_visitors);
    if (wants(kpi::kUniquePeople))
      send(sink, kpi::kUniquePeople, figures.unique_people);
  }
  if (wants_any({kpi::kLoadTimeP50, kpi::kLoadTimeP95})) {
    LoadTimeFigures figures = load_time_figures(data);
    if (wants(kpi::kLoadTimeP50)) send(sink, kpi::kLoadTimeP50, figures.p50);
    if (wants(kpi::kLoadTimeP95)) send(sink, kpi::kLoadTimeP95, figures.p95);
  }
  if (wants(kpi::kLoadTimeByGroup))
    sink.table(kpi::kLoadTimeByGroup, load_time_by_group(data));
  if (wants_any({kpi::kCrossDeviceCustomers, kpi::kCrossDeviceShare})) {
    CrossDeviceFigures figures = cross_device_figures(data);
    if (wants(kpi::kCrossDeviceCustomers))
      send(sink, kpi::kCrossDeviceCustomers, figures.cross_device);
    if (wants(kpi::kCrossDeviceShare)) {
      std::vector<std::optional<double>> share;
      for (size_t p = 0; p < figures.customers.size(); ++p)
        share.push_back(
            safe_ratio(figures.cross_device[p], figures.customers[p]));
      send(sink, kpi::kCrossDeviceShare, share);
    }
  }
  if (wants(kpi::kLifeMoments))
    sink.table(kpi::kLifeMoments, life_moment_counts(data));
  if (wants(kpi::kLifeMomentList))
    sink.table(kpi::kLifeMomentList, life_moment_list(data));
}

}  // namespace vigie::web_analytics
