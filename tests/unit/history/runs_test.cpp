// Slots claimed once, leases that expire, and the end of a run written by
// its owner only; two schedulers on one SQLite file share the slots.
#include "history/runs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "state_db_fixture.hpp"

namespace vigie::history {
namespace {

constexpr Seconds kNow = 1'790'000'000;  // 2026-09-21
constexpr Seconds kLease = 600;

SlotKey slot(const std::string& report, Seconds at) {
  return SlotKey{report, "slot-" + std::to_string(at), at};
}

class RunsTest : public StateDbTest {
 protected:
  void SetUp() override {
    StateDbTest::SetUp();
    runs_ = std::make_unique<Runs>(*store_);
  }
  std::unique_ptr<Runs> runs_;
};

TEST_F(RunsTest, ASlotIsClaimedOnce) {
  auto key = slot("management", kNow);
  auto first = runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->run_id, "run-a");
  EXPECT_EQ(first->attempt, 1);
  // The same scheduler or another: nothing while the lease holds.
  EXPECT_FALSE(
      runs_->claim(key, "2026-08", "run-b", "host-2", kNow + 1, kLease));
  EXPECT_FALSE(
      runs_->claim(key, "2026-08", "run-c", "host-1", kNow + 2, kLease));
  auto record = runs_->find("management", key.slot);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->status, RunStatus::Running);
  EXPECT_EQ(record->lease_owner, "host-1");
  EXPECT_EQ(record->lease_until, kNow + kLease);
  EXPECT_EQ(record->period, "2026-08");
}

TEST_F(RunsTest, ASucceededSlotIsNeverClaimedAgain) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease));
  EXPECT_TRUE(runs_->succeed(key, "host-1", "/out/management", "", kNow + 30));
  EXPECT_FALSE(
      runs_->claim(key, "2026-08", "run-b", "host-2", kNow + 100000, kLease));
  auto record = runs_->find("management", key.slot);
  EXPECT_EQ(record->status, RunStatus::Succeeded);
  EXPECT_EQ(record->report_dir, "/out/management");
  EXPECT_TRUE(record->lease_owner.empty());
}

TEST_F(RunsTest, AnExpiredLeaseIsTakenOverWithTheSameRunId) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease));
  // host-1 died: its lease runs out, host-2 takes the slot over.
  EXPECT_FALSE(
      runs_->claim(key, "2026-08", "run-b", "host-2", kNow + kLease, kLease));
  auto taken = runs_->claim(key, "2026-08", "run-b", "host-2",
                            kNow + kLease + 1, kLease);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->run_id, "run-a");
  EXPECT_EQ(taken->attempt, 2);
  // host-1 comes back: it lost the lease, and cannot write the outcome.
  EXPECT_FALSE(runs_->succeed(key, "host-1", "/x", "", kNow + kLease + 2));
  EXPECT_FALSE(runs_->renew(key, "host-1", kNow + 10 * kLease));
  EXPECT_TRUE(runs_->renew(key, "host-2", kNow + 10 * kLease));
  EXPECT_TRUE(runs_->succeed(key, "host-2", "/y",
                             "not sent: no KPI in its alert band",
                             kNow + kLease + 3));
  EXPECT_EQ(runs_->find("management", key.slot)->report_dir, "/y");
  EXPECT_EQ(runs_->find("management", key.slot)->note,
            "not sent: no KPI in its alert band");
}

TEST_F(RunsTest, AWaitingRunIsClaimedWhenItsTimeHasCome) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease));
  EXPECT_TRUE(
      runs_->wait(key, "host-1", "source crm down", kNow + 120, kNow + 10));
  auto record = runs_->find("management", key.slot);
  EXPECT_EQ(record->status, RunStatus::Waiting);
  EXPECT_EQ(record->error, "source crm down");
  EXPECT_EQ(record->next_attempt_at, kNow + 120);
  EXPECT_FALSE(runs_->claim(key, "2026-08", "x", "host-2", kNow + 119, kLease));
  EXPECT_EQ(runs_->resumable(kNow + 119).size(), 0u);
  EXPECT_EQ(runs_->resumable(kNow + 120).size(), 1u);
  auto again = runs_->claim(key, "2026-08", "x", "host-2", kNow + 120, kLease);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt, 2);
  EXPECT_TRUE(runs_->fail(key, "host-2", "spec error", kNow + 130));
  EXPECT_EQ(runs_->find("management", key.slot)->status, RunStatus::Failed);
  EXPECT_EQ(runs_->resumable(kNow + 1000000).size(), 0u);
}

