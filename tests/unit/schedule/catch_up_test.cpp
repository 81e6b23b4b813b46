// Which slots run after a pause, for each policy, driven by a ManualClock
// as the scheduler will drive it.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "schedule/catch_up.hpp"
#include "schedule/manual_clock.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::text;
using testing::utc;

std::vector<std::string> ats(const std::vector<Slot>& slots) {
  std::vector<std::string> out;
  for (const Slot& s : slots) out.push_back(text(s.at));
  return out;
}

using Texts = std::vector<std::string>;

// Every day at 07:00 in Paris: 06:00Z in winter.
const Schedule& daily() {
  static const Schedule schedule("0 7 * * *", "Europe/Paris");
  return schedule;
}

CatchUpPolicy policy(CatchUp mode, hours max_age = hours{24}) {
  return CatchUpPolicy{mode, max_age};
}

TEST(CatchUp, ParsedFromItsThreeNames) {
  EXPECT_EQ(parse_catch_up("skip"), CatchUp::Skip);
  EXPECT_EQ(parse_catch_up("latest"), CatchUp::Latest);
  EXPECT_EQ(parse_catch_up("all"), CatchUp::All);
  for (CatchUp mode : {CatchUp::Skip, CatchUp::Latest, CatchUp::All})
    EXPECT_EQ(parse_catch_up(catch_up_name(mode)), mode);
  try {
    parse_catch_up("Latest");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown catch-up policy 'Latest': expected skip, latest or "
              "all");
  }
  CatchUpPolicy defaults;
  EXPECT_EQ(defaults.mode, CatchUp::Latest);
  EXPECT_EQ(defaults.max_age, hours{24});
}

TEST(CatchUp, OnTimeSlotRunsWhateverThePolicy) {
  ManualClock clock(utc(2026, 12, 1, 6) + seconds{30});
  for (CatchUp mode : {CatchUp::Skip, CatchUp::Latest, CatchUp::All}) {
    SCOPED_TRACE(catch_up_name(mode));
    EXPECT_EQ(ats(due_slots(daily(), utc(2026, 11, 30, 6), clock.now(),
                            policy(mode))),
              Texts{"2026-12-01 06:00Z"});
  }
  // Exactly on_time late is still on time; a second more is missed.
  EXPECT_EQ(due_slots(daily(), utc(2026, 11, 30, 6), utc(2026, 12, 1, 6, 1),
                      policy(CatchUp::Skip))
                .size(),
            1u);
  EXPECT_TRUE(due_slots(daily(), utc(2026, 11, 30, 6),
                        utc(2026, 12, 1, 6, 1) + seconds{1},
                        policy(CatchUp::Skip))
                  .empty());
  // A wider on_time window.
  EXPECT_EQ(due_slots(daily(), utc(2026, 11, 30, 6), utc(2026, 12, 1, 6, 5),
                      policy(CatchUp::Skip), minutes{10})
                .size(),
            1u);
}

TEST(CatchUp, MissedSlotsWhileTheMachineWasOff) {
  // Last run 28 November; back on 1 December at 12:00Z.
  auto since = utc(2026, 11, 28, 6);
  auto now = utc(2026, 12, 1, 12);
  EXPECT_TRUE(due_slots(daily(), since, now, policy(CatchUp::Skip)).empty());
  EXPECT_EQ(ats(due_slots(daily(), since, now, policy(CatchUp::Latest))),
            Texts{"2026-12-01 06:00Z"});
  // All, within 24 hours: the 1 December slot only.
  EXPECT_EQ(ats(due_slots(daily(), since, now, policy(CatchUp::All))),
            Texts{"2026-12-01 06:00Z"});
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::All, hours{72}))),
      (Texts{"2026-11-29 06:00Z", "2026-11-30 06:00Z", "2026-12-01 06:00Z"}));
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::Latest, hours{72}))),
      Texts{"2026-12-01 06:00Z"});
  // Since is exclusive: the slot already run is not run again.
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::All, hours{24 * 30}))),
      (Texts{"2026-11-29 06:00Z", "2026-11-30 06:00Z", "2026-12-01 06:00Z"}));
}

TEST(CatchUp, LatestNeverRunsAMissedSlotBesideAnOnTimeOne) {
  auto since = utc(2026, 11, 28, 6);
  auto now = utc(2026, 12, 1, 6) + seconds{20};
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::Latest, hours{72}))),
      Texts{"2026-12-01 06:00Z"});
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::Skip, hours{72}))),
      Texts{"2026-12-01 06:00Z"});
  EXPECT_EQ(
      ats(due_slots(daily(), since, now, policy(CatchUp::All, hours{72}))),
      (Texts{"2026-11-29 06:00Z", "2026-11-30 06:00Z", "2026-12-01 06:00Z"}));
}

