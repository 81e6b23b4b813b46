// The self-care indicator (KPI-CATALOG.md section 2): what online self-care
// saves against the call centre, what remains to win, and the customers who
// tried online and called anyway (channel rebound). Its KPIs are declared
// in self_care_plugin.cpp; these are the passes they share and the
// functions that compute them.
#pragma once

#include <optional>
#include <vector>

#include "channel_rebound.hpp"
#include "channel_usage.hpp"
#include "self_care_datasets.hpp"
#include "self_care_parameters.hpp"
#include "vigie/sdk/kpi.hpp"

namespace vigie::self_care {

struct Run : sdk::Compute<SelfCareParameters> {
  using Compute::Compute;

  const WebEvents& events() {
    return events_.get(
        [&] { return WebEvents(request.required("web_events"), parameters); });
  }
  const sdk::kernels::PeriodIndex& periods() {
    return periods_.get(
        [&] { return sdk::kernels::PeriodIndex(request.periods); });
  }
  const Calls& calls() {
    return calls_.get(
        [&] { return Calls(request.required("calls"), parameters); });
  }
  // Acts of every period by action, and the inbound calls of every period.
  const ActionCounts& online() {
    return online_.get([&] {
      return count_online_acts(events(), parameters.actions.size(), periods());
    });
  }
  const ActionCounts& offline() {
    return offline_.get([&] {
      return count_offline_acts(calls(), parameters.actions.size(), periods());
    });
  }
  const InboundCalls& inbound() {
    return inbound_.get(
        [&] { return count_inbound_calls(calls(), periods()); });
  }
  // The rebound pairs of every period and the current period's failed
  // journeys: one pass over the web events and calls of each customer.
  const ReboundFindings& rebound() {
    return rebound_.get([&] {
      const WebEvents& web = events();
      const sdk::kernels::Stitching stitching(request.required("visitor_links"),
                                              web.visitors().dictionary_size());
      return find_rebounds(web, calls(), stitching, parameters.actions.size(),
                           periods(), request.current,
                           parameters.rebound_window_us);
    });
  }

 private:
  sdk::Lazy<sdk::kernels::PeriodIndex> periods_;
  sdk::Lazy<WebEvents> events_;
  sdk::Lazy<Calls> calls_;
  sdk::Lazy<ActionCounts> online_;
  sdk::Lazy<ActionCounts> offline_;
  sdk::Lazy<InboundCalls> inbound_;
  sdk::Lazy<ReboundFindings> rebound_;
};

// The value KPIs, for the request's period `period`.
std::optional<double> savings(Run& run, uint32_t period);
std::optional<double> digital_adoption(Run& run, uint32_t period);
std::optional<double> avoidable_calls(Run& run, uint32_t period);
std::optional<double> avoidable_cost(Run& run, uint32_t period);
std::optional<double> rebound_rate(Run& run, uint32_t period);
std::optional<double> identified_call_share(Run& run, uint32_t period);
std::optional<double> online_actions(Run& run, uint32_t period);
// The table and the list, for the report period.
Table by_action(Run& run);
Table failed_journeys(Run& run);

}  // namespace vigie::self_care
