// The self-care plugin loaded as the engine loads it: its descriptor, its
// parameter checks, and online / offline usage with the value KPIs and the
// by-action table computed by hand (KPI-CATALOG.md section 2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "plugin_host/plugin_error.hpp"
#include "self_care_fixture.hpp"
#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

using ::testing::HasSubstr;

TEST(SelfCarePlugin, DescribesItselfAsAnIndicatorOfWebEventsAndCalls) {
  // The host's loader has checked the ABI already; the descriptor is read
  // as the engine reads it.
  auto library = load_plugin("self_care");
  const auto& info = library->info();
  EXPECT_EQ(info.kind, VIGIE_KIND_INDICATOR);
  EXPECT_STREQ(info.name, "self_care");
  EXPECT_EQ(info.abi_major, VIGIE_ABI_MAJOR);
  ASSERT_EQ(info.input_count, 3u);
  EXPECT_STREQ(info.inputs[0].dataset, "web_events");
  EXPECT_EQ(info.inputs[0].required, 1);
  EXPECT_STREQ(info.inputs[1].dataset, "calls");
  EXPECT_EQ(info.inputs[1].required, 1);
  // The engine's identity stitching: the customer of a web event.
  EXPECT_STREQ(info.inputs[2].dataset, "visitor_links");
  EXPECT_EQ(info.inputs[2].required, 1);

  std::map<std::string, int32_t> kinds;
  for (uint32_t i = 0; i < info.output_count; ++i)
    kinds[info.outputs[i].id] = info.outputs[i].kind;
  std::map<std::string, int32_t> expected{
      {"self_care_savings", VIGIE_OUTPUT_VALUE},
      {"digital_adoption", VIGIE_OUTPUT_VALUE},
      {"avoidable_calls", VIGIE_OUTPUT_VALUE},
      {"avoidable_cost", VIGIE_OUTPUT_VALUE},
      {"rebound_rate", VIGIE_OUTPUT_VALUE},
      {"identified_call_share", VIGIE_OUTPUT_VALUE},
      {"online_actions", VIGIE_OUTPUT_VALUE},
      {"self_care_by_action", VIGIE_OUTPUT_TABLE},
      {"failed_journeys", VIGIE_OUTPUT_LIST}};
  EXPECT_EQ(kinds, expected);

  std::map<std::string, const vigie_option*> options;
  for (uint32_t i = 0; i < info.option_count; ++i)
    options[info.options[i].key] = &info.options[i];
  ASSERT_EQ(options.size(), 4u);
  EXPECT_EQ(options["action_costs"]->type, VIGIE_OPTION_MAP);
  EXPECT_EQ(options["action_costs"]->required, 1);
  EXPECT_EQ(options["online_costs"]->type, VIGIE_OPTION_MAP);
  EXPECT_EQ(options["topic_pages"]->type, VIGIE_OPTION_MAP);
  EXPECT_STREQ(options["rebound_hours"]->default_value, "48");
}

TEST(SelfCarePlugin, RefusesParametersItCannotUse) {
  struct Case {
    std::map<std::string, std::string> parameters;
    std::string message;
  };
  const Case cases[] = {
      {{}, "action_costs"},
      {{{"action_costs.change_address", "cheap"}},
       "action_costs.change_address"},
      {{{"action_costs.change_address", "-1"}}, "action_costs.change_address"},
      {{{"action_costs.change_address", "4.2"},
        {"online_costs.pay_invoice", "0.1"}},
       "pay_invoice"},
      {{{"action_costs.change_address", "4.2"},
        {"topic_pages.pay_invoice", "/factures*"}},
       "pay_invoice"},
      {{{"action_costs.change_address", "4.2"},
        {"topic_pages.change_address", "/a||/b"}},
       "empty alternative"},
      {{{"action_costs.change_address", "4.2"}, {"rebound_hours", "0"}},
       "rebound_hours"},
      // Past the decimal range: refused, not rounded to some other number.
      {{{"action_costs.change_address", "1e15"}}, "too large"},
  };
  // The host refuses an instance whatever the failing status (it makes no
  // retryable case of create); what it keeps is the plugin's message.
  for (const auto& c : cases) {
    std::optional<std::string> message =
        parameters_refusal("self_care", c.parameters);
    ASSERT_TRUE(message.has_value()) << c.message;
    EXPECT_THAT(*message, HasSubstr(c.message));
  }
}

