// The self-care indicator's descriptor: its parameters, KPIs and inputs.
#include "self_care_indicator.hpp"
#include "vigie/sdk.hpp"

namespace {

using vigie::sdk::input;
using vigie::sdk::option;
using vigie::sdk::output;
namespace kpi = vigie::self_care::kpi;

constexpr vigie_option kOptions[] = {
    option(VIGIE_OPTION_MAP, "action_costs", nullptr, true,
           "offline unit cost of each self-care action, by action code "
           "(the web `action` and the call `reason`)"),
    option(VIGIE_OPTION_MAP, "online_costs", nullptr, false,
           "unit cost of serving an action online, by action code "
           "(default 0)"),
    option(VIGIE_OPTION_MAP, "topic_pages", nullptr, false,
           "pages on each action's topic, by action code: patterns where * "
           "matches anything, matched against the whole page path, "
           "alternatives separated by |"),
    option(VIGIE_OPTION_NUMBER, "rebound_hours", "48", false,
           "a call within this many hours after a web event on its topic is "
           "a rebound"),
};

constexpr vigie_output kOutputs[] = {
    output(VIGIE_OUTPUT_VALUE, kpi::kSavings, "Self-care savings", "currency",
           "online acts times (offline cost - online cost), over the actions"),
    output(VIGIE_OUTPUT_VALUE, kpi::kDigitalAdoption, "Digital adoption",
           "ratio", "online acts / (online acts + answered inbound calls)"),
    output(VIGIE_OUTPUT_VALUE, kpi::kAvoidableCalls, "Avoidable calls", "count",
           "answered inbound calls whose reason is a self-care action",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, kpi::kAvoidableCost, "Avoidable cost",
           "currency", "avoidable calls times their offline unit cost",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, kpi::kReboundRate, "Channel rebound rate",
           "ratio",
           "share of (customer, action) web journeys followed by a call on "
           "the same action within the rebound window",
           VIGIE_BETTER_LOWER),
    output(VIGIE_OUTPUT_VALUE, kpi::kIdentifiedCallShare,
           "Identified inbound calls", "ratio",
           "share of inbound calls that carry a customer_id (the coverage of "
           "the rebound rate)"),
    output(VIGIE_OUTPUT_VALUE, kpi::kOnlineActions, "Online self-care acts",
           "count", "`action` web events of the cost table's actions"),
    output(VIGIE_OUTPUT_TABLE, kpi::kByAction, "Self-care by action", "",
           "online, offline, adoption, costs and rebound of each action"),
    output(VIGIE_OUTPUT_LIST, kpi::kFailedJourneys, "Failed self-care journeys",
           "",
           "customers who were on an action's topic on the web and called "
           "about it within the rebound window"),
};

constexpr vigie_input kInputs[] = {
    input("web_events", true),
    input("calls", true),
};

}  // namespace

VIGIE_INDICATOR_PLUGIN(vigie::self_care::SelfCareIndicator, "self_care",
                       "1.0.0",
                       "Self-care savings, digital adoption and channel "
                       "rebound",
                       kOptions, kOutputs, kInputs)
