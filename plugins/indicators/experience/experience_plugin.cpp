// The experience indicator (KPI-CATALOG.md section 7, choices in
// docs/kpi-choices.md "Experience (section 7)"): its options, KPIs and
// inputs, each declared once. A KPI reads exactly the columns it declares.
#include "experience_run.hpp"
#include "vigie/sdk.hpp"

namespace vigie::experience {
namespace {

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Option<ExperienceParameters> kOptions[] = {
    sdk::field<&ExperienceParameters::journey_steps>(
        "journey_steps", nullptr,
        "the journey steps in their order (discover, subscribe, ...): the "
        "order of the journey curve and of the touchpoint matrix"),
    sdk::custom<ExperienceParameters>(
        VIGIE_OPTION_MAP, "step_pages", nullptr,
        "the web pages of each journey step, by step name, as page patterns "
        "(* matches anything, alternatives separated by |); a page goes to "
        "the step of its most specific matching alternative",
        &bind_step_pages),
    sdk::custom<ExperienceParameters>(
        VIGIE_OPTION_MAP, "step_actions", nullptr,
        "the web actions of each journey step, by step name, as patterns of "
        "action codes",
        &bind_step_actions),
    sdk::custom<ExperienceParameters>(
        VIGIE_OPTION_MAP, "step_call_reasons", nullptr,
        "the call reasons of each journey step, by step name, as patterns "
        "of reason codes",
        &bind_step_call_reasons),
    sdk::custom<ExperienceParameters>(
        VIGIE_OPTION_MAP, "step_order_channels", nullptr,
        "the order channels whose purchases count at each journey step, by "
        "step name, as patterns of channel names",
        &bind_step_order_channels),
    sdk::field<&ExperienceParameters::irritant_csat_below>(
        "irritant_csat_below", "0.7",
        "a cell is an irritant when its csat is below this share")
        .at_least(0)
        .at_most(1),
    sdk::field<&ExperienceParameters::irritant_min_answers>(
        "irritant_min_answers", "30",
        "and it has at least this many csat answers")
        .at_least(1),
};

// The columns each KPI reads.
constexpr const char* kNpsReads[] = {"surveys.ts", "surveys.nps"};
constexpr const char* kCsatReads[] = {"surveys.ts", "surveys.csat",
                                      "calls.started_at", "calls.direction",
                                      "calls.csat"};
constexpr const char* kCurveReads[] = {
    "surveys.ts",  "surveys.step",     "surveys.channel", "surveys.csat",
    "surveys.nps", "calls.started_at", "calls.direction", "calls.csat"};
constexpr const char* kMatrixReads[] = {
    "surveys.ts",          "surveys.step",         "surveys.channel",
    "surveys.csat",        "surveys.nps",          "calls.started_at",
    "calls.direction",     "calls.csat",           "calls.reason",
    "sessions.started_at", "sessions.device",      "sessions.first_event",
    "sessions.events",     "session_events.event", "web_events.page",
    "web_events.action",   "orders.order_id",      "orders.ordered_at",
    "orders.amount",       "orders.channel"};

constexpr vigie_column kTouchpointColumns[] = {
    sdk::column("step", Type::String),
    sdk::column("channel", Type::String),
    sdk::column("volume", Type::Int64, "count"),
    sdk::column("answers", Type::Int64, "count"),
    sdk::column("csat_answers", Type::Int64, "count"),
    sdk::column("csat", Type::Double, "ratio"),
    sdk::column("nps", Type::Double, "score"),
};
constexpr vigie_column kIrritantColumns[] = {
    sdk::column("step", Type::String),
    sdk::column("channel", Type::String),
    sdk::column("csat", Type::Double, "ratio"),
    sdk::column("csat_answers", Type::Int64, "count"),
    sdk::column("nps", Type::Double, "score"),
    sdk::column("volume", Type::Int64, "count"),
};
constexpr vigie_column kCurveColumns[] = {
    sdk::column("step", Type::String),
    sdk::column("answers", Type::Int64, "count"),
    sdk::column("csat", Type::Double, "ratio"),
    sdk::column("nps", Type::Double, "score"),
    sdk::column("previous_answers", Type::Int64, "count"),
    sdk::column("previous_csat", Type::Double, "ratio"),
    sdk::column("previous_nps", Type::Double, "score"),
};

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("nps", "NPS", "score",
                   "100 x (answers 9-10 - answers 0-6) / answers with an nps",
                   &nps)
        .reading(kNpsReads),
    value_kpi<Run>("csat", "CSAT", "ratio",
                   "share of csat answers (surveys and inbound calls) that "
                   "are 4 or 5",
                   &csat)
        .reading(kCsatReads),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "touchpoints", "Touchpoint matrix", "",
                   "each journey step and channel of P: volume (sessions, "
                   "inbound calls, purchases), answers, csat and nps",
                   kTouchpointColumns, &touchpoints)
        .reading(kMatrixReads),
    // A table, not an operational list: the engine's lists are lists of
    // customers (a customer_id column, consent, pseudonyms); this one is a
    // list of cells, shown by a table block of the operational report.
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "irritants", "Irritants", "",
                   "cells of the matrix whose csat is below the threshold "
                   "with enough answers, the worst first",
                   kIrritantColumns, &irritants)
        .reading(kMatrixReads),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "journey_curve", "Journey curve", "",
                   "csat and nps of each journey step, in P and P'",
                   kCurveColumns, &journey_curve)
        .reading(kCurveReads),
};

constexpr vigie_input kInputs[] = {
    sdk::input("surveys", true),   sdk::input("calls", false),
    sdk::input("orders", false),   sdk::input("web_events", false),
    sdk::input("sessions", false), sdk::input("session_events", false),
};

}  // namespace
}  // namespace vigie::experience

VIGIE_KPI_INDICATOR_PLUGIN(vigie::experience::Run, "experience", "1.0.0",
                           "Customer experience: nps, csat, touchpoint "
                           "matrix with volume, irritants, journey curve",
                           vigie::experience::kOptions,
                           vigie::experience::kKpis, vigie::experience::kInputs)
