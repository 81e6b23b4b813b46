// The self-care indicator's descriptor: its parameters, KPIs and inputs,
// each declared once.
#include "self_care_indicator.hpp"
#include "vigie/sdk.hpp"

namespace vigie::self_care {
namespace {

using vigie::Type;

constexpr sdk::Option<SelfCareParameters> kOptions[] = {
    sdk::custom<SelfCareParameters>(
        VIGIE_OPTION_MAP, "action_costs", nullptr,
        "offline unit cost of each self-care action, by action code "
        "(the web `action` and the call `reason`)",
        &bind_action_costs)
        .required()
        .at_least(0),
    sdk::custom<SelfCareParameters>(
        VIGIE_OPTION_MAP, "online_costs", nullptr,
        "unit cost of serving an action online, by action code (default 0)",
        &bind_online_costs)
        .at_least(0),
    sdk::custom<SelfCareParameters>(
        VIGIE_OPTION_MAP, "topic_pages", nullptr,
        "pages on each action's topic, by action code: patterns where * "
        "matches anything, matched against the whole page path, "
        "alternatives separated by |",
        &bind_topic_pages),
    sdk::custom<SelfCareParameters>(
        VIGIE_OPTION_NUMBER, "rebound_hours", "48",
        "a call within this many hours after a web event on its topic is a "
        "rebound",
        &bind_rebound_hours)
        .above(0),
};

// The columns each KPI reads: the online acts, the answered calls, the
// identified calls and the rebound (web events on a topic, stitched to
// their customer, against the inbound calls of that customer).
constexpr const char* kOnline[] = {"web_events.ts", "web_events.event_type",
                                   "web_events.action"};
constexpr const char* kOffline[] = {"calls.started_at", "calls.direction",
                                    "calls.outcome", "calls.reason"};
constexpr const char* kAdoption[] = {
    "web_events.ts",    "web_events.event_type", "web_events.action",
    "calls.started_at", "calls.direction",       "calls.outcome",
    "calls.reason"};
constexpr const char* kIdentified[] = {"calls.started_at", "calls.direction",
                                       "calls.customer_id"};
constexpr const char* kRebound[] = {
    "web_events.ts",     "web_events.visitor_id", "web_events.event_type",
    "web_events.action", "web_events.page",       "visitor_links.*",
    "calls.started_at",  "calls.customer_id",     "calls.direction",
    "calls.reason"};
constexpr const char* kByAction[] = {
    "web_events.ts",     "web_events.visitor_id", "web_events.event_type",
    "web_events.action", "web_events.page",       "visitor_links.*",
    "calls.started_at",  "calls.customer_id",     "calls.direction",
    "calls.outcome",     "calls.reason"};

constexpr vigie_column kByActionColumns[] = {
    sdk::column("action", Type::String),
    sdk::column("online", Type::Int64),
    sdk::column("offline", Type::Int64),
    sdk::column("digital_adoption", Type::Double, "ratio"),
    sdk::column("unit_cost", Type::Decimal),
    sdk::column("savings", Type::Decimal),
    sdk::column("avoidable_cost", Type::Decimal),
    sdk::column("pairs", Type::Int64),
    sdk::column("rebounded", Type::Int64),
    sdk::column("rebound_rate", Type::Double, "ratio"),
};
constexpr vigie_column kFailedJourneyColumns[] = {
    sdk::column("customer_id", Type::String),
    sdk::column("action", Type::String),
    sdk::column("last_web_event", Type::Timestamp),
    sdk::column("call_at", Type::Timestamp),
    sdk::column("hours_between", Type::Double),
};

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>(
        "self_care_savings", "Self-care savings", "currency",
        "online acts times (offline cost - online cost), over the actions",
        &savings)
        .reading(kOnline),
    value_kpi<Run>("digital_adoption", "Digital adoption", "ratio",
                   "online acts / (online acts + answered inbound calls)",
                   &digital_adoption)
        .reading(kAdoption),
    value_kpi<Run>("avoidable_calls", "Avoidable calls", "count",
                   "answered inbound calls whose reason is a self-care action",
                   &avoidable_calls)
        .lower_is_better()
        .reading(kOffline),
    value_kpi<Run>("avoidable_cost", "Avoidable cost", "currency",
                   "avoidable calls times their offline unit cost",
                   &avoidable_cost)
        .lower_is_better()
        .reading(kOffline),
    value_kpi<Run>("rebound_rate", "Channel rebound rate", "ratio",
                   "share of (customer, action) web journeys followed by a "
                   "call on the same action within the rebound window",
                   &rebound_rate)
        .lower_is_better()
        .reading(kRebound),
    value_kpi<Run>("identified_call_share", "Identified inbound calls", "ratio",
                   "share of inbound calls that carry a customer_id (the "
                   "coverage of the rebound rate)",
                   &identified_call_share)
        .reading(kIdentified),
    value_kpi<Run>("online_actions", "Online self-care acts", "count",
                   "`action` web events of the cost table's actions",
                   &online_actions)
        .reading(kOnline),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "self_care_by_action",
                   "Self-care by action", "",
                   "online, offline, adoption, costs and rebound of each "
                   "action",
                   kByActionColumns, &by_action)
        .reading(kByAction),
    table_kpi<Run>(VIGIE_OUTPUT_LIST, "failed_journeys",
                   "Failed self-care journeys", "",
                   "customers who were on an action's topic on the web and "
                   "called about it within the rebound window",
                   kFailedJourneyColumns, &failed_journeys)
        .reading(kRebound),
};

constexpr vigie_input kInputs[] = {
    sdk::input("web_events", true),
    sdk::input("calls", true),
    // The engine's identity stitching: the customer of a web event.
    sdk::input("visitor_links", true),
};

}  // namespace
}  // namespace vigie::self_care

VIGIE_KPI_INDICATOR_PLUGIN(vigie::self_care::Run, "self_care", "1.0.0",
                           "Self-care savings, digital adoption and channel "
                           "rebound",
                           vigie::self_care::kOptions, vigie::self_care::kKpis,
                           vigie::self_care::kInputs)
