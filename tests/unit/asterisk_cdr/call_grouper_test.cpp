// The legs of calls gathered into calls (call_grouper.hpp), on legs written
// here: times are seconds of the wall clock, the window one hour.
#include "call_grouper.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using vigie::asterisk_cdr::Call;
using vigie::asterisk_cdr::CallDirection;
using vigie::asterisk_cdr::CallGrouper;
using vigie::asterisk_cdr::DirectionRules;
using vigie::asterisk_cdr::Leg;

constexpr int64_t kHour = 3600;

// A leg of call `key` from `start` to `end`, not answered.
Leg leg(std::string_view key, int64_t line, int64_t start, int64_t end) {
  Leg l;
  l.key = key;
  l.line = line;
  l.start = start;
  l.end = end;
  l.start_text = "2026-10-01 00:00:00";
  l.context = "from-trunk";
  l.channel = "SIP/trunk-00000001";
  return l;
}

Leg answered(Leg l, int64_t answer, int64_t billsec) {
  l.answer = answer;
  l.billsec = billsec;
  return l;
}

std::vector<std::string> ids(const std::vector<Call>& calls) {
  std::vector<std::string> out;
  for (const auto& c : calls) out.push_back(c.call_id);
  return out;
}

CallGrouper grouper(int64_t window = kHour) {
  return CallGrouper(window, CallDirection(DirectionRules{}), "");
}

TEST(CallGrouper, InterleavedLegsMakeOneCallEach) {
  CallGrouper g = grouper();
  std::vector<Call> done;
  // Two calls whose legs were written in turn (as Asterisk writes a leg's
  // row when it ends).
  EXPECT_FALSE(g.add(leg("A", 1, 0, 10), done));
  EXPECT_FALSE(g.add(leg("B", 2, 5, 12), done));
  EXPECT_FALSE(g.add(answered(leg("A", 3, 0, 70), 20, 50), done));
  EXPECT_FALSE(g.add(leg("B", 4, 5, 30), done));
  EXPECT_TRUE(done.empty());
  EXPECT_EQ(g.open_calls(), 2u);
  g.finish(done);
  ASSERT_THAT(ids(done), ElementsAre("A", "B"));
  // A: answered at 20 of a call started at 0 (wait 20), billed 50 s.
  EXPECT_TRUE(done[0].answered);
  EXPECT_EQ(done[0].wait_s, 20);
  EXPECT_EQ(done[0].handle_s, 50);
  EXPECT_EQ(done[0].line, 1);
  // B: no leg answered; it lasted from 5 to its last end, 30.
  EXPECT_FALSE(done[1].answered);
  EXPECT_EQ(done[1].wait_s, 25);
  EXPECT_EQ(done[1].handle_s, 0);
  EXPECT_EQ(done[1].line, 2);
  EXPECT_EQ(g.open_calls(), 0u);
}

TEST(CallGrouper, ACallClosesOnceARowEndsAWindowAfterItsStart) {
  CallGrouper g = grouper();
  std::vector<Call> done;
  g.add(leg("A", 1, 100, 110), done);
  // Ends exactly one window after A's start: A may still get a leg.
  g.add(leg("B", 2, 3000, 100 + kHour), done);
  EXPECT_TRUE(done.empty());
  // One second more: A is complete and written; B stays open.
  g.add(leg("C", 3, 3700, 100 + kHour + 1), done);
  EXPECT_THAT(ids(done), ElementsAre("A"));
  EXPECT_EQ(g.open_calls(), 2u);
}

TEST(CallGrouper, MemoryHoldsTheCallsOfOneWindow) {
  // A day of calls, one a minute, each of two legs a minute long: never
  // more open than the calls started in the last hour and a minute.
  CallGrouper g = grouper();
  std::vector<Call> done;
  size_t most_open = 0;
  std::vector<std::string> keys;
  for (int i = 0; i < 1440; ++i) keys.push_back("call-" + std::to_string(i));
  for (int i = 0; i < 1440; ++i) {
    const int64_t start = i * 60;
    g.add(leg(keys[i], 2 * i + 1, start, start + 30), done);
    g.add(leg(keys[i], 2 * i + 2, start, start + 60), done);
    most_open = std::max(most_open, g.open_calls());
  }
  EXPECT_LE(most_open, 62u);
  EXPECT_GE(most_open, 60u);
  g.finish(done);
  EXPECT_EQ(done.size(), 1440u);
}

TEST(CallGrouper, ALegOfACallAlreadyWrittenIsRejected) {
  CallGrouper g = grouper();
  std::vector<Call> done;
  g.add(leg("A", 1, 0, 10), done);
  g.add(leg("B", 2, kHour, kHour + 20), done);  // closes A
  ASSERT_THAT(ids(done), ElementsAre("A"));
  // A leg of A that lasted longer than the window.
  auto late = g.add(leg("A", 3, 0, kHour + 30), done);
  ASSERT_TRUE(late);
  EXPECT_THAT(*late, HasSubstr("a leg of call A, which started at "
                               "2026-10-01 00:00:00, read after the call was "
                               "written"));
  EXPECT_THAT(*late, HasSubstr("call_window_hours (1)"));
  EXPECT_THAT(ids(done), ElementsAre("A"));
  // Two windows after A started its id is forgotten: the same id is a new
  // call (ids are not reused by Asterisk; the memory stays bounded).
  g.add(leg("C", 4, 2 * kHour + 10, 2 * kHour + 20), done);
  EXPECT_FALSE(g.add(leg("A", 5, 2 * kHour + 15, 2 * kHour + 25), done));
}

