// The web-analytics indicator's descriptor: its parameters, KPIs and
// inputs. The computation is in web_analytics_indicator.cpp and the files
// it calls.
#include "vigie/sdk.hpp"
#include "web_analytics_indicator.hpp"

namespace {

using vigie::sdk::input;
using vigie::sdk::option;
using vigie::sdk::output;
namespace kpi = vigie::web_analytics::kpi;

constexpr vigie_option kOptions[] = {
    option(VIGIE_OPTION_MAP, "page_groups", nullptr, false,
           "the pages of each page group, by group name: patterns where * "
           "matches anything, matched against the whole page path, "
           "alternatives separated by |; a page in several groups goes to "
           "the most specific alternative"),
    option(VIGIE_OPTION_MAP, "life_moments", nullptr, false,
           "the pages of each life moment (moving, termination, ...), by "
           "moment name, as page patterns; a page may be in several"),
    option(VIGIE_OPTION_MAP, "life_moment_actions", nullptr, false,
           "the suggested action of each life moment, by moment name"),
    option(VIGIE_OPTION_INT, "life_moment_days", "14", false,
           "the life-moment list holds the views of the last this many "
           "days before the end of the report period"),
    option(VIGIE_OPTION_INT, "top_paths", "10", false,
           "rows of the typical-paths table"),
    option(VIGIE_OPTION_INT, "path_length", "4", false,
           "page groups a typical path keeps"),
};

constexpr vigie_output kOutputs[] = {
    output(VIGIE_OUTPUT_VALUE, kpi::kVisits, "Visits", "count",
           "sessions whose first event is in the period"),
    output(VIGIE_OUTPUT_VALUE, kpi::kUniqueVisitors, "Unique visitors", "count",
           "distinct visitor_id with an event in the period"),
    output(VIGIE_OUTPUT_VALUE, kpi::kUniquePeople, "Unique people", "count",
           "distinct stitched persons (customer, else visitor) with an event "
           "in the period"),
    output(VIGIE_OUTPUT_VALUE, kpi::kBounceRate, "Bounce rate", "ratio",
           "visits made of one page view / visits", VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, kpi::kPagesPerVisit, "Pages per visit",
           "multiple", "page views of the visits / visits"),
    output(VIGIE_OUTPUT_VALUE, kpi::kAvgVisitDuration, "Average visit duration",
           "seconds",
           "mean of last event - first event over the visits, in seconds"),
    output(VIGIE_OUTPUT_VALUE, kpi::kLoadTimeP50, "Load time, median", "ms",
           "nearest-rank 50th percentile of the page views' load time",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, kpi::kLoadTimeP95, "Load time, 95th percentile",
           "ms", "nearest-rank 95th percentile of the page views' load time",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_TABLE, kpi::kLoadTimeByGroup, "Load time by page group",
           "", "page views, p50 and p95 load time (ms) of each page group"),
    output(VIGIE_OUTPUT_TABLE, kpi::kVisitsByDevice, "Visits by device", "",
           "visits and share of visits of each device"),
    output(VIGIE_OUTPUT_VALUE, kpi::kCrossDeviceCustomers,
           "Cross-device customers", "count",
           "customers with events on two or more devices in the period"),
    output(VIGIE_OUTPUT_VALUE, kpi::kCrossDeviceShare, "Cross-device share",
           "ratio",
           "cross-device customers / customers with an event in the period"),
    output(VIGIE_OUTPUT_TABLE, kpi::kLifeMoments, "Life moments", "",
           "customers who viewed a page of each life moment, in P and P'"),
    output(VIGIE_OUTPUT_LIST, kpi::kLifeMomentList, "Life-moment list", "",
           "customers who viewed a life-moment page in the last days, with "
           "the suggested action"),
    output(VIGIE_OUTPUT_TABLE, kpi::kTopPaths, "Typical paths", "",
           "the most frequent paths through the page groups, with their "
           "share of visits and of sessions ending in an act"),
};

constexpr vigie_input kInputs[] = {
    input("web_events", true),
    input("sessions", true),
    input("session_events", true),
    input("visitor_links", true),
};

}  // namespace

VIGIE_INDICATOR_PLUGIN(vigie::web_analytics::WebAnalyticsIndicator,
                       "web_analytics", "1.0.0",
                       "Web analytics: audience, sessions, load time, devices, "
                       "life moments and typical paths",
                       kOptions, kOutputs, kInputs)
