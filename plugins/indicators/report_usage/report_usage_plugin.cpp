// The report-usage indicator (KPI-CATALOG.md section 10, "monitor the
// monitoring"; choices in docs/kpi-choices.md "Report usage (section 10)"):
// its option, KPIs and inputs, each declared once. Its data is Vigie's own
// history, the runs and e-mails `vigie serve` records in its state
// database, read like any SQL source into report_runs and
// report_deliveries.
#include "usage_run.hpp"
#include "vigie/sdk.hpp"

namespace vigie::report_usage {
namespace {

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Option<UsageParameters> kOptions[] = {
    sdk::field<&UsageParameters::exclude_reports>(
        "exclude_reports", nullptr,
        "report ids whose runs and deliveries are left out of every figure "
        "(none by default)"),
};

// The columns each KPI reads: every one the slot (its period), the status
// (its outcome) and the report_id (exclude_reports).
constexpr const char* kRuns[] = {"report_runs.slot", "report_runs.status",
                                 "report_runs.report_id"};
constexpr const char* kDeliveries[] = {"report_deliveries.slot",
                                       "report_deliveries.status",
                                       "report_deliveries.report_id"};
constexpr const char* kRecipients[] = {
    "report_deliveries.slot", "report_deliveries.status",
    "report_deliveries.report_id", "report_deliveries.recipient"};
constexpr const char* kByReport[] = {
    "report_runs.slot",           "report_runs.status",
    "report_runs.report_id",      "report_deliveries.slot",
    "report_deliveries.status",   "report_deliveries.report_id",
    "report_deliveries.recipient"};

constexpr vigie_column kByReportColumns[] = {
    sdk::column("report_id", Type::String),
    sdk::column("runs", Type::Int64, "count"),
    sdk::column("succeeded", Type::Int64, "count"),
    sdk::column("failed", Type::Int64, "count"),
    sdk::column("delivered", Type::Int64, "count"),
    sdk::column("delivery_failures", Type::Int64, "count"),
    sdk::column("recipients_reached", Type::Int64, "count"),
};

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("reports_generated", "Reports generated", "count",
                   "runs whose slot is in the period with status succeeded",
                   &reports_generated)
        .reading(kRuns),
    value_kpi<Run>("runs_failed", "Failed runs", "count",
                   "runs whose slot is in the period with status failed",
                   &runs_failed)
        .lower_is_better()
        .reading(kRuns),
    value_kpi<Run>("deliveries_delivered", "E-mails delivered", "count",
                   "deliveries whose slot is in the period with status "
                   "delivered",
                   &deliveries_delivered)
        .reading(kDeliveries),
    value_kpi<Run>("deliveries_failed", "E-mails not delivered", "count",
                   "deliveries whose slot is in the period with status "
                   "failed or expired",
                   &deliveries_failed)
        .lower_is_better()
        .reading(kDeliveries),
    value_kpi<Run>("recipients_reached", "Recipients reached", "count",
                   "distinct recipients of the deliveries delivered in the "
                   "period",
                   &recipients_reached)
        .reading(kRecipients),
    value_kpi<Run>("delivery_rate", "Delivery rate", "ratio",
                   "delivered / (delivered + failed + expired)", &delivery_rate)
        .reading(kDeliveries),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "usage_by_report", "Usage by report", "",
                   "runs, succeeded, failed, delivered, delivery failures "
                   "and recipients reached of each report in P",
                   kByReportColumns, &usage_by_report)
        .reading(kByReport),
};

constexpr vigie_input kInputs[] = {
    sdk::input("report_runs", true),
    // Without it the delivery figures have no value.
    sdk::input("report_deliveries", false),
};

}  // namespace
}  // namespace vigie::report_usage

VIGIE_KPI_INDICATOR_PLUGIN(vigie::report_usage::Run, "report_usage", "1.0.0",
                           "Report usage: runs and e-mail deliveries from "
                           "Vigie's own history",
                           vigie::report_usage::kOptions,
                           vigie::report_usage::kKpis,
                           vigie::report_usage::kInputs)
