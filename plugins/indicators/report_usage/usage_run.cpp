// The passes of usage_run.hpp: each history row's outcome, then the counts
// of every period from one read of each dataset.
#include <algorithm>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "usage_run.hpp"

namespace vigie::report_usage {
namespace {

using StatusOutcome = std::pair<std::string_view, int32_t>;

// A text column of a history dataset, dictionary-encoded as ingest makes
// them.
const ColumnView& text_column(const TableView& table, std::string_view dataset,
                              std::string_view name) {
  const ColumnView& column = table.column(name);
  if (column.type() != Type::Dictionary)
    throw std::runtime_error(std::string(dataset) + "." + std::string(name) +
                             " must be a dictionary-encoded text column");
  return column;
}

// The outcome of each status of the dictionary (statuses are few: each is
// looked at once, never once a row); kNone for the others.
std::vector<int32_t> outcome_of_codes(
    const ColumnView& status, std::initializer_list<StatusOutcome> outcomes) {
  std::vector<int32_t> out(static_cast<size_t>(status.dictionary_size()),
                           kNone);
  for (int32_t code = 0; code < status.dictionary_size(); ++code)
    for (const auto& [text, outcome] : outcomes)
      if (status.dictionary_at(code) == text)
        out[static_cast<size_t>(code)] = outcome;
  return out;
}

RowOutcomes outcomes_of(const TableView& table, std::string_view dataset,
                        const std::vector<std::string>& excluded,
                        std::initializer_list<StatusOutcome> outcomes) {
  const ColumnView& report = text_column(table, dataset, "report_id");
  std::vector<char> excluded_code(static_cast<size_t>(report.dictionary_size()),
                                  0);
  for (int32_t code = 0; code < report.dictionary_size(); ++code)
    excluded_code[static_cast<size_t>(code)] =
        std::find(excluded.begin(), excluded.end(),
                  report.dictionary_at(code)) != excluded.end();
  const std::vector<int32_t> outcome_of_status =
      outcome_of_codes(text_column(table, dataset, "status"), outcomes);

  const CodeSource reports(report);
  const CodeSource statuses(table.column("status"));
  RowOutcomes out;
  out.outcome.assign(static_cast<size_t>(table.rows()), kNone);
  out.kept.assign(static_cast<size_t>(table.rows()), 1);
  for (int64_t row = 0; row < table.rows(); ++row) {
    const auto r = static_cast<size_t>(row);
    // A row without a report_id is nobody's to exclude: it counts.
    const int32_t report_code = reports[row];
    if (report_code >= 0 && excluded_code[static_cast<size_t>(report_code)]) {
      out.kept[r] = 0;
      continue;
    }
    const int32_t status_code = statuses[row];
    if (status_code >= 0)
      out.outcome[r] = outcome_of_status[static_cast<size_t>(status_code)];
  }
  return out;
}

// The rows of each (period, outcome) pair, at p * outcome_count + outcome
// (a row of no outcome, or of no period, is in none).
std::vector<int64_t> count_outcomes(std::span<const int32_t> periods,
                                    int32_t period_count,
                                    const RowOutcomes& rows,
                                    int32_t outcome_count) {
  const auto keys = GroupKeys::by_period_and_code(
      periods, period_count, CodeSource(rows.outcome, outcome_count));
  Count counts(keys.group_count());
  aggregate(keys, counts);
  return {counts.counts().begin(), counts.counts().end()};
}

}  // namespace

RowOutcomes Run::outcomes_of_runs() {
  return outcomes_of(runs(), "report_runs", parameters.exclude_reports,
                     {{"succeeded", kSucceeded}, {"failed", kRunFailed}});
}

RowOutcomes Run::outcomes_of_deliveries() {
  return outcomes_of(*deliveries(), "report_deliveries",
                     parameters.exclude_reports,
                     {{"delivered", kDelivered},
                      {"failed", kNotDelivered},
                      {"expired", kNotDelivered}});
}

RunCounts Run::count_runs() {
  const std::vector<int64_t> counts = count_outcomes(
      run_periods(), period_count(), run_outcomes(), kRunOutcomes);
  RunCounts out;
  for (size_t p = 0; p < request.periods.size(); ++p) {
    out.succeeded.push_back(counts[p * kRunOutcomes + kSucceeded]);
    out.failed.push_back(counts[p * kRunOutcomes + kRunFailed]);
  }
  return out;
}

std::optional<DeliveryCounts> Run::count_deliveries() {
  if (deliveries() == nullptr) return std::nullopt;
  const std::vector<int64_t> counts =
      count_outcomes(delivery_periods(), period_count(), delivery_outcomes(),
                     kDeliveryOutcomes);
  DeliveryCounts out;
  for (size_t p = 0; p < request.periods.size(); ++p) {
    out.delivered.push_back(counts[p * kDeliveryOutcomes + kDelivered]);
    out.not_delivered.push_back(counts[p * kDeliveryOutcomes + kNotDelivered]);
  }
  return out;
}

std::optional<std::vector<int64_t>> Run::count_recipients() {
  if (deliveries() == nullptr) return std::nullopt;
  const RowOutcomes& rows = delivery_outcomes();
  auto keys = GroupKeys::by_period(delivery_periods(), period_count());
  keys.keep_only([&](int64_t row) {
    return rows.outcome[static_cast<size_t>(row)] == kDelivered;
  });
  DistinctCount recipients(
      period_count(),
      text_column(*deliveries(), "report_deliveries", "recipient"));
  aggregate(keys, recipients);
  return std::vector<int64_t>(recipients.counts().begin(),
                              recipients.counts().end());
}

}  // namespace vigie::report_usage
