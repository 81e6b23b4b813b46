// The web-analytics indicator (KPI-CATALOG.md section 3, choices in
// docs/kpi-choices.md "Web analytics (section 3)"): its options, KPIs and
// inputs, each declared once. A KPI reads exactly the columns it declares:
// those of web_events it reads itself and those of the derived datasets it
// takes (what the engine reads to build them is the engine's affair).
#include "vigie/sdk.hpp"
#include "web_run.hpp"

namespace vigie::web_analytics {
namespace {

using sdk::table_kpi;
using sdk::value_kpi;

constexpr sdk::Option<WebParameters> kOptions[] = {
    sdk::custom<WebParameters>(
        VIGIE_OPTION_MAP, "page_groups", nullptr,
        "the pages of each page group, by group name: patterns where * "
        "matches anything, matched against the whole page path, "
        "alternatives separated by |; a page in several groups goes to "
        "the most specific alternative",
        &bind_page_groups),
    sdk::custom<WebParameters>(
        VIGIE_OPTION_MAP, "life_moments", nullptr,
        "the pages of each life moment (moving, termination, ...), by "
        "moment name, as page patterns; a page may be in several",
        &bind_life_moments),
    sdk::custom<WebParameters>(
        VIGIE_OPTION_MAP, "life_moment_actions", nullptr,
        "the suggested action of each life moment, by moment name",
        &bind_moment_actions),
    sdk::field<&WebParameters::life_moment_days>(
        "life_moment_days", "14",
        "the life-moment list holds the views of the last this many days "
        "before the end of the report period")
        .at_least(1)
        .at_most(3660),
    sdk::field<&WebParameters::top_paths>("top_paths", "10",
                                          "rows of the typical-paths table")
        .at_least(1)
        .at_most(1000),
    sdk::field<&WebParameters::path_length>("path_length", "4",
                                            "page groups a typical path keeps")
        .at_least(1),
};

// The columns each KPI reads.
constexpr const char* kSessionCount[] = {"sessions.started_at"};
constexpr const char* kBounces[] = {
    "sessions.started_at", "sessions.events", "sessions.first_event",
    "session_events.event", "web_events.event_type"};
constexpr const char* kPageViews[] = {"sessions.started_at",
                                      "sessions.page_views"};
constexpr const char* kDurations[] = {"sessions.started_at",
                                      "sessions.ended_at"};
constexpr const char* kDevices[] = {"sessions.started_at", "sessions.device"};
constexpr const char* kPaths[] = {
    "sessions.started_at",  "sessions.events",       "sessions.first_event",
    "session_events.event", "web_events.event_type", "web_events.page"};
constexpr const char* kVisitors[] = {"web_events.ts", "web_events.visitor_id"};
constexpr const char* kPeople[] = {
    "web_events.ts", "web_events.visitor_id", "visitor_links.visitor_id",
    "visitor_links.customer_id", "visitor_links.since"};
constexpr const char* kLoadTimes[] = {"web_events.ts", "web_events.event_type",
                                      "web_events.load_time_ms"};
constexpr const char* kGroupLoadTimes[] = {
    "web_events.ts", "web_events.event_type", "web_events.page",
    "web_events.load_time_ms"};
constexpr const char* kCrossDevice[] = {"web_events.ts",
                                        "web_events.visitor_id",
                                        "web_events.device",
                                        "visitor_links.visitor_id",
                                        "visitor_links.customer_id",
                                        "visitor_links.since"};
constexpr const char* kMoments[] = {"web_events.ts",
                                    "web_events.visitor_id",
                                    "web_events.event_type",
                                    "web_events.page",
                                    "visitor_links.visitor_id",
                                    "visitor_links.customer_id",
                                    "visitor_links.since"};

constexpr vigie_column kLoadTimeByGroupColumns[] = {
    sdk::column("group", Type::String),
    sdk::column("page_views", Type::Int64, "count"),
    sdk::column("p50", Type::Int64, "ms"),
    sdk::column("p95", Type::Int64, "ms"),
};
constexpr vigie_column kVisitsByDeviceColumns[] = {
    sdk::column("device", Type::String),
    sdk::column("visits", Type::Int64, "count"),
    sdk::column("share", Type::Double, "ratio"),
};
constexpr vigie_column kLifeMomentColumns[] = {
    sdk::column("moment", Type::String),
    sdk::column("customers", Type::Int64, "count"),
    sdk::column("previous_customers", Type::Int64, "count"),
};
constexpr vigie_column kLifeMomentListColumns[] = {
    sdk::column("customer_id", Type::String),
    sdk::column("moment", Type::String),
    sdk::column("last_visit", Type::Timestamp),
    sdk::column("suggested_action", Type::String),
};
constexpr vigie_column kTopPathColumns[] = {
    sdk::column("path", Type::String),
    sdk::column("sessions", Type::Int64, "count"),
    sdk::column("share", Type::Double, "ratio"),
    sdk::column("ending_share", Type::Double, "ratio"),
};

constexpr sdk::Kpi<Run> kKpis[] = {
    value_kpi<Run>("visits", "Visits", "count",
                   "sessions whose first event is in the period", &visits)
        .reading(kSessionCount),
    value_kpi<Run>("unique_visitors", "Unique visitors", "count",
                   "distinct visitor_id with an event in the period",
                   &unique_visitors)
        .reading(kVisitors),
    value_kpi<Run>("unique_people", "Unique people", "count",
                   "distinct stitched persons (customer, else visitor) with "
                   "an event in the period",
                   &unique_people)
        .reading(kPeople),
    value_kpi<Run>("bounce_rate", "Bounce rate", "ratio",
                   "visits made of one page view / visits", &bounce_rate)
        .lower_is_better()
        .reading(kBounces),
    value_kpi<Run>("pages_per_visit", "Pages per visit", "multiple",
                   "page views of the visits / visits", &pages_per_visit)
        .reading(kPageViews),
    value_kpi<Run>(
        "avg_visit_duration", "Average visit duration", "seconds",
        "mean of last event - first event over the visits, in seconds",
        &avg_visit_duration)
        .reading(kDurations),
    value_kpi<Run>("load_time_p50", "Load time, median", "ms",
                   "nearest-rank 50th percentile of the page views' load time",
                   &load_time_p50)
        .lower_is_better()
        .reading(kLoadTimes),
    value_kpi<Run>("load_time_p95", "Load time, 95th percentile", "ms",
                   "nearest-rank 95th percentile of the page views' load time",
                   &load_time_p95)
        .lower_is_better()
        .reading(kLoadTimes),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "load_time_by_group",
                   "Load time by page group", "",
                   "page views, p50 and p95 load time (ms) of each page group",
                   kLoadTimeByGroupColumns, &load_time_by_group)
        .reading(kGroupLoadTimes),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "visits_by_device", "Visits by device",
                   "", "visits and share of visits of each device",
                   kVisitsByDeviceColumns, &visits_by_device)
        .reading(kDevices),
    value_kpi<Run>("cross_device_customers", "Cross-device customers", "count",
                   "customers with events on two or more devices in the "
                   "period",
                   &cross_device_customers)
        .reading(kCrossDevice),
    value_kpi<Run>("cross_device_share", "Cross-device share", "ratio",
                   "cross-device customers / customers with an event in the "
                   "period",
                   &cross_device_share)
        .reading(kCrossDevice),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "life_moments", "Life moments", "",
                   "customers who viewed a page of each life moment, in P "
                   "and P'",
                   kLifeMomentColumns, &life_moment_counts)
        .reading(kMoments),
    table_kpi<Run>(VIGIE_OUTPUT_LIST, "life_moment_list", "Life-moment list",
                   "",
                   "customers who viewed a life-moment page in the last days, "
                   "with the suggested action",
                   kLifeMomentListColumns, &life_moment_list)
        .reading(kMoments),
    table_kpi<Run>(VIGIE_OUTPUT_TABLE, "top_paths", "Typical paths", "",
                   "the most frequent paths through the page groups, with "
                   "their share of visits and of sessions ending in an act",
                   kTopPathColumns, &top_paths)
        .reading(kPaths),
};

constexpr vigie_input kInputs[] = {
    sdk::input("web_events", true),
    sdk::input("sessions", true),
    sdk::input("session_events", true),
    sdk::input("visitor_links", true),
};

}  // namespace
}  // namespace vigie::web_analytics

VIGIE_KPI_INDICATOR_PLUGIN(vigie::web_analytics::Run, "web_analytics", "1.0.0",
                           "Web analytics: audience, sessions, load time, "
                           "devices, life moments and typical paths",
                           vigie::web_analytics::kOptions,
                           vigie::web_analytics::kKpis,
                           vigie::web_analytics::kInputs)