TEST(SelfCarePlugin, FailsWhenARequiredColumnIsMissing) {
  Table web;
  web.add("ts", Type::Timestamp);
  Table calls;
  calls.add("started_at", Type::Timestamp);
  NamedTables datasets;
  datasets.emplace_back("web_events", std::move(web));
  datasets.emplace_back("calls", std::move(calls));
  try {
    run_self_care(standard_parameters(), std::move(datasets),
                  {{day(0), day(10)}}, 0);
    FAIL() << "expected an error";
  } catch (const plugin_host::PluginError& e) {
    // The first missing column a KPI reaches is named (which one depends
    // on the order the KPIs run in).
    EXPECT_THAT(e.what(), HasSubstr("web_events has no column '"));
  }
}

// A cost that fits a decimal, times a count of acts, may not: the KPI then
// fails by name instead of showing a sum that wrapped around to negative.
TEST(SelfCarePlugin, SavingsPastTheDecimalRangeFailNamingTheKpi) {
  auto parameters = standard_parameters();
  parameters["action_costs.change_address"] = "900000000000000";  // 9e14
  SelfCareData d;
  d.action(day(1), "C1", "change_address");
  d.action(day(2), "C2", "change_address");
  try {
    run_self_care(parameters, d.datasets(), {{day(0), day(10)}}, 0);
    FAIL() << "expected an error";
  } catch (const plugin_host::PluginError& e) {
    EXPECT_THAT(e.what(), HasSubstr("self_care_savings: the exact total is "
                                    "beyond the range"));
  }
  // One act fits: 9e14 - 0.30 exactly.
  SelfCareData one;
  one.action(day(1), "C1", "change_address");
  auto results =
      run_self_care(parameters, one.datasets(), {{day(0), day(10)}}, 0);
  EXPECT_DOUBLE_EQ(*results.value("self_care_savings", 0),
                   900000000000000.0 - 0.30);
}

// Two periods of 10 days: P0 = [day 0, day 10), P1 = [day 10, day 20), the
// report period. Customers C1, C2, C3; nullptr is anonymous.
SelfCareData usage_data() {
  SelfCareData d;
  // Web events.
  d.action(day(0), nullptr, "change_address");   // P0 (start inclusive)
  d.action(day(10) - 1, "C1", "pay_invoice");    // P0 (last microsecond)
  d.action(day(10), "C1", "change_address");     // P1 (start inclusive)
  d.action(day(12), nullptr, "change_address");  // P1, anonymous counts
  d.action(day(13), "C2", "pay_invoice");        // P1
  d.action(day(20), "C2", "change_address");     // after P1 (end excluded)
  d.event(day(14), "C3", "page_view", nullptr, "change_address");  // no act
  d.action(day(14), "C3", "unknown_action");  // not in the cost table
  d.action(day(15), "C3", nullptr);           // no action code
  d.event(day(15), "C3", "conversion", nullptr, "change_address");  // no act
  // Calls.
  d.call(day(0), "C1", "inbound", "change_address", "answered");  // P0
  // P1; a null direction counts as inbound.
  d.call(day(10), nullptr, nullptr, "pay_invoice", "answered");
  d.call(day(11), "C2", "inbound", "change_address", "answered");       // P1
  d.call(day(11), "C1", "outbound", "change_address", "answered");      // out
  d.call(day(12), "C3", "inbound", "change_address", "abandoned");      // P1
  d.call(day(20), "C1", "inbound", "change_address", "answered");       // after
  d.call(day(15), nullptr, "inbound", "billing_question", "answered");  // P1
  d.call(day(16), "C2", "inbound", nullptr, "answered");                // P1
  return d;
}

