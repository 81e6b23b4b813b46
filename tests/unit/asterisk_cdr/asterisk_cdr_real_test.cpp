// The asterisk_cdr plugin on the three real CDR files of shared/realdata
// (see its README), loaded for real and run through the engine's host.
// Expected figures are read off the files by hand (the rows quoted in the
// comments) or counted with grep and Python's csv module as said.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cdr_reader.hpp"
#include "cdr_test_files.hpp"

namespace {

using ::testing::ElementsAre;
using vigie::testing::asterisk_file;
using vigie::testing::CdrPluginRun;
using vigie::testing::custom_19_columns;
using vigie::testing::run_asterisk_cdr;

const std::string kProd = asterisk_file("prod_21col_Master.csv");
const std::string kLab = asterisk_file("lab_18col_Master.csv");
const std::string kCustom = asterisk_file("cdr_custom_19col_Master.csv");

int64_t total(const CdrPluginRun& run, const std::string& column) {
  int64_t sum = 0;
  for (const auto* call : run.calls()) sum += std::stoll(*(*call)[column]);
  return sum;
}

TEST(AsteriskCdrReal, Schema) {
  CdrPluginRun run = run_asterisk_cdr({{"path", kProd}});
  ASSERT_EQ(run.error, "");
  EXPECT_THAT(run.columns,
              ElementsAre("call_id", "started_at", "direction", "queue",
                          "outcome", "wait_s", "handle_s", "caller_number",
                          "_line", "_reject", "_repaired"));
}

// prod_21col_Master.csv: 84 rows of 21 fields, one call spread over up to
// 7 rows sharing its linkedid (field 20).
TEST(AsteriskCdrReal, ProductionCallsByLinkedid) {
  CdrPluginRun run = run_asterisk_cdr({{"path", kProd}});
  ASSERT_EQ(run.error, "");
  EXPECT_TRUE(run.rejects().empty());
  // Python: len({row[19] for row in csv.reader(f)}) is 36.
  EXPECT_EQ(run.calls().size(), 36u);
  // Abandoned: the calls none of whose rows is ANSWERED with an answer
  // time: linkedid 1706372196.12 (lines 7-13, all NO ANSWER),
  // 1706401101.30 (lines 14-20), mainserverdss-1706430495.50 (63-64),
  // mainserverdss-1706430532.55 (65-66), mainserverdss-1706443058.100
  // (83, BUSY). The 31 others are answered.
  EXPECT_EQ(run.count("outcome", "abandoned"), 5);
  EXPECT_EQ(run.count("outcome", "answered"), 31);
  for (const char* id :
       {"1706372196.12", "1706401101.30", "mainserverdss-1706430495.50",
        "mainserverdss-1706430532.55", "mainserverdss-1706443058.100"})
    EXPECT_EQ(run.call(id)["outcome"], "abandoned") << id;
  // Without direction rules every call is inbound; the queue is the first
  // leg's dcontext, stadion-pstn on every caller's row.
  EXPECT_EQ(run.count("direction", "inbound"), 36);
  EXPECT_EQ(run.count("queue", "stadion-pstn"), 36);
  // handle_s adds the billsec of the answered legs, and an abandoned call
  // has none: the total is the sum of billsec (field 14) over the rows
  // ANSWERED with an answer time, 884 (Python, csv module).
  EXPECT_EQ(total(run, "handle_s"), 884);
}

TEST(AsteriskCdrReal, ProductionCallsCheckedByHand) {
  CdrPluginRun run = run_asterisk_cdr({{"path", kProd}});
  ASSERT_EQ(run.error, "");
  {
    // Lines 22-26, linkedid 1706407446.50: the caller's channel
    // SIP/211553-00000011 (uniqueid = linkedid, line 23, dcontext
    // stadion-pstn) rings three Local channels at 02:04:06; ch1 answers at
    // 02:04:12 (lines 22, 23: ANSWERED, billsec 0), then SIP/301 talks
    // from 02:04:12, billsec 17 (line 26). Line 22, a Local channel's leg
    // (dcontext TimeDelay), comes first in the file.
    const auto& c = run.call("1706407446.50");
    EXPECT_EQ(c["started_at"], "2024-01-28T02:04:06");
    EXPECT_EQ(c["outcome"], "answered");
    EXPECT_EQ(c["wait_s"], "6");     // 02:04:12 - 02:04:06
    EXPECT_EQ(c["handle_s"], "17");  // 0 + 0 + 17
    EXPECT_EQ(c["queue"], "stadion-pstn");
    EXPECT_EQ(c["caller_number"], "89268564653");
    EXPECT_EQ(c["direction"], "inbound");
    EXPECT_EQ(c.line, 22);
  }
  {
    // Lines 7-13, linkedid 1706372196.12: seven legs, all NO ANSWER, from
    // 16:16:36 to the last end 16:17:16 (lines 8, 10, 11, 12, 13).
    const auto& c = run.call("1706372196.12");
    EXPECT_EQ(c["started_at"], "2024-01-27T16:16:36");
    EXPECT_EQ(c["outcome"], "abandoned");
    EXPECT_EQ(c["wait_s"], "40");
    EXPECT_EQ(c["handle_s"], "0");
    EXPECT_EQ(c["queue"], "stadion-pstn");  // line 9, not line 7's TimeDelay
    EXPECT_EQ(c.line, 7);
  }
  {
    // Lines 4-6, linkedid 1706369600.6: both dialled phones NO ANSWER
    // after 60 s, then the caller's channel runs Hangup, which Asterisk
    // marks ANSWERED at 15:34:20 with billsec 0 (line 6): answered after
    // 60 s, handled 0 s (see answered_min_billsec).
    const auto& c = run.call("1706369600.6");
    EXPECT_EQ(c["outcome"], "answered");
    EXPECT_EQ(c["wait_s"], "60");
    EXPECT_EQ(c["handle_s"], "0");
  }
  {
    // Line 83: BUSY at once (start = end = 11:57:38).
    const auto& c = run.call("mainserverdss-1706443058.100");
    EXPECT_EQ(c["started_at"], "2024-01-28T11:57:38");
    EXPECT_EQ(c["wait_s"], "0");
    EXPECT_EQ(c["handle_s"], "0");
  }
  {
    // Lines 41-42: the caller name holds bytes A5 A5, src is the number.
    // Line 42 answered at 04:10:52, billsec 30.
    const auto& c = run.call("1706415046.98");
    EXPECT_EQ(c["caller_number"], "81100181240432");
    EXPECT_EQ(c["wait_s"], "6");
    EXPECT_EQ(c["handle_s"], "30");
  }
}

TEST(AsteriskCdrReal, ProductionInvalidUtf8IsRepairedAndCounted) {
  // `grep -c -P '[\x80-\xFF]' prod_21col_Master.csv` prints 8: lines
  // 41-44, 69-70 and 79-80, each a caller name (clid) with bytes A5 A5;
  // no other field holds a byte above 0x7F.
  vigie::asterisk_cdr::CdrReader reader(kProd, {});
  vigie::asterisk_cdr::CdrRow row;
  int64_t calls = 0;
  while (reader.next(row)) {
    EXPECT_EQ(row.reject, "");
    ++calls;
  }
  EXPECT_EQ(calls, 36);
  EXPECT_EQ(reader.records_read(), 84);
  EXPECT_EQ(reader.repaired_values(), 8);
  EXPECT_EQ(reader.open_calls(), 0u);
  // The other real files are clean UTF-8.
  vigie::asterisk_cdr::CdrReader lab(kLab, {});
  while (lab.next(row)) {
  }
  EXPECT_EQ(lab.repaired_values(), 0);
  // The plugin hands the same count over, in its `_repaired` column.
  EXPECT_EQ(run_asterisk_cdr({{"path", kProd}}).repaired, 8);
  EXPECT_EQ(run_asterisk_cdr({{"path", kLab}}).repaired, 0);
}

// lab_18col_Master.csv: 105 rows of 18 fields (no linkedid), every
// uniqueid (field 17) different: each row is a call.
TEST(AsteriskCdrReal, LabCallsByUniqueid) {
  CdrPluginRun run = run_asterisk_cdr({{"path", kLab}});
  ASSERT_EQ(run.error, "");
  EXPECT_TRUE(run.rejects().empty());
  EXPECT_EQ(run.calls().size(), 105u);
  // `grep -c '"ANSWERED"'` prints 94, each with an answer time; the 11
  // other rows are NO ANSWER, FAILED or BUSY.
  EXPECT_EQ(run.count("outcome", "answered"), 94);
  EXPECT_EQ(run.count("outcome", "abandoned"), 11);
  // Sum of billsec over the ANSWERED rows (Python, csv module).
  EXPECT_EQ(total(run, "handle_s"), 2463);
  {
    // Line 30: 101 dials 100 at 12:49:35, answered 12:49:40, billsec 25.
    const auto& c = run.call("1427374175.5");
    EXPECT_EQ(c["started_at"], "2015-03-26T12:49:35");
    EXPECT_EQ(c["outcome"], "answered");
    EXPECT_EQ(c["wait_s"], "5");
    EXPECT_EQ(c["handle_s"], "25");
    EXPECT_EQ(c["queue"], "phones");
    EXPECT_EQ(c["caller_number"], "101");
    EXPECT_EQ(c.line, 30);
  }
  {
    // Line 74: BUSY, though an answer time is written (Asterisk 11 writes
    // the start there): abandoned after 15:27:36 -> 15:28:03.
    const auto& c = run.call("1429025256.1");
    EXPECT_EQ(c["outcome"], "abandoned");
    EXPECT_EQ(c["wait_s"], "27");
    EXPECT_EQ(c["handle_s"], "0");
  }
  {
    // Line 59: a call-out with no src and the caller id "apptel": no
    // number. Playback answered it at 15:16:10 (10 s), billsec 0.
    const auto& c = run.call("1428419760.34");
    EXPECT_EQ(c["caller_number"], std::nullopt);
    EXPECT_EQ(c["outcome"], "answered");
    EXPECT_EQ(c["wait_s"], "10");
  }
}

TEST(AsteriskCdrReal, AnsweredMinBillsec) {
  // The 7 ANSWERED rows of the lab file with billsec 0 (lines 59, 60,
  // 96-99, 104: Playback and Dial legs nobody talked on) become abandoned.
  CdrPluginRun run =
      run_asterisk_cdr({{"path", kLab}, {"answered_min_billsec", "1"}});
  ASSERT_EQ(run.error, "");
  EXPECT_EQ(run.count("outcome", "answered"), 87);
  EXPECT_EQ(run.count("outcome", "abandoned"), 18);
  const auto& c = run.call("1428419760.34");
  EXPECT_EQ(c["outcome"], "abandoned");
  EXPECT_EQ(c["wait_s"], "10");  // 15:16:00 -> end 15:16:10
  // In the production file, linkedid 1706369600.6 (line 6's Hangup).
  CdrPluginRun prod =
      run_asterisk_cdr({{"path", kProd}, {"answered_min_billsec", "1"}});
  EXPECT_EQ(prod.call("1706369600.6")["outcome"], "abandoned");
  EXPECT_EQ(prod.call("1706369600.6")["wait_s"], "60");  // -> 15:34:20
  EXPECT_EQ(prod.count("outcome", "answered"), 30);
}

// cdr_custom_19col_Master.csv: 14 rows in cdr_custom.conf.sample's order,
// uniqueid in field 17, no linkedid.
TEST(AsteriskCdrReal, CustomColumnOrder) {
  auto options = custom_19_columns();
  options["path"] = kCustom;
  CdrPluginRun run = run_asterisk_cdr(options);
  ASSERT_EQ(run.error, "");
  EXPECT_TRUE(run.rejects().empty());
  EXPECT_EQ(run.calls().size(), 14u);
  // Lines 2, 5 and 10 are NO ANSWER with an empty answer (`""`).
  EXPECT_EQ(run.count("outcome", "abandoned"), 3);
  EXPECT_EQ(run.count("outcome", "answered"), 11);
  {
    // Line 1: "" <client1>, client1 dials 6789 at 01:51:32, answered
    // 01:51:50, billsec "13".
    const auto& c = run.call("1690325492.2");
    EXPECT_EQ(c["started_at"], "2023-07-26T01:51:32");
    EXPECT_EQ(c["wait_s"], "18");
    EXPECT_EQ(c["handle_s"], "13");
    EXPECT_EQ(c["caller_number"], "client1");
    EXPECT_EQ(c["queue"], "default");
    EXPECT_EQ(c.line, 1);
  }
  {
    // Line 2: NO ANSWER from 01:52:11 to 01:52:42.
    const auto& c = run.call("1690325531.5");
    EXPECT_EQ(c["outcome"], "abandoned");
    EXPECT_EQ(c["wait_s"], "31");
    EXPECT_EQ(c["handle_s"], "0");
  }
  // queue_from: dst names the queue by the number dialled.
  options["queue_from"] = "dst";
  CdrPluginRun by_dst = run_asterisk_cdr(options);
  EXPECT_EQ(by_dst.call("1690325492.2")["queue"], "6789");
  EXPECT_EQ(by_dst.call("1690325531.5")["queue"], "1234");
  // Read as cdr_csv, its 19 fields fit no layout: the first line says so.
  CdrPluginRun as_csv = run_asterisk_cdr({{"path", kCustom}});
  EXPECT_THAT(
      as_csv.error,
      ::testing::HasSubstr(
          kCustom + ":1: expected 16, 17, 18 or 21 fields (cdr_csv), found 19 "
                    "(a cdr_custom file? give its column order in option "
                    "'columns')"));
}

TEST(AsteriskCdrReal, DirectionRules) {
  // The trunk of the production PBX is the peer SIP/211553 (and 211474,
  // its other number): with only trunk_channels, the caller's channel on
  // it makes a call inbound, and nothing else is inbound.
  CdrPluginRun run =
      run_asterisk_cdr({{"path", kProd}, {"trunk_channels.0", "SIP/211553-*"}});
  ASSERT_EQ(run.error, "");
  // Python: linkedids whose uniqueid = linkedid row has channel
  // SIP/211553-*: 27; the 9 on SIP/211474-* are internal.
  EXPECT_EQ(run.count("direction", "inbound"), 27);
  EXPECT_EQ(run.count("direction", "internal"), 9);
  CdrPluginRun outbound =
      run_asterisk_cdr({{"path", kProd}, {"outbound_contexts.0", "stadion-*"}});
  EXPECT_EQ(outbound.count("direction", "outbound"), 36);
}

}  // namespace
