// The call-centre value KPIs of the hand-computed case of
// call_centre_fixture.hpp, every period (KPI-CATALOG.md section 6).
//
// P1 (days 10-20), inbound calls: C1 and C2 at day 11 09:00 (waits 20 and
// 21 s, handled 300 and 100 s), C1 abandoned at day 18 09:00 with no wait
// nor handling time, C2 at day 18 09:00:01 (5 s, 200 s), C3 at day 12
// (10 s, 400 s), the anonymous call of day 14 with no direction (30 s,
// 500 s), C4 at days 15 and 16 (0 s, 600 s; 40 s, 100 s), the abandoned
// call of day 17 without reason (45 s) and C5's answered call without
// reason (15 s, 120 s). C3's outbound call of day 13 is left out.
//   offered 10, answered 8, abandoned 2, abandonment 2/10.
//   service level (20 s): waits <= 20 among answered: 20, 5, 10, 0, 15 ->
//   5/10; with 21 s the 21 s wait counts too -> 6/10.
//   asa (20+21+5+10+30+0+40+15)/8 = 141/8; aht (300+100+200+400+500+600+
//   100+120)/8 = 2320/8.
//   fcr: judged are the answered calls of identified customers with a
//   reason: C1 d11 (repeated by C1's call exactly 7 days later), C2 d11
//   (its next call is 7 days and 1 s later: resolved), C2 d18, C3 d12 (the
//   outbound call is no repeat), C4 d15 (next call another reason), C4 d16:
//   5/6. The anonymous call and C5's reasonless call are not judged.
// P0 (days 0-10): C1 answered at day 5 (10 s, 200 s), C9 abandoned at day 6
// (100 s). offered 2, answered 1, abandoned 1, abandonment 1/2, service
// level 1/2, asa 10, aht 200; fcr 0/1: C1 calls again about the same
// reason 6 days 9 h later, in P1.
// P2 (days 20-30) has only an outbound call: counts 0, every rate and mean
// no value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "call_centre_fixture.hpp"
#include "support/load_plugin.hpp"

