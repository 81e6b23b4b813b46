// Customer profiles beside every operational list row (KPI-CATALOG.md
// section 8b): the derived dataset customer_profiles, computed at the
// report's as_of, joined by customer id to each list that names customers.
#pragma once

#include <cstdint>
#include <vector>

#include "compute/kpi_result.hpp"
#include "derive/customer_profiles.hpp"
#include "plan/report_plan.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::pipeline {

// The profiles' options at `as_of_us`: the RFM window and segment names of
// the report's customer_base KPIs when it has some (its first run's), so
// that a list row's segment is the one the segment table counts it in.
derive::ProfileOptions profile_options(const plan::ReportPlan& plan,
                                       int64_t as_of_us);

// Appends to every list with a customer_id column the profile columns it
// does not have yet, one value a row (null for a customer the profiles do
// not know). Run before the personal-data rule, which then keys the id.
void join_profiles(std::vector<compute::KpiResult>& kpis,
                   const Table& profiles);

}  // namespace vigie::pipeline
