// The self-care indicator (KPI-CATALOG.md section 2): what online self-care
// saves against the call centre, what remains to win, and the customers who
// tried online and called anyway (channel rebound).
#pragma once

#include "self_care_parameters.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::self_care {

// The KPI ids, as declared in the plugin's outputs.
namespace kpi {
inline constexpr const char* kSavings = "self_care_savings";
inline constexpr const char* kDigitalAdoption = "digital_adoption";
inline constexpr const char* kAvoidableCalls = "avoidable_calls";
inline constexpr const char* kAvoidableCost = "avoidable_cost";
inline constexpr const char* kReboundRate = "rebound_rate";
inline constexpr const char* kIdentifiedCallShare = "identified_call_share";
inline constexpr const char* kOnlineActions = "online_actions";
inline constexpr const char* kByAction = "self_care_by_action";
inline constexpr const char* kFailedJourneys = "failed_journeys";
}  // namespace kpi

class SelfCareIndicator : public sdk::Indicator {
 public:
  explicit SelfCareIndicator(const sdk::Config& config);
  // Every value KPI for every period; the table and the list for the
  // current period only.
  void compute(const sdk::Request& request, const sdk::Sink& sink) override;

 private:
  SelfCareParameters parameters_;
};

}  // namespace vigie::self_care