TEST_F(RunsTest, AnAbandonedRunIsDueAtOnce) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease));
  EXPECT_TRUE(runs_->abandon(key, "host-1", "stopped by SIGTERM", kNow + 5));
  auto record = runs_->find("management", key.slot);
  EXPECT_EQ(record->status, RunStatus::Abandoned);
  EXPECT_EQ(record->error, "stopped by SIGTERM");
  auto again = runs_->claim(key, "2026-08", "x", "host-1", kNow + 6, kLease);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempt, 2);
}

TEST_F(RunsTest, ASecretInAnErrorIsNotRecorded) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "2026-08", "run-a", "host-1", kNow, kLease));
  EXPECT_TRUE(runs_->fail(key, "host-1",
                          "cannot connect to postgresql://u:pw-1234@db/crm",
                          kNow + 1));
  EXPECT_EQ(runs_->find("management", key.slot)->error,
            "cannot connect to postgresql://u:***@db/crm");
}

TEST_F(RunsTest, TheLastSlotAndTheListAreByReport) {
  EXPECT_FALSE(runs_->last_slot("management"));
  for (Seconds at : {kNow, kNow + 86400, kNow + 2 * 86400})
    ASSERT_TRUE(runs_->claim(slot("management", at), "p",
                             "r" + std::to_string(at), "h", kNow, kLease));
  ASSERT_TRUE(runs_->claim(slot("operational", kNow + 9 * 86400), "p", "o", "h",
                           kNow, kLease));
  EXPECT_EQ(runs_->last_slot("management"), kNow + 2 * 86400);
  auto listed = runs_->list("management", 10);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed.front().key.slot_at, kNow + 2 * 86400);  // newest first
  EXPECT_EQ(runs_->list("", 10).size(), 4u);
  EXPECT_EQ(runs_->list("", 2).size(), 2u);
}

TEST_F(RunsTest, TheLeasesOfADeadSchedulerAreEndedAtOnce) {
  auto key = slot("management", kNow);
  ASSERT_TRUE(runs_->claim(key, "p", "run-a", "host:101", kNow, kLease));
  ASSERT_TRUE(
      runs_->claim(slot("m2", kNow), "p", "run-b", "host:102", kNow, kLease));
  auto owners = runs_->lease_owners();
  std::sort(owners.begin(), owners.end());
  EXPECT_EQ(owners, (std::vector<std::string>{"host:101", "host:102"}));
  EXPECT_FALSE(runs_->claim(key, "p", "x", "host:103", kNow + 1, kLease));
  runs_->expire_leases("host:101");
  auto taken = runs_->claim(key, "p", "x", "host:103", kNow + 1, kLease);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->attempt, 2);
  // The other scheduler's lease holds.
  EXPECT_FALSE(
      runs_->claim(slot("m2", kNow), "p", "x", "host:103", kNow + 1, kLease));
}

TEST_F(RunsTest, CatchingUpStartsWhenTheReportWasFirstServed) {
  // A minute before the first time served: a slot on time is not missed.
  EXPECT_EQ(runs_->catch_up_from("management", kNow, 60), kNow - 60);
  // Asked again later: still the first time.
  EXPECT_EQ(runs_->catch_up_from("management", kNow + 500, 60), kNow - 60);
  EXPECT_EQ(runs_->first_seen("management", kNow + 900), kNow);
  ASSERT_TRUE(runs_->claim(slot("management", kNow + 3600), "p", "r", "h",
                           kNow + 3600, kLease));
  EXPECT_EQ(runs_->catch_up_from("management", kNow + 7200, 60), kNow + 3600);
}

// Two schedulers (two connections, as two processes would have) race for
// the same 200 slots: each slot is claimed exactly once.
TEST_F(RunsTest, TwoSchedulersOnOneFileClaimEachSlotOnce) {
  constexpr int kSlots = 200;
  std::atomic<int> claimed[2] = {0, 0};
  auto scheduler = [&](int which) {
    auto store = StateStore::open(url_);
    Runs runs(*store);
    for (int i = 0; i < kSlots; ++i)
      if (runs.claim(slot("race", kNow + i * 60), "p",
                     "run-" + std::to_string(i),
                     "host-" + std::to_string(which), kNow, kLease))
        ++claimed[which];
  };
  std::thread a(scheduler, 0), b(scheduler, 1);
  a.join();
  b.join();
  EXPECT_EQ(claimed[0] + claimed[1], kSlots);
  EXPECT_EQ(runs_->list("race", 1000).size(), static_cast<size_t>(kSlots));
}

}  // namespace
}  // namespace vigie::history
