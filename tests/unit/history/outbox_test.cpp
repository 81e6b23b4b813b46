// The outbox: written before the first attempt, leased while sending,
// delivered on the final 2xx only, retried until its deadline.
#include "history/outbox.hpp"

#include <gtest/gtest.h>

#include "state_db_fixture.hpp"

namespace vigie::history {
namespace {

constexpr Seconds kNow = 1'790'000'000;
constexpr Seconds kLease = 300;
constexpr Seconds kDeadline = kNow + 86400;

class OutboxTest : public StateDbTest {
 protected:
  void SetUp() override {
    StateDbTest::SetUp();
    outbox_ = std::make_unique<Outbox>(*store_);
  }
  void enqueue_three() {
    outbox_->enqueue("management", "2026-11-01T06:00:00Z", "run-1",
                     {{"", "ceo@example.com", "/out/m", "<a@vigie>"},
                      {"", "cfo@example.com", "/out/m", "<b@vigie>"},
                      {"fr", "fr@example.com", "/out/m/fr", "<c@vigie>"}},
                     kNow, kDeadline);
  }
  std::unique_ptr<Outbox> outbox_;
};

TEST_F(OutboxTest, EnqueueingTwiceAddsNothingTwice) {
  enqueue_three();
  enqueue_three();
  auto all = outbox_->list({});
  ASSERT_EQ(all.size(), 3u);
  for (const auto& d : all) {
    EXPECT_EQ(d.status, DeliveryStatus::Pending);
    EXPECT_EQ(d.attempts, 0);
    EXPECT_EQ(d.deadline, kDeadline);
  }
  EXPECT_EQ(all[2].key.instance, "fr");
  EXPECT_EQ(all[2].report_dir, "/out/m/fr");
  EXPECT_EQ(all[2].message_id, "<c@vigie>");
}

TEST_F(OutboxTest, AClaimedDeliveryIsNotClaimedAgainWhileLeased) {
  enqueue_three();
  auto mine = outbox_->claim_due("host-1", kNow, kLease, 2);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].attempts, 1);
  auto theirs = outbox_->claim_due("host-2", kNow + 1, kLease, 10);
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[0].key.recipient, "fr@example.com");
  EXPECT_TRUE(outbox_->claim_due("host-2", kNow + 2, kLease, 10).empty());
  // host-1 died while sending: its leases expire, host-2 sends them.
  auto after = outbox_->claim_due("host-2", kNow + kLease + 1, kLease, 10);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].attempts, 2);
  // And host-1 cannot record an outcome it no longer owns.
  EXPECT_THROW(outbox_->delivered(mine[0].key, "host-1", 250, "250 OK", "",
                                  kNow + kLease + 2),
               StateError);
}

TEST_F(OutboxTest, DeliveredFailedAndRetried) {
  enqueue_three();
  auto batch = outbox_->claim_due("h", kNow, kLease, 10);
  ASSERT_EQ(batch.size(), 3u);
  outbox_->delivered(batch[0].key, "h", 250, "250 2.0.0 Ok: queued as 4F2", "",
                     kNow + 1);
  outbox_->failed(batch[1].key, "h", 550, "550 5.1.1 mailbox unavailable", "",
                  kNow + 1);
  outbox_->retry_later(batch[2].key, "h", 451, "451 4.3.0 try again later", "",
                       kNow + 60, kNow + 1);
  auto all = outbox_->list({});
  EXPECT_EQ(all[0].status, DeliveryStatus::Delivered);
  EXPECT_EQ(all[0].last_code, 250);
  EXPECT_EQ(all[0].last_reply, "250 2.0.0 Ok: queued as 4F2");
  EXPECT_EQ(all[1].status, DeliveryStatus::Failed);
  EXPECT_EQ(all[1].last_reply, "550 5.1.1 mailbox unavailable");
  EXPECT_EQ(all[2].status, DeliveryStatus::Pending);
  EXPECT_EQ(all[2].next_attempt_at, kNow + 60);
  // Neither the delivered nor the failed one is sent again; the pending
  // one when its time comes.
  EXPECT_TRUE(outbox_->claim_due("h", kNow + 59, kLease, 10).empty());
  auto again = outbox_->claim_due("h", kNow + 60, kLease, 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].attempts, 2);
  // Past the deadline a transient failure expires.
  outbox_->retry_later(again[0].key, "h", 421, "421 closing", "", kDeadline + 1,
                       kNow + 61);
  EXPECT_EQ(outbox_->list({})[2].status, DeliveryStatus::Expired);
  EXPECT_TRUE(outbox_->claim_due("h", kDeadline + 10, kLease, 10).empty());
}

TEST_F(OutboxTest, ListsFailedOnesAndByRun) {
  enqueue_three();
  outbox_->enqueue("operational", "s", "run-2",
                   {{"", "ops@example.com", "/out/o", "<d@vigie>"}}, kNow,
                   kDeadline);
  auto batch = outbox_->claim_due("h", kNow, kLease, 10);
  ASSERT_EQ(batch.size(), 4u);
  outbox_->failed(batch[3].key, "h", 554, "554 rejected", "", kNow);
  DeliveryFilter filter;
  filter.report_id = "management";
  EXPECT_EQ(outbox_->list(filter).size(), 3u);
  filter.failed_only = true;
  EXPECT_TRUE(outbox_->list(filter).empty());
  filter = {};
  filter.run_id = "run-2";
  EXPECT_EQ(outbox_->list(filter).size(), 1u);
  filter = {};
  filter.failed_only = true;
  auto failed = outbox_->list(filter);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].key.recipient, "ops@example.com");
}

TEST_F(OutboxTest, TheNoteSaysWhyTheAttachmentWasLeftOut) {
  enqueue_three();
  auto batch = outbox_->claim_due("h", kNow, kLease, 1);
  outbox_->delivered(batch[0].key, "h", 250, "250 Ok",
                     "report.pdf left out: 14.2 MB encoded, over the 10 MB "
                     "limit; the message links to the report",
                     kNow);
  EXPECT_NE(outbox_->list({})[0].note.find("left out"), std::string::npos);
}

}  // namespace
}  // namespace vigie::history