TEST(CatchUp, MaxAgeBoundsTheMissedSlots) {
  auto since = utc(2026, 11, 20, 6);
  // 23 hours after the 30 November slot: still wanted.
  EXPECT_EQ(ats(due_slots(daily(), since, utc(2026, 12, 1, 5),
                          policy(CatchUp::Latest))),
            Texts{"2026-11-30 06:00Z"});
  EXPECT_TRUE(due_slots(daily(), since, utc(2026, 12, 1, 5),
                        policy(CatchUp::Latest, hours{12}))
                  .empty());
  // Exactly max_age old is still run; a second older is not.
  EXPECT_EQ(ats(due_slots(daily(), since, utc(2026, 12, 1, 6),
                          policy(CatchUp::All, hours{24}))),
            (Texts{"2026-11-30 06:00Z", "2026-12-01 06:00Z"}));
  EXPECT_EQ(ats(due_slots(daily(), since, utc(2026, 12, 1, 6) + seconds{1},
                          policy(CatchUp::All, hours{24}))),
            Texts{"2026-12-01 06:00Z"});
  EXPECT_EQ(ats(due_slots(daily(), since, utc(2026, 12, 1, 5),
                          policy(CatchUp::All, hours{23}))),
            Texts{"2026-11-30 06:00Z"});
}

TEST(CatchUp, NothingWhenNowIsNotAfterSince) {
  EXPECT_TRUE(due_slots(daily(), utc(2026, 12, 1, 6), utc(2026, 12, 1, 6),
                        policy(CatchUp::All))
                  .empty());
  EXPECT_TRUE(due_slots(daily(), utc(2026, 12, 2), utc(2026, 12, 1, 7),
                        policy(CatchUp::All))
                  .empty());
}

TEST(CatchUp, ASinceTenYearsBackListsOnlyMaxAgeWorth) {
  Schedule every_minute("* * * * *", "Europe/Paris");
  auto now = utc(2026, 12, 1, 12);
  auto since = utc(2016, 12, 1, 12);
  // The minutes 0 to 1440 old: two on time (0 and 60 s), the rest missed.
  std::vector<Slot> all =
      due_slots(every_minute, since, now, policy(CatchUp::All));
  ASSERT_EQ(all.size(), 1441u);
  EXPECT_EQ(all.front().at, now - hours{24});
  EXPECT_EQ(all.back().at, now);
  EXPECT_EQ(ats(due_slots(every_minute, since, now, policy(CatchUp::Latest))),
            (Texts{"2026-12-01 11:59Z", "2026-12-01 12:00Z"}));
  EXPECT_EQ(due_slots(every_minute, since, now, policy(CatchUp::Skip)).size(),
            2u);
}

// The scheduler's loop, in miniature: run what is due, sleep until the
// next slot; then the machine is off for three days.
TEST(CatchUp, DrivenByAManualClock) {
  ManualClock clock(utc(2026, 12, 1, 5));
  auto last = clock.now();
  std::vector<std::string> runs;
  auto step = [&](const CatchUpPolicy& p) {
    for (const Slot& slot : due_slots(daily(), last, clock.now(), p))
      runs.push_back(text(slot.at) + " at " + text(clock.now()));
    last = clock.now();
    clock.sleep_until(*daily().next_after(clock.now()));
  };
  step(policy(CatchUp::Latest));  // 05:00Z: nothing due yet
  step(policy(CatchUp::Latest));  // 1 Dec 06:00Z
  step(policy(CatchUp::Latest));  // 2 Dec 06:00Z
  EXPECT_EQ(runs, (Texts{"2026-12-01 06:00Z at 2026-12-01 06:00Z",
                         "2026-12-02 06:00Z at 2026-12-02 06:00Z"}));
  EXPECT_EQ(clock.now(), utc(2026, 12, 3, 6));
  EXPECT_EQ(clock.sleeps().size(), 3u);

  // Off from 3 December 05:00Z to 6 December 09:00Z.
  auto resumed = utc(2026, 12, 3, 5);
  for (CatchUp mode : {CatchUp::Skip, CatchUp::Latest, CatchUp::All}) {
    last = resumed;
    clock.set(utc(2026, 12, 6, 9));
    runs.clear();
    step(policy(mode, hours{72}));
    SCOPED_TRACE(catch_up_name(mode));
    Texts expected;
    if (mode == CatchUp::Latest)
      expected = {"2026-12-06 06:00Z at 2026-12-06 09:00Z"};
    if (mode == CatchUp::All)
      expected = {"2026-12-04 06:00Z at 2026-12-06 09:00Z",
                  "2026-12-05 06:00Z at 2026-12-06 09:00Z",
                  "2026-12-06 06:00Z at 2026-12-06 09:00Z"};
    EXPECT_EQ(runs, expected);
    EXPECT_EQ(clock.now(), utc(2026, 12, 7, 6));
  }
}

}  // namespace
}  // namespace vigie::schedule
