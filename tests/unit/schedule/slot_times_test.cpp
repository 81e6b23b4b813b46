// Slots as UTC instants: the zone's offsets, the spring gap and the autumn
// repeat in Europe/Paris and America/New_York.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "schedule/slot_times.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using testing::local;
using testing::text;
using testing::utc;

// "UTC instant / local wall-clock time" of each slot.
std::vector<std::string> texts(const std::vector<Slot>& slots) {
  std::vector<std::string> out;
  for (const Slot& s : slots) out.push_back(text(s.at) + " / " + text(s.local));
  return out;
}

using Texts = std::vector<std::string>;

TEST(SlotTimes, UnknownZoneIsNamed) {
  try {
    Schedule("0 7 1 * *", "Europe/Pariss");
    FAIL();
  } catch (const CronError&) {
    FAIL() << "not a cron error";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown time zone 'Europe/Pariss': expected an IANA name such "
              "as Europe/Paris");
  }
  EXPECT_THROW(Schedule("0 7 1 *", "Europe/Paris"), CronError);
}

TEST(SlotTimes, MonthlyAtSevenAcrossAYearInParis) {
  Schedule schedule("0 7 1 * *", "Europe/Paris");
  EXPECT_EQ(schedule.zone().name(), "Europe/Paris");
  std::vector<Slot> slots = schedule.next_slots(utc(2025, 12, 31), 12);
  ASSERT_EQ(slots.size(), 12u);
  for (unsigned m = 1; m <= 12; ++m) {
    SCOPED_TRACE(m);
    const Slot& slot = slots[m - 1];
    EXPECT_EQ(slot.local, local(2026, m, 1, 7));
    // Summer time (UTC+2) from 29 March to 25 October, else UTC+1.
    int utc_hour = (m >= 4 && m <= 10) ? 5 : 6;
    EXPECT_EQ(slot.at, utc(2026, m, 1, utc_hour));
  }
  EXPECT_EQ(schedule.slots_between(utc(2025, 12, 31), utc(2026, 12, 31), 100),
            slots);
  EXPECT_EQ(schedule.slots_between(utc(2025, 12, 31), utc(2026, 12, 31), 3),
            std::vector<Slot>(slots.begin(), slots.begin() + 3));
  // (from, to]: a slot exactly at `from` is out, exactly at `to` is in.
  EXPECT_EQ(
      texts(schedule.slots_between(utc(2026, 2, 1, 6), utc(2026, 3, 1, 6), 10)),
      Texts{"2026-03-01 06:00Z / 2026-03-01 07:00"});
}

TEST(SlotTimes, NextAfterIsStrictlyAfter) {
  Schedule schedule("0 7 1 * *", "Europe/Paris");
  EXPECT_EQ(schedule.next_after(utc(2026, 2, 1, 6)), utc(2026, 3, 1, 6));
  EXPECT_EQ(schedule.next_after(utc(2026, 2, 1, 6) - std::chrono::seconds{1}),
            utc(2026, 2, 1, 6));
}

TEST(SlotTimes, ParisSpringGapRunsAtTheEndOfTheGap) {
  Schedule schedule("30 2 * * *", "Europe/Paris");
  EXPECT_EQ(texts(schedule.next_slots(utc(2026, 3, 27, 12), 4)),
            (Texts{"2026-03-28 01:30Z / 2026-03-28 02:30",
                   // 02:30 does not exist: 03:00 CEST, the gap's end
                   "2026-03-29 01:00Z / 2026-03-29 02:30",
                   "2026-03-30 00:30Z / 2026-03-30 02:30",
                   "2026-03-31 00:30Z / 2026-03-31 02:30"}));
}

TEST(SlotTimes, ParisAutumnRepeatRunsOnceAtTheFirstOccurrence) {
  Schedule schedule("30 2 * * *", "Europe/Paris");
  EXPECT_EQ(texts(schedule.next_slots(utc(2026, 10, 23, 12), 3)),
            (Texts{"2026-10-24 00:30Z / 2026-10-24 02:30",
                   // 02:30 CEST; 02:30 CET (01:30Z) is not run again
                   "2026-10-25 00:30Z / 2026-10-25 02:30",
                   "2026-10-26 01:30Z / 2026-10-26 02:30"}));
  // From inside the repeat, or at its second 02:30: the next day.
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 0, 30)),
            utc(2026, 10, 26, 1, 30));
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 1, 0)),
            utc(2026, 10, 26, 1, 30));
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 1, 30)),
            utc(2026, 10, 26, 1, 30));
  // Just before the first occurrence: it.
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 0, 29)),
            utc(2026, 10, 25, 0, 30));
}

TEST(SlotTimes, NewYorkGapAndRepeat) {
  Schedule at_230("30 2 * * *", "America/New_York");
  EXPECT_EQ(texts(at_230.next_slots(utc(2026, 3, 7), 3)),
            (Texts{"2026-03-07 07:30Z / 2026-03-07 02:30",
                   // 02:30 does not exist on 8 March: 03:00 EDT
                   "2026-03-08 07:00Z / 2026-03-08 02:30",
                   "2026-03-09 06:30Z / 2026-03-09 02:30"}));
  // On 1 November the repeated hour is 01:00-02:00: 02:30 occurs once.
  EXPECT_EQ(texts(at_230.next_slots(utc(2026, 10, 31), 3)),
            (Texts{"2026-10-31 06:30Z / 2026-10-31 02:30",
                   "2026-11-01 07:30Z / 2026-11-01 02:30",
                   "2026-11-02 07:30Z / 2026-11-02 02:30"}));

  Schedule at_130("30 1 * * *", "America/New_York");
  EXPECT_EQ(texts(at_130.next_slots(utc(2026, 10, 31, 12), 2)),
            (Texts{"2026-11-01 05:30Z / 2026-11-01 01:30",  // EDT, once
                   "2026-11-02 06:30Z / 2026-11-02 01:30"}));
}

