// The web-analytics indicator (KPI-CATALOG.md section 3, choices in
// docs/kpi-choices.md "Web analytics (section 3)"): audience, sessions,
// load time, devices, life moments and typical paths, from web_events and
// the engine's derived datasets. The figures are computed in the files of
// their own (session_figures, top_paths, event_figures, life_moments);
// this class only asks for those of the requested KPIs and hands them to
// the sink.
#pragma once

#include "vigie/sdk/plugin.hpp"
#include "web_parameters.hpp"

namespace vigie::web_analytics {

// The KPI ids, as declared in the plugin's outputs.
namespace kpi {
inline constexpr const char* kVisits = "visits";
inline constexpr const char* kUniqueVisitors = "unique_visitors";
inline constexpr const char* kUniquePeople = "unique_people";
inline constexpr const char* kBounceRate = "bounce_rate";
inline constexpr const char* kPagesPerVisit = "pages_per_visit";
inline constexpr const char* kAvgVisitDuration = "avg_visit_duration";
inline constexpr const char* kLoadTimeP50 = "load_time_p50";
inline constexpr const char* kLoadTimeP95 = "load_time_p95";
inline constexpr const char* kLoadTimeByGroup = "load_time_by_group";
inline constexpr const char* kVisitsByDevice = "visits_by_device";
inline constexpr const char* kCrossDeviceCustomers = "cross_device_customers";
inline constexpr const char* kCrossDeviceShare = "cross_device_share";
inline constexpr const char* kLifeMoments = "life_moments";
inline constexpr const char* kLifeMomentList = "life_moment_list";
inline constexpr const char* kTopPaths = "top_paths";
}  // namespace kpi

class WebAnalyticsIndicator : public sdk::Indicator {
 public:
  explicit WebAnalyticsIndicator(const sdk::Config& config);
  // Every value KPI for every period of the request; the tables and the
  // list for the report period (life_moments with P' beside it).
  void compute(const sdk::Request& request, const sdk::Sink& sink) override;

 private:
  WebParameters parameters_;
};

}  // namespace vigie::web_analytics
