// Channel rebound: pairs (customer, action) of customers (the stitched
// person of a web event's visitor) on an action's topic on the web,
// rebounded by an inbound call about it within 48 h after (t < call <= t +
// 48 h), with the failed-journeys list. Every figure below is counted by
// hand from the rows of rebound_data() and stitched_data().
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "self_care_fixture.hpp"

namespace vigie::testing {
namespace {

using ::testing::HasSubstr;

// The report period P = [day 0, day 10), after an empty P0 = [day -10,
// day 0). Topic pages of change_address: "/espace-client/demenagement*" or
// "*/adresse"; pay_invoice has no topic page.
SelfCareData rebound_data() {
  SelfCareData d;
  const char* ca = "change_address";
  const char* pi = "pay_invoice";
  // C01: act at day 1, call exactly 48 h later: rebound (inclusive bound).
  d.action(day(1), "C01", ca);
  d.call(day(1) + hours(48), "C01", "inbound", ca, "answered");
  // C02: act at day 1, call 48 h + 1 us later: no rebound.
  d.action(day(1), "C02", ca);
  d.call(day(1) + hours(48) + 1, "C02", "inbound", ca, "answered");
  // C03: act at day 1, call at the same microsecond: no rebound (strict).
  d.action(day(1), "C03", ca);
  d.call(day(1), "C03", "inbound", ca, "answered");
  // C04: a topic page (first pattern), abandoned call 1 h later: rebound,
  // any inbound call counts.
  d.page_view(day(2), "C04", "/espace-client/demenagement/etape-2");
  d.call(day(2) + hours(1), "C04", "inbound", ca, "abandoned");
  // C05: a topic page (second pattern), outbound call 1 h later: no.
  d.page_view(day(3), "C05", "/aide/adresse");
  d.call(day(3) + hours(1), "C05", "outbound", ca, "answered");
  // Anonymous visitors on the topic, and an anonymous call: no pair.
  d.page_view(day(4), nullptr, "/espace-client/demenagement");
  d.action(day(4), nullptr, ca);
  d.call(day(4) + hours(1), nullptr, "inbound", ca, "answered");
  // C06: act on the last day of P, call 12 h after the end of P (36 h
  // after the act): rebound, calls after the period count.
  d.action(day(9), "C06", ca);
  d.call(day(10) + hours(12), "C06", "inbound", ca, "answered");
  // C07: on both topics at day 5 (a topic page and a pay_invoice act), a
  // pay_invoice call 2 h later: (C07, pay_invoice) rebounds,
  // (C07, change_address) does not (the call's reason is another action).
  d.page_view(day(5), "C07", "/espace-client/demenagement");
  d.action(day(5), "C07", pi);
  d.call(day(5) + hours(2), "C07", "inbound", pi, "answered");
  // C08: two acts, at day 6 and 10 h later, one call 20 h after the first:
  // one pair, rebounded; the latest event the call follows is day 6 + 10 h.
  d.action(day(6), "C08", ca);
  d.action(day(6) + hours(10), "C08", ca);
  d.call(day(6) + hours(20), "C08", "inbound", ca, "answered");
  // C09: a page that only starts like a pattern ("*/adresse" must cover
  // the whole path) and a page of no topic: no pair, the call is ignored.
  d.page_view(day(7), "C09", "/adresse/aide");
  d.page_view(day(7), "C09", "/espace-client/factures");
  d.call(day(7) + hours(1), "C09", "inbound", ca, "answered");
  // C10: a topic page before P and a call inside P: the event is not in P,
  // so no pair in P (and none in the empty P0 either).
  d.page_view(day(-20), "C10", "/espace-client/demenagement");
  d.call(day(-20) + hours(1), "C10", "inbound", ca, "answered");
  return d;
}

class SelfCareRebound : public ::testing::Test {
 protected:
  void SetUp() override {
    results_ = run_self_care(standard_parameters(), rebound_data().datasets(),
                             {{day(-10), day(0)}, {day(0), day(10)}}, 1);
  }
  IndicatorRun results_;
};

TEST_F(SelfCareRebound, CountsPairsAndReboundsOfTheReportPeriod) {
  // change_address pairs in P: C01, C02, C03, C04, C05, C06, C07, C08 = 8;
  // rebounded: C01, C04, C06, C08 = 4.
  // pay_invoice pairs: C07 = 1; rebounded: C07 = 1.
  // rebound_rate = (4 + 1) / (8 + 1) = 5 / 9.
  EXPECT_DOUBLE_EQ(*results_.value("rebound_rate", 1), 5.0 / 9.0);
  const auto& table = results_.table("self_care_by_action");
  ASSERT_EQ(table.view().rows(), 3);
  const int64_t* pairs = table.column("pairs").ints();
  const int64_t* rebounded = table.column("rebounded").ints();
  const double* rate = table.column("rebound_rate").doubles();
  EXPECT_EQ(pairs[0], 8);
  EXPECT_EQ(rebounded[0], 4);
  EXPECT_DOUBLE_EQ(rate[0], 4.0 / 8.0);
  EXPECT_EQ(pairs[1], 1);
  EXPECT_EQ(rebounded[1], 1);
  EXPECT_DOUBLE_EQ(rate[1], 1.0);
  EXPECT_EQ(pairs[2], 0);  // report_meter: 0 / 0, no value
  EXPECT_FALSE(table.column("rebound_rate").is_valid(2));
}

TEST_F(SelfCareRebound, MeasuresCoverageByIdentifiedInboundCalls) {
  // Inbound calls started in P: C01 (day 3), C02 (day 3 + 1 us), C03,
  // C04 (abandoned), the anonymous one, C07, C08, C09 = 8 (C05's is
  // outbound, C06's after P, C10's before P); 7 carry a customer.
  EXPECT_DOUBLE_EQ(*results_.value("identified_call_share", 1), 7.0 / 8.0);
  // avoidable_calls: answered inbound change_address or pay_invoice calls in
  // P: C01, C02, C03, anonymous, C08, C09 (change_address) + C07
  // (pay_invoice) = 7; C04's was abandoned.
  EXPECT_EQ(results_.value("avoidable_calls", 1), 7.0);
  // online acts in P: change_address C01, C02, C03, anonymous, C06, C08 x2
  // = 7, pay_invoice C07 = 1; page views are not acts.
  EXPECT_EQ(results_.value("online_actions", 1), 8.0);
  // P0 = [day -10, day 0) holds no row: no pair, no call -> no rates.
  EXPECT_EQ(results_.value("rebound_rate", 0), std::nullopt);
  EXPECT_EQ(results_.value("identified_call_share", 0), std::nullopt);
}

TEST_F(SelfCareRebound, ListsTheFailedJourneysOfThePeriod) {
  const auto& list = results_.table("failed_journeys");
  ASSERT_EQ(list.view().rows(), 5);
  const auto& customer = list.column("customer_id");
  const auto& action = list.column("action");
  EXPECT_EQ(customer.type(), Type::String);
  EXPECT_EQ(list.column("last_web_event").type(), Type::Timestamp);
  EXPECT_EQ(list.column("call_at").type(), Type::Timestamp);
  const int64_t* last_web_event = list.column("last_web_event").ints();
  const int64_t* call_at = list.column("call_at").ints();
  const double* hours_between = list.column("hours_between").doubles();
  struct Row {
    const char* customer;
    const char* action;
    int64_t web_event;
    int64_t call;
    double hours;
  };
  // In customer id order, then action; hours = (call - web event) / 1 h.
  const Row expected[] = {
      {"C01", "change_address", day(1), day(3), 48.0},
      {"C04", "change_address", day(2), day(2) + hours(1), 1.0},
      // day 9 00:00 -> day 10 12:00 is 24 h + 12 h = 36 h.
      {"C06", "change_address", day(9), day(10) + hours(12), 36.0},
      {"C07", "pay_invoice", day(5), day(5) + hours(2), 2.0},
      // The latest event followed by the call: day 6 + 10 h; the call at
      // day 6 + 20 h is 10 h after it.
      {"C08", "change_address", day(6) + hours(10), day(6) + hours(20), 10.0},
  };
  for (int64_t i = 0; i < 5; ++i) {
    const Row& row = expected[i];
    EXPECT_EQ(customer.string_at(i), row.customer) << i;
    EXPECT_EQ(action.string_at(i), row.action) << i;
    EXPECT_EQ(last_web_event[i], row.web_event) << i;
    EXPECT_EQ(call_at[i], row.call) << i;
    EXPECT_DOUBLE_EQ(hours_between[i], row.hours) << i;
  }
}

TEST_F(SelfCareRebound, WarnsThatTheLatestWebEventsMayStillRebound) {
  // The latest call of the data (C06's) starts at day 10 + 12 h: 12 h
  // after the end of P, so events of P's last 48 - 12 = 36 h may rebound.
  ASSERT_EQ(results_.notes.count("rebound_rate"), 1u);
  const auto& notes = results_.notes.at("rebound_rate");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(notes[0], HasSubstr("stop 12 h after its end"));
  EXPECT_THAT(notes[0], HasSubstr("last 36 h"));
}

TEST(SelfCareReboundNote, IsWrittenInTheReportsLanguage) {
  // The same data as above: calls stop 12 h after P, 36 h still open.
  const auto run = run_indicator(
      "self_care", standard_parameters(), rebound_data().datasets(),
      {{day(-10), day(0)}, {day(0), day(10)}}, 1, {}, "fr_FR");
  const auto& notes = run.notes.at("rebound_rate");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_THAT(
      notes[0],
      HasSubstr("les données d'appels s'arrêtent 12 h après cette fin"));
  EXPECT_THAT(notes[0], HasSubstr("des 36 dernières heures"));
}

// The note is a message id of the engine's catalog (ABI 1.1), written by
// the engine in the report's language: the whole text, as reports print it.
TEST(SelfCareReboundNote, WholeTextInFrenchAndEnglish) {
  const std::vector<vigie_period> periods{{day(-10), day(0)},
                                          {day(0), day(10)}};
  const auto note = [&](const std::string& locale) {
    const auto run =
        run_indicator("self_care", standard_parameters(),
                      rebound_data().datasets(), periods, 1, {}, locale);
    return run.notes.at("rebound_rate").at(0);
  };
  EXPECT_EQ(note("en_GB"),
            "A call up to 48 h after a web event counts, even after the end "
            "of the period; the calls data stop 12 h after its end, so web "
            "events of the last 36 h of the period may still rebound.");
  EXPECT_EQ(note("fr_FR"),
            "Un appel jusqu'à 48 h après un événement web compte, même après "
            "la fin de la période ; les données d'appels s'arrêtent 12 h après "
            "cette fin, donc les événements web des 36 dernières heures de la "
            "période peuvent encore rebondir.");
}

TEST(SelfCareReboundNote, HoursKeepOneDecimalInTheLocale) {
  // P ends half an hour later: calls stop 11.5 h after it, 36.5 h open.
  const auto run = run_indicator(
      "self_care", standard_parameters(), rebound_data().datasets(),
      {{day(0), day(10) + hours(1) / 2}}, 0, {}, "fr_FR");
  EXPECT_THAT(run.notes.at("rebound_rate").at(0),
              HasSubstr("s'arrêtent 11,5 h après cette fin, donc les "
                        "événements web des 36,5 dernières heures"));
}

TEST(SelfCareReboundNote, CallsThatStopBeforeTheEndOfThePeriod) {
  // P runs to day 20; the latest call is at day 10 + 12 h.
  const std::vector<vigie_period> periods{{day(0), day(10)},
                                          {day(10), day(20)}};
  for (const auto& [locale, expected] :
       std::vector<std::pair<std::string, std::string>>{
           {"en_GB",
            "A call up to 48 h after a web event counts, even after the end "
            "of the period, but the calls data stop before its end: the "
            "latest web events may still rebound."},
           {"fr_FR",
            "Un appel jusqu'à 48 h après un événement web compte, même après "
            "la fin de la période, mais les données d'appels s'arrêtent "
            "avant cette fin : les derniers événements web peuvent encore "
            "rebondir."}}) {
    const auto run =
        run_indicator("self_care", standard_parameters(),
                      rebound_data().datasets(), periods, 1, {}, locale);
    EXPECT_EQ(run.notes.at("rebound_rate"), std::vector<std::string>{expected})
        << locale;
  }
}

TEST(SelfCareReboundWindow, FollowsTheReboundHoursParameter) {
  // With a 24 h window, C01's call 48 h after its act no longer rebounds,
  // nor C06's (36 h); C04 (1 h), C07 (2 h) and C08 (10 h) still do:
  // change_address C04, C08 = 2, pay_invoice C07 = 1: 3 of the 9 pairs.
  auto parameters = standard_parameters();
  parameters["rebound_hours"] = "24";
  auto results = run_self_care(parameters, rebound_data().datasets(),
                               {{day(0), day(10)}}, 0);
  EXPECT_DOUBLE_EQ(*results.value("rebound_rate", 0), 3.0 / 9.0);
  EXPECT_EQ(results.table("failed_journeys").view().rows(), 3);
}

// The customer of a web event is its visitor's stitched person at the end
// of the event's period (KPI-CATALOG.md, "Time" and section 3): the most
// frequent customer_id of the visitor's events before then, ties the
// smallest id in byte order. P0 = [day 0, day 10), P1 = [day 10, day 20).
SelfCareData stitched_data() {
  SelfCareData d;
  const char* ca = "change_address";
  // w1 views a topic page anonymously at day 1 and identifies as C20 at
  // day 3: at the end of P0 the view is C20's, and C20's call 10 h after
  // it rebounds (the view was anonymous when it happened).
  d.by_visitor("w1", [&] {
    d.page_view(day(1), nullptr, "/espace-client/demenagement");
    d.page_view(day(3), "C20", "/espace-client/factures");
  });
  d.call(day(1) + hours(10), "C20", "inbound", ca, "answered");
  // w2: one event as C9, one as C10, then an anonymous act: a tie won by
  // "C10" ("C10" < "C9" in byte order). Only C10 calls.
  d.by_visitor("w2", [&] {
    d.page_view(day(5), "C9", "/");
    d.page_view(day(6), "C10", "/");
    d.action(day(7), nullptr, ca);
  });
  d.call(day(7) + hours(1), "C10", "inbound", ca, "answered");
  // w3 changes person: C40 in P0, then a topic view at day 14 when C40 and
  // C41 are tied (C40 wins then), and C41 again at day 15: at the end of
  // P1 the view is C41's. C40 calls 2 h after each of its views.
  d.by_visitor("w3", [&] {
    d.page_view(day(2), "C40", "/");
    d.page_view(day(4), nullptr, "/aide/adresse");
    d.page_view(day(11), "C41", "/");
    d.page_view(day(14), nullptr, "/aide/adresse");
    d.page_view(day(15), "C41", "/");
  });
  d.call(day(4) + hours(2), "C40", "inbound", ca, "answered");
  d.call(day(14) + hours(2), "C40", "inbound", ca, "answered");
  return d;
}

TEST(SelfCareReboundStitching, AWebEventCountsForItsVisitorsStitchedCustomer) {
  const auto run =
      run_self_care(standard_parameters(), stitched_data().datasets(),
                    {{day(0), day(10)}, {day(10), day(20)}}, 0);
  // P0: (C20), (C10) and (C40) on change_address, each followed by its
  // customer's call: 3 / 3. P1: (C41) alone, and no call of C41: 0 / 1.
  EXPECT_EQ(run.value("rebound_rate", 0), 1.0);
  EXPECT_EQ(run.value("rebound_rate", 1), 0.0);
  const auto& table = run.table("self_care_by_action");
  EXPECT_EQ(table.column("pairs").ints()[0], 3);
  EXPECT_EQ(table.column("rebounded").ints()[0], 3);

  const auto& list = run.table("failed_journeys");
  ASSERT_EQ(list.view().rows(), 3);
  const auto& customer = list.column("customer_id");
  const int64_t* web_event = list.column("last_web_event").ints();
  const int64_t* call_at = list.column("call_at").ints();
  EXPECT_EQ(customer.string_at(0), "C10");
  EXPECT_EQ(web_event[0], day(7));
  EXPECT_EQ(call_at[0], day(7) + hours(1));
  EXPECT_EQ(customer.string_at(1), "C20");
  EXPECT_EQ(web_event[1], day(1));
  EXPECT_EQ(call_at[1], day(1) + hours(10));
  EXPECT_EQ(customer.string_at(2), "C40");
  EXPECT_EQ(web_event[2], day(4));
  EXPECT_EQ(call_at[2], day(4) + hours(2));
}

TEST(SelfCareReboundStitching, ThePersonIsTheOneAtTheEndOfEachPeriod) {
  // Seen from P1 as the report period: its one pair is C41's, with no call.
  const auto run =
      run_self_care(standard_parameters(), stitched_data().datasets(),
                    {{day(0), day(10)}, {day(10), day(20)}}, 1);
  EXPECT_EQ(run.table("self_care_by_action").column("pairs").ints()[0], 1);
  EXPECT_EQ(run.table("failed_journeys").view().rows(), 0);
}

}  // namespace
}  // namespace vigie::testing