TEST(SlotTimes, EveryQuarterHourThroughTheParisGap) {
  Schedule schedule("*/15 * * * *", "Europe/Paris");
  // 02:00, 02:15, 02:30, 02:45 and 03:00 local are one instant, 01:00Z:
  // run once, named by the earliest.
  EXPECT_EQ(texts(schedule.slots_between(utc(2026, 3, 29, 0, 10),
                                         utc(2026, 3, 29, 1, 30), 100)),
            (Texts{"2026-03-29 00:15Z / 2026-03-29 01:15",
                   "2026-03-29 00:30Z / 2026-03-29 01:30",
                   "2026-03-29 00:45Z / 2026-03-29 01:45",
                   "2026-03-29 01:00Z / 2026-03-29 02:00",
                   "2026-03-29 01:15Z / 2026-03-29 03:15",
                   "2026-03-29 01:30Z / 2026-03-29 03:30"}));
}

TEST(SlotTimes, EveryQuarterHourThroughTheParisRepeat) {
  Schedule schedule("*/15 * * * *", "Europe/Paris");
  // The repeated hour runs in its first pass (CEST) only: nothing from
  // 01:00Z to 01:45Z, the second pass of 02:00-02:45.
  EXPECT_EQ(texts(schedule.slots_between(utc(2026, 10, 24, 23, 40),
                                         utc(2026, 10, 25, 2, 30), 100)),
            (Texts{"2026-10-24 23:45Z / 2026-10-25 01:45",
                   "2026-10-25 00:00Z / 2026-10-25 02:00",
                   "2026-10-25 00:15Z / 2026-10-25 02:15",
                   "2026-10-25 00:30Z / 2026-10-25 02:30",
                   "2026-10-25 00:45Z / 2026-10-25 02:45",
                   "2026-10-25 02:00Z / 2026-10-25 03:00",
                   "2026-10-25 02:15Z / 2026-10-25 03:15",
                   "2026-10-25 02:30Z / 2026-10-25 03:30"}));
  // Asked from inside the second pass: straight to 03:00 CET.
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 1, 10)),
            utc(2026, 10, 25, 2, 0));
  EXPECT_EQ(schedule.next_after(utc(2026, 10, 25, 1, 0)),
            utc(2026, 10, 25, 2, 0));
}

TEST(SlotTimes, EveryQuarterHourThroughNewYorkChanges) {
  Schedule schedule("*/15 * * * *", "America/New_York");
  EXPECT_EQ(texts(schedule.slots_between(utc(2026, 3, 8, 6, 40),
                                         utc(2026, 3, 8, 7, 15), 100)),
            (Texts{"2026-03-08 06:45Z / 2026-03-08 01:45",
                   "2026-03-08 07:00Z / 2026-03-08 02:00",
                   "2026-03-08 07:15Z / 2026-03-08 03:15"}));
  EXPECT_EQ(texts(schedule.slots_between(utc(2026, 11, 1, 5, 40),
                                         utc(2026, 11, 1, 7, 0), 100)),
            (Texts{"2026-11-01 05:45Z / 2026-11-01 01:45",
                   "2026-11-01 07:00Z / 2026-11-01 02:00"}));
}

TEST(SlotTimes, InstantOfEachKindOfLocalTime) {
  Schedule schedule("* * * * *", "Europe/Paris");
  EXPECT_EQ(schedule.instant_of(local(2026, 7, 1, 12)), utc(2026, 7, 1, 10));
  EXPECT_EQ(schedule.instant_of(local(2026, 3, 29, 2, 30)),
            utc(2026, 3, 29, 1));
  EXPECT_EQ(schedule.instant_of(local(2026, 10, 25, 2, 30)),
            utc(2026, 10, 25, 0, 30));
}

TEST(SlotTimes, AYearOfFiveMinuteSlotsInParis) {
  Schedule schedule("*/5 * * * *", "Europe/Paris");
  // Local 2026 is [2025-12-31 23:00Z, 2026-12-31 23:00Z).
  std::vector<Slot> slots =
      schedule.slots_between(utc(2025, 12, 31, 23) - minutes{1},
                             utc(2026, 12, 31, 23) - minutes{1}, 1'000'000);
  // Every local slot of the year, less the 12 of the gap and 03:00 that
  // collapse into one instant; the repeat runs its slots once.
  EXPECT_EQ(slots.size(), 365u * 24 * 12 - 12);
  for (size_t i = 1; i < slots.size(); ++i) {
    ASSERT_LT(slots[i - 1].at, slots[i].at);
    ASSERT_LT(slots[i - 1].local, slots[i].local);
  }
  EXPECT_EQ(slots.front().local, local(2026, 1, 1));
  EXPECT_EQ(slots.back().local, local(2026, 12, 31, 23, 55));
}

}  // namespace
}  // namespace vigie::schedule
