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
  const Calls& calls() {
    return calls_.get(
        [&] { return Calls(request.required("calls"), parameters); });
  }
  // Online and offline acts of every period: one pass over each dataset.
  const std::vector<PeriodUsage>& usage() {
    return usage_.get([&] {
      const WebEvents& web = events();  // read first: its errors come first
      return count_channel_usage(web, calls(), parameters.actions.size(),
                                 request.periods);
    });
  }
  // The rebound pairs of every period and the current period's failed
  // journeys: one pass over the web events and calls of each customer.
  const ReboundFindings& rebound() {
    return rebound_.get([&] {
      const WebEvents& web = events();
      return find_rebounds(web, calls(), parameters.actions.size(),
                           request.periods, request.current,
                           parameters.rebound_window_us);
    });
  }

 private:
  sdk::Lazy<WebEvents> events_;
  sdk::Lazy<Calls> calls_;
  sdk::Lazy<std::vector<PeriodUsage>> usage_;
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
