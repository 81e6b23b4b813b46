// Sessions and session_events built from hand-made web events, against
// hand-computed sessions: every boundary of KPI catalog section 3.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "derive/derive.hpp"
#include "derived_rows.hpp"
#include "web_events.hpp"

namespace vigie::derive {
namespace {

using testing::at;
using testing::Event;
using testing::kMinute;
using testing::SessionRow;
using testing::WebEvents;

const int64_t t0 = at(2026, 10, 5, 10, 0);

DerivedTables sessions_of(const WebEvents& web, int gap_minutes = 30) {
  return derive_datasets({"sessions", "session_events"}, web.table,
                         {gap_minutes});
}

TEST(Sessions, AGapOfExactlyTheLimitDoesNotSplitOneMicrosecondMoreDoes) {
  const int64_t second = t0 + 60 * kMinute + 1;
  WebEvents web({{t0, "v1"},
                 {t0 + 30 * kMinute, "v1"},
                 {second, "v1"},
                 {second + 30 * kMinute, "v1"}});
  auto out = sessions_of(web);
  EXPECT_THAT(
      testing::session_rows(*out.at("sessions")),
      ::testing::ElementsAre(
          SessionRow{"v1", t0, t0 + 30 * kMinute, 2, 2, "", "", 0},
          SessionRow{"v1", second, second + 30 * kMinute, 2, 2, "", "", 2}));
}

TEST(Sessions, TheGapIsTheSpecsSetting) {
  WebEvents web({{t0, "v1"}, {t0 + 40 * kMinute, "v1"}});
  EXPECT_EQ(sessions_of(web, 30).at("sessions")->rows(), 2);
  EXPECT_EQ(sessions_of(web, 40).at("sessions")->rows(), 1);
  EXPECT_EQ(sessions_of(web, 45).at("sessions")->rows(), 1);
  EXPECT_EQ(sessions_of(web, 39).at("sessions")->rows(), 2);
}

TEST(Sessions, DeviceAndSourceAreTheFirstEvents) {
  WebEvents web({
      {t0, "v1", "", "page_view", "mobile", "google/organic"},
      {t0 + 5 * kMinute, "v1", "", "action", "desktop", "newsletter/email"},
      // The first event has neither: the session has none, whatever the
      // next events say.
      {t0, "v2", "", "page_view", "", ""},
      {t0 + kMinute, "v2", "", "page_view", "tablet", "direct"},
  });
  EXPECT_THAT(testing::session_rows(*sessions_of(web).at("sessions")),
              ::testing::ElementsAre(
                  SessionRow{"v1", t0, t0 + 5 * kMinute, 2, 1, "mobile",
                             "google/organic", 0},
                  SessionRow{"v2", t0, t0 + kMinute, 2, 2, "", "", 2}));
}

TEST(Sessions, DeviceAndSourceShareWebEventsPools) {
  WebEvents web({{t0, "v1", "", "page_view", "mobile", "direct"}});
  auto out = sessions_of(web);
  const Table& sessions = *out.at("sessions");
  EXPECT_EQ(sessions.find("device")->dictionary,
            web.table.find("device")->dictionary);
  EXPECT_EQ(sessions.find("source")->dictionary,
            web.table.find("source")->dictionary);
  EXPECT_EQ(sessions.find("visitor_id")->dictionary,
            web.table.find("visitor_id")->dictionary);
}

TEST(Sessions, ASessionStartedInOneMonthKeepsItsStartWhenItRunsIntoTheNext) {
  const int64_t start = at(2026, 10, 31, 23, 50);
  const int64_t end = at(2026, 11, 1, 0, 35);
  WebEvents web({{start, "v1"}, {at(2026, 11, 1, 0, 10), "v1"}, {end, "v1"}});
  EXPECT_THAT(
      testing::session_rows(*sessions_of(web).at("sessions")),
      ::testing::ElementsAre(SessionRow{"v1", start, end, 3, 3, "", "", 0}));
}

TEST(Sessions, EventsOfEqualTsKeepTheirRowOrder) {
  // v2 is code 0, v1 code 1; v1's rows come out of time order.
  WebEvents web({{t0 + 5 * kMinute, "v1"},
                 {t0, "v1"},
                 {t0 + 5 * kMinute, "v1"},
                 {t0 + kMinute, "v2"},
                 {t0, "v1"}},
                {"v2", "v1"});
  auto out = sessions_of(web);
  EXPECT_THAT(testing::event_rows(*out.at("session_events")),
              ::testing::ElementsAre(3, 1, 4, 0, 2));
  EXPECT_THAT(testing::session_rows(*out.at("sessions")),
              ::testing::ElementsAre(
                  SessionRow{"v2", t0 + kMinute, t0 + kMinute, 1, 1, "", "", 0},
                  SessionRow{"v1", t0, t0 + 5 * kMinute, 4, 4, "", "", 1}));
}

TEST(Sessions, RowsComeByVisitorCodeThenStartAndRangesCoverEveryEvent) {
  // b is code 0, a code 1: not the order of the texts nor of the rows.
  WebEvents web({{t0, "a"},
                 {t0 + 120 * kMinute, "b"},
                 {t0 + 180 * kMinute, "a"},
                 {t0, "b"},
                 {t0 + 10 * kMinute, "a", "", "action"}},
                {"b", "a"});
  auto out = sessions_of(web);
  EXPECT_THAT(testing::session_rows(*out.at("sessions")),
              ::testing::ElementsAre(
                  SessionRow{"b", t0, t0, 1, 1, "", "", 0},
                  SessionRow{"b", t0 + 120 * kMinute, t0 + 120 * kMinute, 1, 1,
                             "", "", 1},
                  SessionRow{"a", t0, t0 + 10 * kMinute, 2, 1, "", "", 2},
                  SessionRow{"a", t0 + 180 * kMinute, t0 + 180 * kMinute, 1, 1,
                             "", "", 4}));
  EXPECT_THAT(testing::event_rows(*out.at("session_events")),
              ::testing::ElementsAre(3, 1, 0, 4, 2));
}

TEST(Sessions, NoEventsGiveEmptyTablesWithTheirColumns) {
  WebEvents web({});
  auto out = sessions_of(web);
  const Table& sessions = *out.at("sessions");
  EXPECT_EQ(sessions.rows(), 0);
  for (const char* name : {"visitor_id", "started_at", "ended_at", "events",
                           "page_views", "device", "source", "first_event"})
    EXPECT_NE(sessions.find(name), nullptr) << name;
  EXPECT_EQ(out.at("session_events")->rows(), 0);
}

TEST(Sessions, AWebEventsTableWithoutDeviceOrSourceGivesNulls) {
  WebEvents web({{t0, "v1", "", "page_view", "mobile", "direct"}});
  web.table.columns.erase(web.table.columns.begin() + 4,
                          web.table.columns.end());  // device, source
  ASSERT_EQ(web.table.find("device"), nullptr);
  auto out = sessions_of(web);
  EXPECT_THAT(
      testing::session_rows(*out.at("sessions")),
      ::testing::ElementsAre(SessionRow{"v1", t0, t0, 1, 1, "", "", 0}));
}

TEST(Sessions, ANullVisitorIsRefused) {
  WebEvents web({{t0, "v1"}});
  web.table.find("visitor_id")->valid = {0};
  EXPECT_THROW(sessions_of(web), std::invalid_argument);
}

}  // namespace
}  // namespace vigie::derive