TEST(SelfCarePlugin, ComputesEveryValueKpiForEveryPeriod) {
  auto results = run_self_care(standard_parameters(), usage_data().datasets(),
                               {{day(0), day(10)}, {day(10), day(20)}}, 1);

  // Seven value KPIs, each with a value for each of the two periods (the
  // host keeps one entry a period, so a value emitted twice is not seen).
  EXPECT_EQ(results.values.size(), 7u);
  for (const auto& [kpi, series] : results.values) {
    ASSERT_EQ(series.size(), 2u) << kpi;
    EXPECT_TRUE(series[0].has_value()) << kpi;
    EXPECT_TRUE(series[1].has_value()) << kpi;
  }

  // P1. online: change_address 2 (day 10, day 12), pay_invoice 1 (day 13);
  // the page_view, conversion, unknown and code-less acts do not count, nor
  // the act at day 20. offline: change_address 1 (day 11 C2; the outbound
  // call and the abandoned one are out), pay_invoice 1 (day 10, direction
  // null counts as inbound).
  // online_actions = 2 + 1 = 3.
  EXPECT_EQ(results.value("online_actions", 1), 3.0);
  // avoidable_calls = 1 + 1 = 2.
  EXPECT_EQ(results.value("avoidable_calls", 1), 2.0);
  // savings = 2 * (4.20 - 0.30) + 1 * (2.50 - 0) = 7.80 + 2.50 = 10.30.
  EXPECT_DOUBLE_EQ(*results.value("self_care_savings", 1), 10.30);
  // avoidable_cost = 1 * 4.20 + 1 * 2.50 = 6.70.
  EXPECT_DOUBLE_EQ(*results.value("avoidable_cost", 1), 6.70);
  // digital_adoption = 3 / (3 + 2) = 0.6.
  EXPECT_DOUBLE_EQ(*results.value("digital_adoption", 1), 0.6);
  // Inbound calls of P1: day 10 (null direction), day 11 C2, day 12 C3
  // (abandoned), day 15 (other reason), day 16 C2 (no reason) = 5; with a
  // customer: C2, C3, C2 = 3. identified_call_share = 3 / 5 = 0.6.
  EXPECT_DOUBLE_EQ(*results.value("identified_call_share", 1), 0.6);
  // Pairs of P1 by identified customers: (C1, change_address) at day 10 and
  // (C2, pay_invoice) at day 13 (C3's events are on no topic). C1's only
  // change_address call after day 10 is at day 20 (10 days later), C2 never
  // calls about pay_invoice: 0 rebounded / 2 pairs = 0.
  EXPECT_EQ(results.value("rebound_rate", 1), 0.0);

  // P0. online: change_address 1 (day 0), pay_invoice 1 (day 10 - 1 us);
  // offline: change_address 1 (day 0 C1). Inbound calls: 1, identified.
  EXPECT_EQ(results.value("online_actions", 0), 2.0);
  EXPECT_EQ(results.value("avoidable_calls", 0), 1.0);
  // savings = 1 * 3.90 + 1 * 2.50 = 6.40; avoidable_cost = 1 * 4.20.
  EXPECT_DOUBLE_EQ(*results.value("self_care_savings", 0), 6.40);
  EXPECT_DOUBLE_EQ(*results.value("avoidable_cost", 0), 4.20);
  // digital_adoption = 2 / (2 + 1).
  EXPECT_DOUBLE_EQ(*results.value("digital_adoption", 0), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*results.value("identified_call_share", 0), 1.0);
  // One pair (C1, pay_invoice) at day 10 - 1 us; no pay_invoice call of
  // C1 (the day-10 one is anonymous): 0 / 1.
  EXPECT_EQ(results.value("rebound_rate", 0), 0.0);
}

