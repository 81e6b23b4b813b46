// The call-centre indicator's descriptor: its parameters, KPIs and inputs,
// each declared once.
#include "call_centre_indicator.hpp"
#include "vigie/sdk.hpp"

namespace vigie::call_centre {
namespace {

using vigie::Type;

constexpr sdk::Option<CallCentreParameters> kOptions[] = {
    sdk::field<&CallCentreParameters::service_level_seconds>(
        "service_level_seconds", "20",
        "an answered call waited at most this many seconds is within the "
        "service level")
        .at_least(0),
    sdk::custom<CallCentreParameters>(
        VIGIE_OPTION_NUMBER, "repeat_window_days", "7",
        "another inbound call of the same customer and reason at most this "
        "many days after an answered call makes it unresolved at first "
        "contact",
        &bind_repeat_days)
        .above(0),
    sdk::field<&CallCentreParameters::top_reasons>(
        "top_reasons", "5", "how many reasons the top reasons list")
        .at_least(1),
    // self_care's cost table, under the same name and form: a report-wide
    // `parameters: {action_costs: ...}` feeds both indicators.
    sdk::custom<CallCentreParameters>(
        VIGIE_OPTION_MAP, "action_costs", nullptr,
        "offline unit cost of each self-care action, by action code (the "
        "web `action` and the call `reason`): the reasons with an online "
        "equivalent",
        &bind_action_costs)
        .at_least(0),
};

// The columns each KPI reads: every KPI counts inbound calls of a period
// (started_at, direction); then the outcome, the wait and handling times,
// the customer and the reason, or the queue.
constexpr const char* kOffered[] = {"calls.started_at", "calls.direction"};
constexpr const char* kOutcome[] = {"calls.started_at", "calls.direction",
                                    "calls.outcome"};
constexpr const char* kWait[] = {"calls.started_at", "calls.direction",
                                 "calls.outcome", "calls.wait_s"};
constexpr const char* kHandle[] = {"calls.started_at", "calls.direction",
                                   "calls.outcome", "calls.handle_s"};
constexpr const char* kRepeat[] = {"calls.started_at", "calls.direction",
                                   "calls.outcome", "calls.customer_id",
                                   "calls.reason"};
constexpr const char* kReason[] = {"calls.started_at", "calls.direction",
                                   "calls.reason"};
constexpr const char* kQueue[] = {"calls.started_at", "calls.direction",
                                  "calls.queue"};
constexpr const char* kOnlineReason[] = {"calls.started_at", "calls.direction",
                                         "calls.outcome", "calls.reason"};

constexpr vigie_column kByReasonColumns[] = {
    sdk::column("reason", Type::String),
    sdk::column("calls", Type::Int64),
    sdk::column("share", Type::Double, "ratio"),
};
constexpr vigie_column kByQueueColumns[] = {
    sdk::column("queue", Type::String),
    sdk::column("calls", Type::Int64),
    sdk::column("share", Type::Double, "ratio"),
};
constexpr vigie_column kTopReasonColumns[] = {
    sdk::column("rank", Type::Int64),
    sdk::column("reason", Type::String),
    sdk::column("calls", Type::Int64),
    sdk::column("share", Type::Double, "ratio"),
};
constexpr vigie_column kOnlineReasonColumns[] = {
    sdk::column("rank", Type::Int64),
    sdk::column("reason", Type::String),
    sdk::column("calls", Type::Int64),
    sdk::column("share", Type::Double, "ratio"),
    sdk::column("answered", Type::Int64),
    sdk::column("unit_cost", Type::Decimal),
    sdk::column("cost_at_stake", Type::Decimal),
};

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("offered", "Offered calls", "count",
                   "inbound calls started in the period", &offered)
        .neither_is_better()
        .reading(kOffered),
    value_kpi<Run>("answered", "Answered calls", "count",
                   "inbound calls whose outcome is `answered`", &answered)
        .reading(kOutcome),
    value_kpi<Run>("abandoned", "Abandoned calls", "count",
                   "inbound calls whose outcome is `abandoned`", &abandoned)
        .lower_is_better()
        .reading(kOutcome),
    value_kpi<Run>("abandonment_rate", "Abandonment rate", "ratio",
                   "abandoned / offered", &abandonment_rate)
        .lower_is_better()
        .reading(kOutcome),
    value_kpi<Run>("service_level", "Service level", "ratio",
                   "answered calls with wait_s <= the threshold / offered",
                   &service_level)
        .reading(kWait),
    value_kpi<Run>("asa", "Average speed of answer", "seconds",
                   "mean wait_s of answered calls", &asa)
        .lower_is_better()
        .reading(kWait),
    value_kpi<Run>("aht", "Average handling time", "seconds",
                   "mean handle_s of answered calls", &aht)
        .neither_is_better()
        .reading(kHandle),
    value_kpi<Run>("fcr", "First contact resolution", "ratio",
                   "share of answered calls of identified customers not "
                   "followed by an inbound call of the same customer and "
                   "reason within the repeat window",
                   &fcr)
        .reading(kRepeat),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "calls_by_reason", "Calls by reason", "",
                   "inbound calls of the period by reason, with their "
                   "share",
                   kByReasonColumns, &calls_by_reason)
        .reading(kReason),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "calls_by_queue", "Calls by queue", "",
                   "inbound calls of the period by queue, with their share",
                   kByQueueColumns, &calls_by_queue)
        .reading(kQueue),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "top_reasons", "Top call reasons", "",
                   "the reasons with the most inbound calls", kTopReasonColumns,
                   &top_reasons)
        .reading(kReason),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "online_reasons",
                   "Top reasons with an online equivalent", "",
                   "the top reasons that are actions of the self-care cost "
                   "table: calls the site could absorb, and their cost",
                   kOnlineReasonColumns, &online_reasons)
        .reading(kOnlineReason),
};

constexpr vigie_input kInputs[] = {sdk::input("calls", true)};

}  // namespace
}  // namespace vigie::call_centre

VIGIE_KPI_INDICATOR_PLUGIN(vigie::call_centre::Run, "call_centre", "1.0.0",
                           "Call-centre volumes, service level, handling "
                           "times, first contact resolution and reasons",
                           vigie::call_centre::kOptions,
                           vigie::call_centre::kKpis,
                           vigie::call_centre::kInputs)
