// Visits and their figures: a session belongs, whole, to the period of its
// first event; a gap of exactly 30 minutes does not split a session; a
// period without visits gives no rate. Figures counted by hand.
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

// August (empty), September (P'), October (P) 2026, UTC.
constexpr uint32_t kAug = 0, kSep = 1, kOct = 2;

WebLog sessions_data() {
  WebLog d;
  // v1: "/" at 10:00 and "/offres" exactly 30 min later: one session (2
  // page views, 1800 s); "/aide" 30 min + 1 us after that: a second
  // session, a bounce (one page view, 0 s).
  d.view(utc(2026, 10, 5, 10), "v1", "/");
  d.view(utc(2026, 10, 5, 10, 30), "v1", "/offres");
  d.view(utc(2026, 10, 5, 11) + 1, "v1", "/aide");
  // v2: a session begun on 30 September, running into 1 October (2 page
  // views and an action, 30 min): a visit of September only, though v2 is
  // a visitor of both months.
  d.view(utc(2026, 9, 30, 23, 50), "v2", "/");
  d.view(utc(2026, 10, 1, 0, 10), "v2", "/panier");
  d.act(utc(2026, 10, 1, 0, 20), "v2");
  // v3: a lone action on 10 October, no device: a visit, no bounce.
  d.act(utc(2026, 10, 10, 9), "v3", "action", "", "");
  return d;
}

TEST(WebSessions, ASessionIsAVisitOfThePeriodOfItsFirstEventOnly) {
  IndicatorRun run = run_web(sessions_data(), months(8, 10), kOct);
  EXPECT_EQ(run.value("visits", kOct), 3.0);  // v1 twice, v3
  EXPECT_EQ(run.value("visits", kSep), 1.0);  // v2, whole
  EXPECT_EQ(run.value("unique_visitors", kOct), 3.0);
  EXPECT_EQ(run.value("unique_visitors", kSep), 1.0);
}

TEST(WebSessions, BouncePagesAndDurationOfEachPeriod) {
  IndicatorRun run = run_web(sessions_data(), months(8, 10), kOct);
  // October: one bounce (v1's "/aide"); v3's lone action is none.
  EXPECT_DOUBLE_EQ(*run.value("bounce_rate", kOct), 1.0 / 3);
  EXPECT_DOUBLE_EQ(*run.value("pages_per_visit", kOct), 3.0 / 3);
  EXPECT_DOUBLE_EQ(*run.value("avg_visit_duration", kOct), 1800.0 / 3);
  // September: v2's session, with its October events (2 page views, 30
  // min).
  EXPECT_EQ(run.value("bounce_rate", kSep), 0.0);
  EXPECT_EQ(run.value("pages_per_visit", kSep), 2.0);
  EXPECT_EQ(run.value("avg_visit_duration", kSep), 1800.0);
}

TEST(WebSessions, AnEmptyPeriodGivesCountsOfZeroAndNoRate) {
  IndicatorRun run = run_web(sessions_data(), months(8, 10), kOct);
  EXPECT_EQ(run.value("visits", kAug), 0.0);
  EXPECT_EQ(run.value("unique_visitors", kAug), 0.0);
  EXPECT_EQ(run.value("bounce_rate", kAug), std::nullopt);
  EXPECT_EQ(run.value("pages_per_visit", kAug), std::nullopt);
  EXPECT_EQ(run.value("avg_visit_duration", kAug), std::nullopt);
  EXPECT_EQ(run.value("load_time_p50", kAug), std::nullopt);
  EXPECT_EQ(run.value("cross_device_share", kAug), std::nullopt);
}

TEST(WebSessions, AGapOfTheSpecSplitsWhereItSays) {
  // With a 60-minute gap, v1's three page views are one session.
  WebLog d;
  d.view(utc(2026, 10, 5, 10), "v1", "/");
  d.view(utc(2026, 10, 5, 10, 30), "v1", "/offres");
  d.view(utc(2026, 10, 5, 11) + 1, "v1", "/aide");
  IndicatorRun run = run_indicator("web_analytics", demo_parameters(),
                                   d.datasets(60), months(10, 10), 0);
  EXPECT_EQ(run.value("visits", 0), 1.0);
  EXPECT_EQ(run.value("pages_per_visit", 0), 3.0);
}

TEST(WebSessions, VisitsByDeviceAreThoseOfTheFirstEvent) {
  IndicatorRun run = run_web(sessions_data(), months(8, 10), kOct);
  const ViewedTable& devices = run.table("visits_by_device");
  ASSERT_EQ(devices.view().rows(), 2);
  EXPECT_EQ(devices.column("device").string_at(0), "desktop");
  EXPECT_EQ(devices.column("visits").ints()[0], 2);
  EXPECT_DOUBLE_EQ(devices.column("share").number_at(0), 2.0 / 3);
  EXPECT_EQ(devices.column("device").string_at(1), "(none)");
  EXPECT_EQ(devices.column("visits").ints()[1], 1);
}

}  // namespace
}  // namespace vigie::testing
