// One compute of the report-usage indicator (KPI-CATALOG.md section 10):
// Vigie's own history, report_runs (required) and report_deliveries
// (optional), each row in the period containing its slot. The passes
// several KPIs share are worked out at most once and only when an asked
// KPI needs one; a pass looks a column up when it runs, so that a KPI
// touches only the columns it declares (report_usage_plugin.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigie/sdk.hpp"

namespace vigie::report_usage {

using namespace sdk::kernels;

struct UsageParameters {
  // Reports left out of every figure, by report_id (the usage report
  // itself, say, when its own runs should not count).
  std::vector<std::string> exclude_reports;
};

// What a run's status counts as: the statuses other than these two
// (running, waiting, abandoned, anything unknown) are runs, not outcomes.
enum RunOutcome : int32_t { kSucceeded = 0, kRunFailed = 1, kRunOutcomes = 2 };
// What a delivery's status counts as: pending is no outcome yet; failed
// and expired are both deliveries that did not reach their recipient.
enum DeliveryOutcome : int32_t {
  kDelivered = 0,
  kNotDelivered = 1,
  kDeliveryOutcomes = 2
};

// The outcome of every row of a history dataset: a RunOutcome or a
// DeliveryOutcome, kNone for a status that is no outcome, a null status
// or a report of `exclude_reports`. `kept` says, by row, whether the
// report is counted at all (false for an excluded one).
struct RowOutcomes {
  std::vector<int32_t> outcome;
  std::vector<char> kept;
};

// Per period of the request.
struct RunCounts {
  std::vector<int64_t> succeeded, failed;
};
struct DeliveryCounts {
  std::vector<int64_t> delivered, not_delivered;
};

struct Run : sdk::Compute<UsageParameters> {
  using Compute::Compute;

  int32_t period_count() const {
    return static_cast<int32_t>(request.periods.size());
  }
  const TableView& runs() const { return request.required("report_runs"); }
  // Nothing when no source of the spec fills report_deliveries.
  const TableView* deliveries() const {
    return request.dataset("report_deliveries");
  }

  // The outcome of each run (report_runs.status, .report_id).
  const RowOutcomes& run_outcomes() {
    return run_outcomes_.get([&] { return outcomes_of_runs(); });
  }
  // The outcome of each delivery (report_deliveries.status, .report_id);
  // only when deliveries() is there.
  const RowOutcomes& delivery_outcomes() {
    return delivery_outcomes_.get([&] { return outcomes_of_deliveries(); });
  }
  // The period of each run and of each delivery (their slot).
  const std::vector<int32_t>& run_periods() {
    return run_periods_.get([&] {
      return PeriodIndex(request.periods).assign(runs().column("slot"));
    });
  }
  const std::vector<int32_t>& delivery_periods() {
    return delivery_periods_.get([&] {
      return PeriodIndex(request.periods).assign(deliveries()->column("slot"));
    });
  }

  // The shared passes, by period.
  const RunCounts& run_counts() {
    return run_counts_.get([&] { return count_runs(); });
  }
  // Nothing when report_deliveries is absent.
  const std::optional<DeliveryCounts>& delivery_counts() {
    return delivery_counts_.get([&] { return count_deliveries(); });
  }
  const std::optional<std::vector<int64_t>>& recipients_reached() {
    return recipients_.get([&] { return count_recipients(); });
  }

 private:
  RowOutcomes outcomes_of_runs();
  RowOutcomes outcomes_of_deliveries();
  RunCounts count_runs();
  std::optional<DeliveryCounts> count_deliveries();
  std::optional<std::vector<int64_t>> count_recipients();

  sdk::Lazy<RowOutcomes> run_outcomes_, delivery_outcomes_;
  sdk::Lazy<std::vector<int32_t>> run_periods_, delivery_periods_;
  sdk::Lazy<RunCounts> run_counts_;
  sdk::Lazy<std::optional<DeliveryCounts>> delivery_counts_;
  sdk::Lazy<std::optional<std::vector<int64_t>>> recipients_;
};

// The value KPIs, by period (usage_figures.cpp).
using sdk::Series;
Series reports_generated(Run& run);
Series runs_failed(Run& run);
Series deliveries_delivered(Run& run);  // none without report_deliveries
Series deliveries_failed(Run& run);     // failed or expired
Series recipients_reached(Run& run);
Series delivery_rate(Run& run);

// usage_by_report (usage_by_report.cpp), for the report period P: one row
// a report_id with a run or a delivery in P, by report_id in byte order:
// report_id, runs (every status), succeeded, failed, delivered,
// delivery_failures, recipients_reached; the last three null without
// report_deliveries.
Table usage_by_report(Run& run);

}  // namespace vigie::report_usage
