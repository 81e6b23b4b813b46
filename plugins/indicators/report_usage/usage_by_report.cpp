// usage_by_report: what each report did in the report period P, from its
// runs and its deliveries. The two datasets have a dictionary of report ids
// each, so a report is matched across them by its text.
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "usage_run.hpp"

namespace vigie::report_usage {
namespace {

struct UsageRow {
  int64_t runs = 0, succeeded = 0, failed = 0;
  int64_t delivered = 0, delivery_failures = 0;
  int64_t recipients_reached = 0;
};

// The rows of P of each (report, outcome) pair, at report code *
// (outcome_count + 1) + outcome, a row of no outcome at the last slot of
// its report (a waiting run, a pending delivery: there, not an outcome).
// Rows of an excluded report, or without a report_id, are in none.
class ReportOutcomes {
 public:
  ReportOutcomes(std::span<const int32_t> periods, int32_t current,
                 const RowOutcomes& rows, const ColumnView& report,
                 int32_t outcome_count)
      : slots_(outcome_count + 1), reports_(report.dictionary_size()) {
    const CodeSource codes(report);
    std::vector<int32_t> group(periods.size(), kNone);
    for (size_t row = 0; row < periods.size(); ++row) {
      const int32_t code = codes[static_cast<int64_t>(row)];
      if (periods[row] != current || !rows.kept[row] || code < 0) continue;
      const int32_t outcome = rows.outcome[row];
      group[row] = code * slots_ + (outcome == kNone ? outcome_count : outcome);
    }
    GroupKeys keys(std::move(group), int64_t{reports_} * slots_);
    Count counts(keys.group_count());
    aggregate(keys, counts);
    counts_.assign(counts.counts().begin(), counts.counts().end());
  }
  int32_t reports() const { return reports_; }
  int64_t of(int32_t report, int32_t outcome) const {
    return counts_[static_cast<size_t>(report * slots_ + outcome)];
  }
  int64_t rows_of(int32_t report) const {
    int64_t n = 0;
    for (int32_t s = 0; s < slots_; ++s) n += of(report, s);
    return n;
  }

 private:
  int32_t slots_;
  int32_t reports_;
  std::vector<int64_t> counts_;
};

void add_runs(Run& run, std::map<std::string, UsageRow>& rows) {
  const ColumnView& report = run.runs().column("report_id");
  const ReportOutcomes outcomes(run.run_periods(),
                                static_cast<int32_t>(run.request.current),
                                run.run_outcomes(), report, kRunOutcomes);
  for (int32_t code = 0; code < outcomes.reports(); ++code) {
    if (outcomes.rows_of(code) == 0) continue;
    UsageRow& row = rows[std::string(report.dictionary_at(code))];
    row.runs = outcomes.rows_of(code);
    row.succeeded = outcomes.of(code, kSucceeded);
    row.failed = outcomes.of(code, kRunFailed);
  }
}

void add_deliveries(Run& run, std::map<std::string, UsageRow>& rows) {
  const TableView& deliveries = *run.deliveries();
  const ColumnView& report = deliveries.column("report_id");
  const auto current = static_cast<int32_t>(run.request.current);
  const std::span<const int32_t> periods = run.delivery_periods();
  const RowOutcomes& outcomes_of_rows = run.delivery_outcomes();
  const ReportOutcomes outcomes(periods, current, outcomes_of_rows, report,
                                kDeliveryOutcomes);
  // The distinct recipients of each report's delivered deliveries of P.
  const CodeSource codes(report);
  std::vector<int32_t> group(periods.size(), kNone);
  for (size_t row = 0; row < periods.size(); ++row)
    if (periods[row] == current && outcomes_of_rows.outcome[row] == kDelivered)
      group[row] = codes[static_cast<int64_t>(row)];
  GroupKeys keys(std::move(group), report.dictionary_size());
  DistinctCount recipients(keys.group_count(), deliveries.column("recipient"));
  aggregate(keys, recipients);

  for (int32_t code = 0; code < outcomes.reports(); ++code) {
    if (outcomes.rows_of(code) == 0) continue;
    UsageRow& row = rows[std::string(report.dictionary_at(code))];
    row.delivered = outcomes.of(code, kDelivered);
    row.delivery_failures = outcomes.of(code, kNotDelivered);
    row.recipients_reached = recipients[code];
  }
}

}  // namespace

Table usage_by_report(Run& run) {
  // By report_id: std::string's order is byte order. One entry a report,
  // not a row: the map is not on a hot path.
  std::map<std::string, UsageRow> rows;
  add_runs(run, rows);
  const bool with_deliveries = run.deliveries() != nullptr;
  if (with_deliveries) add_deliveries(run, rows);

  Table out;
  auto& report_id = out.add("report_id", Type::String);
  auto& runs = out.add("runs", Type::Int64, "count");
  auto& succeeded = out.add("succeeded", Type::Int64, "count");
  auto& failed = out.add("failed", Type::Int64, "count");
  auto& delivered = out.add("delivered", Type::Int64, "count");
  auto& failures = out.add("delivery_failures", Type::Int64, "count");
  auto& reached = out.add("recipients_reached", Type::Int64, "count");
  for (const auto& [id, row] : rows) {
    report_id.push_string(id);
    runs.push_int(row.runs);
    succeeded.push_int(row.succeeded);
    failed.push_int(row.failed);
    if (with_deliveries) {
      delivered.push_int(row.delivered);
      failures.push_int(row.delivery_failures);
      reached.push_int(row.recipients_reached);
    } else {
      // No delivery data: not known, rather than none delivered.
      delivered.push_null();
      failures.push_null();
      reached.push_null();
    }
  }
  return out;
}

}  // namespace vigie::report_usage
