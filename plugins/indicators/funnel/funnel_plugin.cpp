// The funnel indicator's descriptor: its parameters, KPIs and inputs, each
// declared once (KPI-CATALOG.md section 4).
#include "funnel_run.hpp"
#include "vigie/sdk.hpp"

namespace vigie::funnel {
namespace {

using vigie::Type;

constexpr sdk::Option<FunnelParameters> kOptions[] = {
    sdk::custom<FunnelParameters>(
        VIGIE_OPTION_LIST, "steps", nullptr,
        "the funnel's steps in order (2 to 32), each event:TYPE, "
        "page:PATTERN (a page_view; * matches anything, alternatives "
        "separated by |), action:CODE or purchase",
        &bind_steps)
        .required(),
    sdk::custom<FunnelParameters>(
        VIGIE_OPTION_LIST, "step_names", nullptr,
        "the steps' names in the report, one a step (default: the step's "
        "predicate)",
        &bind_step_names),
};

// Every KPI walks the same journeys: web events stitched to their person,
// and the purchases of orders.
constexpr const char* kReads[] = {
    "web_events.ts",     "web_events.visitor_id", "web_events.event_type",
    "web_events.page",   "web_events.action",     "visitor_links.*",
    "orders.order_id",   "orders.ordered_at",     "orders.amount",
    "orders.customer_id"};

constexpr vigie_column kStepColumns[] = {
    sdk::column("step", Type::Int64),
    sdk::column("name", Type::String),
    sdk::column("persons", Type::Int64, "count"),
    sdk::column("step_conversion", Type::Double, "ratio"),
    sdk::column("overall_conversion", Type::Double, "ratio"),
    sdk::column("previous_persons", Type::Int64, "count"),
};

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("funnel_conversion", "Funnel conversion", "ratio",
                   "persons reaching the last step / persons reaching the "
                   "first, in P",
                   &conversion)
        .reading(kReads),
    value_kpi<Run>("funnel_completions", "Funnel completions", "count",
                   "persons reaching the last step in P", &completions)
        .reading(kReads),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "funnel_steps", "Funnel steps", "",
                   "persons reaching each step in P, conversion from the "
                   "step before and from the first, persons in P'",
                   kStepColumns, &steps_table)
        .reading(kReads),
};

constexpr vigie_input kInputs[] = {
    sdk::input("web_events", true),
    // The engine's identity stitching: the person of a web event.
    sdk::input("visitor_links", true),
    // Needed only by a `purchase` step.
    sdk::input("orders", false),
};

}  // namespace
}  // namespace vigie::funnel

VIGIE_KPI_INDICATOR_PLUGIN(vigie::funnel::Run, "funnel", "1.0.0",
                           "Conversion funnel over web events and purchases",
                           vigie::funnel::kOptions, vigie::funnel::kKpis,
                           vigie::funnel::kInputs)