namespace vigie::testing {
namespace {

using ::testing::HasSubstr;

using Values = std::vector<std::optional<double>>;

TEST(CallCentrePlugin, DescribesItsKpisAndParameters) {
  auto library = load_plugin("call_centre");
  const auto& info = library->info();
  EXPECT_EQ(info.kind, VIGIE_KIND_INDICATOR);
  EXPECT_STREQ(info.name, "call_centre");
  ASSERT_EQ(info.input_count, 1u);
  EXPECT_STREQ(info.inputs[0].dataset, "calls");

  std::map<std::string, int32_t> kinds;
  for (uint32_t i = 0; i < info.output_count; ++i)
    kinds[info.outputs[i].id] = info.outputs[i].kind;
  const std::map<std::string, int32_t> expected{
      {"offered", VIGIE_OUTPUT_VALUE},
      {"answered", VIGIE_OUTPUT_VALUE},
      {"abandoned", VIGIE_OUTPUT_VALUE},
      {"abandonment_rate", VIGIE_OUTPUT_VALUE},
      {"service_level", VIGIE_OUTPUT_VALUE},
      {"asa", VIGIE_OUTPUT_VALUE},
      {"aht", VIGIE_OUTPUT_VALUE},
      {"fcr", VIGIE_OUTPUT_VALUE},
      {"calls_by_reason", VIGIE_OUTPUT_TABLE},
      {"calls_by_queue", VIGIE_OUTPUT_TABLE},
      {"top_reasons", VIGIE_OUTPUT_TABLE},
      {"online_reasons", VIGIE_OUTPUT_TABLE}};
  EXPECT_EQ(kinds, expected);

  std::map<std::string, const vigie_option*> options;
  for (uint32_t i = 0; i < info.option_count; ++i)
    options[info.options[i].key] = &info.options[i];
  ASSERT_EQ(options.size(), 4u);
  EXPECT_STREQ(options["service_level_seconds"]->default_value, "20");
  EXPECT_STREQ(options["repeat_window_days"]->default_value, "7");
  EXPECT_STREQ(options["top_reasons"]->default_value, "5");
  // self_care's cost table, same name and form, so one report-wide block
  // feeds both; optional here (only online_reasons uses it).
  EXPECT_EQ(options["action_costs"]->type, VIGIE_OPTION_MAP);
  EXPECT_EQ(options["action_costs"]->required, 0);
}

TEST(CallCentrePlugin, RefusesBadParameters) {
  EXPECT_TRUE(parameters_refusal("call_centre", {{"top_reasons", "0"}}));
  EXPECT_TRUE(parameters_refusal("call_centre", {{"repeat_window_days", "0"}}));
  EXPECT_TRUE(
      parameters_refusal("call_centre", {{"service_level_seconds", "-1"}}));
  EXPECT_TRUE(parameters_refusal("call_centre",
                                 {{"action_costs.change_address", "-1"}}));
  EXPECT_FALSE(parameters_refusal("call_centre", {}));
}

TEST(CallCentreValues, VolumesOfEveryPeriod) {
  const IndicatorRun run = run_call_centre({});
  EXPECT_EQ(run.values.at("offered"), (Values{2, 10, 0}));
  EXPECT_EQ(run.values.at("answered"), (Values{1, 8, 0}));
  EXPECT_EQ(run.values.at("abandoned"), (Values{1, 2, 0}));
  // An empty period has no rate, never 0.
  EXPECT_EQ(run.values.at("abandonment_rate"),
            (Values{1.0 / 2, 2.0 / 10, std::nullopt}));
}

TEST(CallCentreValues, ServiceLevelCountsAWaitOfExactlyTheThreshold) {
  const IndicatorRun at_20 = run_call_centre({});
  EXPECT_EQ(at_20.values.at("service_level"),
            (Values{1.0 / 2, 5.0 / 10, std::nullopt}));
  // One second more of threshold takes in the call that waited 21 s.
  const IndicatorRun at_21 = run_call_centre({{"service_level_seconds", "21"}});
  EXPECT_EQ(at_21.values.at("service_level"),
            (Values{1.0 / 2, 6.0 / 10, std::nullopt}));
  // The formula is printed with its threshold.
  ASSERT_EQ(at_21.notes.at("service_level").size(), 1u);
  EXPECT_THAT(at_21.notes.at("service_level")[0],
              HasSubstr("answered after a wait of at most 21 s / inbound "
                        "calls offered"));
}

TEST(CallCentreValues, SpeedOfAnswerAndHandlingTimeOfAnsweredCalls) {
  const IndicatorRun run = run_call_centre({});
  EXPECT_EQ(run.values.at("asa"), (Values{10.0, 141.0 / 8, std::nullopt}));
  EXPECT_EQ(run.values.at("aht"), (Values{200.0, 2320.0 / 8, std::nullopt}));
}

TEST(CallCentreValues, FirstContactResolutionRepeatWindowIsInclusive) {
  const IndicatorRun run = run_call_centre({});
  EXPECT_EQ(run.values.at("fcr"), (Values{0.0, 5.0 / 6, std::nullopt}));
  // The calls data stop on day 18, before P1's end: the note says the
  // latest calls may still be repeated.
  ASSERT_EQ(run.notes.at("fcr").size(), 1u);
  EXPECT_THAT(run.notes.at("fcr")[0], HasSubstr("up to 7 days"));
  EXPECT_THAT(run.notes.at("fcr")[0], HasSubstr("stop before its end"));
}

TEST(CallCentreValues, AShorterRepeatWindowResolvesMore) {
  // 6 days: C1's day-5 call (next one 6 days 9 h later) and C1's day-11
  // call (next one 7 days later) are both resolved.
  const IndicatorRun run = run_call_centre({{"repeat_window_days", "6"}});
  EXPECT_EQ(run.values.at("fcr"), (Values{1.0, 6.0 / 6, std::nullopt}));
}

TEST(CallCentreValues, ARepeatOneSecondPastTheWindowIsNone) {
  // C1 calls back 7 days and 1 s after its answered call: resolved; the
  // same call 1 s earlier, exactly 7 days after, is a repeat.
  for (const auto& [gap, resolved] :
       std::vector<std::pair<int64_t, double>>{{seconds(1), 1.0}, {0, 0.0}}) {
    CallsData d;
    d.call({day(11), "C1", "inbound", "q", "r", "answered", 1, 1});
    d.call({day(18) + gap, "C1", "inbound", "q", "r", "answered", 1, 1});
    const IndicatorRun run = run_call_centre({}, d, {"fcr"});
    // P1 judges both calls: the second is never repeated.
    EXPECT_EQ(run.value("fcr", 1), (1.0 + resolved) / 2) << gap;
  }
}

TEST(CallCentreValues, NoIdentifiedCallsNoFcr) {
  CallsData d;
  d.call({day(11), nullptr, "inbound", "q", "r", "answered", 1, 1});
  d.call({day(12), "C1", "inbound", "q", "r", "abandoned", 1, 0});
  d.call({day(13), "C2", "outbound", "q", "r", "answered", 1, 1});
  const IndicatorRun run = run_call_centre({}, d);
  EXPECT_EQ(run.values.at("fcr"),
            (Values{std::nullopt, std::nullopt, std::nullopt}));
  EXPECT_EQ(run.values.at("offered"), (Values{0, 2, 0}));
}

}  // namespace
}  // namespace vigie::testing