TEST(SelfCarePlugin, TabulatesEachActionOfTheCostTableForTheReportPeriod) {
  auto results = run_self_care(standard_parameters(), usage_data().datasets(),
                               {{day(0), day(10)}, {day(10), day(20)}}, 1);
  const auto& table = results.table("self_care_by_action");
  ASSERT_EQ(table.view().rows(), 3);
  // Rows in action code order: change_address, pay_invoice, report_meter.
  const auto& action = table.column("action");
  EXPECT_EQ(action.string_at(0), "change_address");
  EXPECT_EQ(action.string_at(1), "pay_invoice");
  EXPECT_EQ(action.string_at(2), "report_meter");
  const int64_t* online = table.column("online").ints();
  const int64_t* offline = table.column("offline").ints();
  EXPECT_EQ(online[0], 2);
  EXPECT_EQ(offline[0], 1);
  EXPECT_EQ(online[1], 1);
  EXPECT_EQ(offline[1], 1);
  EXPECT_EQ(online[2], 0);
  EXPECT_EQ(offline[2], 0);
  // digital_adoption: 2 / 3, 1 / 2, and no value for 0 / 0.
  const auto& adoption = table.column("digital_adoption");
  EXPECT_DOUBLE_EQ(adoption.doubles()[0], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(adoption.doubles()[1], 0.5);
  EXPECT_FALSE(adoption.is_valid(2));
  // Money in Decimal (10^-4 units): unit costs 4.20, 2.50, 3.00; savings
  // 2 * 3.90 = 7.80, 1 * 2.50, 0; avoidable_cost 1 * 4.20, 1 * 2.50, 0.
  const auto& unit_cost = table.column("unit_cost");
  EXPECT_EQ(unit_cost.type(), Type::Decimal);
  EXPECT_EQ(unit_cost.ints()[0], 42000);
  EXPECT_EQ(unit_cost.ints()[1], 25000);
  EXPECT_EQ(unit_cost.ints()[2], 30000);
  const int64_t* savings = table.column("savings").ints();
  EXPECT_EQ(savings[0], 78000);
  EXPECT_EQ(savings[1], 25000);
  EXPECT_EQ(savings[2], 0);
  const int64_t* avoidable = table.column("avoidable_cost").ints();
  EXPECT_EQ(avoidable[0], 42000);
  EXPECT_EQ(avoidable[1], 25000);
  EXPECT_EQ(avoidable[2], 0);
  // Pairs: (C1, change_address) and (C2, pay_invoice), none rebounded.
  const int64_t* pairs = table.column("pairs").ints();
  const int64_t* rebounded = table.column("rebounded").ints();
  EXPECT_EQ(pairs[0], 1);
  EXPECT_EQ(pairs[1], 1);
  EXPECT_EQ(pairs[2], 0);
  EXPECT_EQ(rebounded[0], 0);
  EXPECT_EQ(rebounded[1], 0);
  const auto& rate = table.column("rebound_rate");
  EXPECT_EQ(rate.doubles()[0], 0.0);
  EXPECT_EQ(rate.doubles()[1], 0.0);
  EXPECT_FALSE(rate.is_valid(2));

  EXPECT_EQ(results.table("failed_journeys").view().rows(), 0);
}

TEST(SelfCarePlugin, RatesOfAnEmptyPeriodHaveNoValueAndCountsAreZero) {
  // P0 = [day -10, day 0) holds no row at all; P1 is the usage data's P0.
  auto results = run_self_care(standard_parameters(), usage_data().datasets(),
                               {{day(-10), day(0)}, {day(0), day(10)}}, 1);
  // 0 / (0 + 0), 0 pairs, 0 inbound calls: no value, never 0.
  EXPECT_EQ(results.value("digital_adoption", 0), std::nullopt);
  EXPECT_EQ(results.value("rebound_rate", 0), std::nullopt);
  EXPECT_EQ(results.value("identified_call_share", 0), std::nullopt);
  // Sums over nothing are 0.
  EXPECT_EQ(results.value("self_care_savings", 0), 0.0);
  EXPECT_EQ(results.value("avoidable_calls", 0), 0.0);
  EXPECT_EQ(results.value("avoidable_cost", 0), 0.0);
  EXPECT_EQ(results.value("online_actions", 0), 0.0);
  // The report period still has its values (2 acts, see above).
  EXPECT_EQ(results.value("online_actions", 1), 2.0);
}

TEST(SelfCarePlugin, AcceptsDatasetsWithoutTheOptionalColumns) {
  // web_events with ts and event_type only, calls with started_at and
  // outcome only: no action, no reason, no customer -> nothing to count but
  // the inbound calls (direction absent = inbound). The rebound needs the
  // visitors and their links, which the engine always gives: not asked.
  Table web;
  web.add("ts", Type::Timestamp).push_int(day(1));
  auto& type = web.add("event_type", Type::Dictionary);
  auto pool = std::make_shared<StringPool>();
  pool->append("action");
  type.dictionary = pool;
  type.push_code(0);
  Table calls;
  calls.add("started_at", Type::Timestamp).push_int(day(1));
  auto& outcome = calls.add("outcome", Type::Dictionary);
  auto outcomes = std::make_shared<StringPool>();
  outcomes->append("answered");
  outcome.dictionary = outcomes;
  outcome.push_code(0);
  NamedTables datasets;
  datasets.emplace_back("web_events", std::move(web));
  datasets.emplace_back("calls", std::move(calls));
  auto results = run_indicator("self_care", standard_parameters(),
                               std::move(datasets), {{day(0), day(10)}}, 0,
                               {"online_actions", "avoidable_calls",
                                "digital_adoption", "identified_call_share"});
  EXPECT_EQ(results.value("online_actions", 0), 0.0);
  EXPECT_EQ(results.value("avoidable_calls", 0), 0.0);
  EXPECT_EQ(results.value("digital_adoption", 0), std::nullopt);
  // 1 inbound call, 0 identified: 0 / 1 = 0.
  EXPECT_EQ(results.value("identified_call_share", 0), 0.0);
}

}  // namespace
}  // namespace vigie::testing