TEST(CallGrouper, AChannelNameUsedAgainIsANewCall) {
  // cdr_csv's 16 fields: the caller's channel stands for the call.
  CallGrouper g = grouper();
  std::vector<Call> done;
  auto by_channel = [](std::string_view channel, int64_t line, int64_t start,
                       int64_t end) {
    Leg l = leg(channel, line, start, end);
    l.keyed_by_channel = true;
    l.is_first_channel = true;
    return l;
  };
  Leg first = by_channel("SIP/100-00000000", 1, 0, 60);
  first.start_text = "2015-03-24 15:57:51";
  g.add(first, done);
  // A second leg starting when the first ended: the same call.
  g.add(by_channel("SIP/100-00000000", 2, 60, 60), done);
  EXPECT_TRUE(done.empty());
  // A leg starting after the call ended: Asterisk restarted and named a
  // new channel the same; the first call is written at once.
  Leg again = by_channel("SIP/100-00000000", 3, 100, 101);
  again.start_text = "2015-03-24 15:59:33";
  g.add(again, done);
  ASSERT_THAT(ids(done), ElementsAre("SIP/100-00000000@2015-03-24T15:57:51"));
  g.finish(done);
  EXPECT_THAT(ids(done), ElementsAre("SIP/100-00000000@2015-03-24T15:57:51",
                                     "SIP/100-00000000@2015-03-24T15:59:33"));
}

TEST(CallGrouper, TheFirstChannelDescribesTheCall) {
  // As linkedid 1706372196.12 of prod_21col_Master.csv: a Local channel's
  // leg (dcontext TimeDelay, dst ch1) is written before the caller's own
  // (uniqueid = linkedid, dcontext stadion-pstn, dst 211553), both started
  // at 16:16:36.
  CallGrouper g = grouper();
  std::vector<Call> done;
  Leg local = leg("1706372196.12", 7, 0, 15);
  local.queue = "TimeDelay";
  local.context = "TimeDelay";
  local.caller_number = "89212428605";
  g.add(local, done);
  Leg caller = leg("1706372196.12", 9, 0, 15);
  caller.is_first_channel = true;
  caller.queue = "stadion-pstn";
  caller.context = "stadion-pstn";
  caller.caller_number = "89212428605";
  g.add(caller, done);
  Leg earlier_local = leg("1706372196.12", 10, -5, 40);
  earlier_local.queue = "other";
  g.add(earlier_local, done);
  g.finish(done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].queue, "stadion-pstn");
  EXPECT_EQ(done[0].line, 7);
  // The call starts with its earliest leg, whichever describes it.
  EXPECT_EQ(done[0].wait_s, 45);
}

TEST(CallGrouper, AnswersAndBilledSeconds) {
  CallGrouper g = grouper();
  std::vector<Call> done;
  // Three legs: a ring that nobody took, an answer at 12 billed 30, a
  // transfer answered at 50 billed 40: waited until the first answer,
  // handled for both answered legs.
  g.add(leg("T", 1, 0, 8), done);
  g.add(answered(leg("T", 2, 0, 42), 12, 30), done);
  g.add(answered(leg("T", 3, 42, 90), 50, 40), done);
  g.finish(done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(done[0].answered);
  EXPECT_EQ(done[0].wait_s, 12);
  EXPECT_EQ(done[0].handle_s, 70);
}

TEST(CallGrouper, AWaitBelowZeroIsUnknown) {
  // The wall clock ran back an hour (end of summer time) during the call.
  CallGrouper g = grouper(2 * kHour);
  std::vector<Call> done;
  g.add(leg("D", 1, 10, 10 - kHour + 20), done);
  g.finish(done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_FALSE(done[0].wait_s.has_value());
}

TEST(CallGrouper, AClockJumpClosesOneWindowAtMost) {
  CallGrouper g = grouper();
  std::vector<Call> done;
  g.add(leg("A", 1, 1000, 1010), done);
  g.add(leg("B", 2, 1500, 1510), done);
  // A leg whose end is years ahead: the watermark moves to its start plus
  // one window, closing A (started 1000) but not B (1500).
  g.add(leg("C", 3, 1200, 1200 + 10 * 365 * 24 * kHour), done);
  EXPECT_THAT(ids(done), ElementsAre("A"));
}

TEST(CallGrouper, UtcTimesAndDirection) {
  CallGrouper g(kHour, CallDirection(DirectionRules{{}, {"out*"}, {}}), "Z");
  std::vector<Call> done;
  Leg l = leg("U", 1, 0, 5);
  l.context = "outbound";
  g.add(l, done);
  g.finish(done);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].started_at, "2026-10-01T00:00:00Z");
  EXPECT_EQ(done[0].direction, "outbound");
}

}  // namespace
