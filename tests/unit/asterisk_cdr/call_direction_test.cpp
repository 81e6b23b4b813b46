// The direction rules (call_direction.hpp), rule by rule.
#include "call_direction.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using vigie::asterisk_cdr::CallDirection;
using vigie::asterisk_cdr::DirectionRules;

TEST(CallDirection, WithoutRulesEveryCallIsInbound) {
  CallDirection d(DirectionRules{});
  EXPECT_EQ(d.of("stadion-pstn", "SIP/211553-0000001c", false), "inbound");
  EXPECT_EQ(d.of("from-internal", "PJSIP/100-00000001", false), "inbound");
  EXPECT_FALSE(d.is_trunk("SIP/211553-0000001c"));
}

TEST(CallDirection, OutboundContextsAlone) {
  // One line: the rest stays inbound, the data model's default.
  CallDirection d(DirectionRules{{}, {"from-internal*"}, {}});
  EXPECT_EQ(d.of("from-internal", "PJSIP/100-1", false), "outbound");
  EXPECT_EQ(d.of("from-internal-xfer", "PJSIP/100-1", false), "outbound");
  EXPECT_EQ(d.of("from-trunk", "PJSIP/ovh-1", false), "inbound");
}

TEST(CallDirection, ContextsOnBothSidesLeaveTheRestInternal) {
  CallDirection d(DirectionRules{{"from-trunk|from-pstn*"}, {"outbound"}, {}});
  EXPECT_EQ(d.of("from-trunk", "x", false), "inbound");
  EXPECT_EQ(d.of("from-pstn-ovh", "x", false), "inbound");
  EXPECT_EQ(d.of("outbound", "x", false), "outbound");
  EXPECT_EQ(d.of("phones", "x", false), "internal");
}

TEST(CallDirection, TrunkChannels) {
  // FreePBX: inbound and outbound calls both start in from-internal for
  // an extension; the trunk tells them apart.
  CallDirection d(DirectionRules{{}, {}, {"PJSIP/ovh-*", "SIP/211553-*"}});
  EXPECT_TRUE(d.is_trunk("SIP/211553-0000001c"));
  EXPECT_FALSE(d.is_trunk("SIP/301-0000001d"));
  EXPECT_FALSE(d.is_trunk(""));
  EXPECT_EQ(d.of("stadion-pstn", "SIP/211553-0000001c", false), "inbound");
  EXPECT_EQ(d.of("from-internal", "PJSIP/100-00000004", true), "outbound");
  EXPECT_EQ(d.of("from-internal", "PJSIP/100-00000004", false), "internal");
}

TEST(CallDirection, ContextsComeBeforeTrunks) {
  CallDirection d(DirectionRules{{}, {"callback"}, {"SIP/trunk-*"}});
  // A callback: the first leg comes from the trunk, the context says out.
  EXPECT_EQ(d.of("callback", "SIP/trunk-00000001", false), "outbound");
}

TEST(CallDirection, AnEmptyPatternIsRefusedByName) {
  try {
    CallDirection d(DirectionRules{{}, {""}, {}});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("outbound_contexts"));
  }
}

}  // namespace
