// The call-centre indicator (KPI-CATALOG.md section 6): volumes, service
// and first contact resolution of the inbound calls, and the calls by
// reason and by queue. Its KPIs are declared in call_centre_plugin.cpp;
// these are the passes they share and the functions that compute them.
#pragma once

#include <optional>
#include <vector>

#include "call_centre_calls.hpp"
#include "call_centre_parameters.hpp"
#include "call_volumes.hpp"
#include "first_contact.hpp"
#include "vigie/sdk/kernels/periods.hpp"
#include "vigie/sdk/kpi.hpp"

namespace vigie::call_centre {

struct Run : sdk::Compute<CallCentreParameters> {
  using Compute::Compute;

  const Calls& calls() {
    return calls_.get([&] { return Calls(request.required("calls")); });
  }
  int32_t period_count() const {
    return static_cast<int32_t>(request.periods.size());
  }
  // The period of each inbound call, read once for every KPI.
  const std::vector<int32_t>& inbound_period() {
    return inbound_period_.get([&] {
      return calls().inbound_periods(
          sdk::kernels::PeriodIndex(request.periods));
    });
  }
  const std::vector<int64_t>& offered() {
    return offered_.get(
        [&] { return count_offered(inbound_period(), period_count()); });
  }
  const OutcomeCounts& outcomes() {
    return outcomes_.get([&] {
      return count_outcomes(calls(), inbound_period(), period_count());
    });
  }
  const FirstContact& first_contact() {
    return first_contact_.get([&] {
      return first_contact_resolution(calls(), inbound_period(), period_count(),
                                      parameters.repeat_window_us);
    });
  }

 private:
  sdk::Lazy<Calls> calls_;
  sdk::Lazy<std::vector<int32_t>> inbound_period_;
  sdk::Lazy<std::vector<int64_t>> offered_;
  sdk::Lazy<OutcomeCounts> outcomes_;
  sdk::Lazy<FirstContact> first_contact_;
};

// The value KPIs, for the request's period `period`, or every period.
std::optional<double> offered(Run& run, uint32_t period);
std::optional<double> answered(Run& run, uint32_t period);
std::optional<double> abandoned(Run& run, uint32_t period);
std::optional<double> abandonment_rate(Run& run, uint32_t period);
sdk::Series service_level(Run& run);
sdk::Series asa(Run& run);
sdk::Series aht(Run& run);
std::optional<double> fcr(Run& run, uint32_t period);
// The tables, for the report period.
Table calls_by_reason(Run& run);
Table calls_by_queue(Run& run);
Table top_reasons(Run& run);
Table online_reasons(Run& run);

}  // namespace vigie::call_centre
