// The asterisk_cdr plugin on copies of the real files made here: cut to
// cdr_csv's 16 and 17 fields, truncated, of a wrong layout, with bad rows,
// gzip-compressed; and its options.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "cdr_test_files.hpp"

namespace {

using ::testing::HasSubstr;
using vigie::testing::asterisk_file;
using vigie::testing::CdrPluginRun;
using vigie::testing::cut_columns;
using vigie::testing::gzip_copy;
using vigie::testing::run_asterisk_cdr;
using vigie::testing::TempDir;

const std::string kProd = asterisk_file("prod_21col_Master.csv");
const std::string kLab = asterisk_file("lab_18col_Master.csv");
const std::string kCustom = asterisk_file("cdr_custom_19col_Master.csv");

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What a call is, whatever its id: start, outcome, wait, handling.
using CallFigures =
    std::tuple<std::string, std::string, std::string, std::string>;
std::vector<CallFigures> figures(const CdrPluginRun& run) {
  std::vector<CallFigures> out;
  for (const auto* c : run.calls())
    out.emplace_back(*(*c)["started_at"], *(*c)["outcome"],
                     (*c)["wait_s"].value_or(""), *(*c)["handle_s"]);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AsteriskCdrFiles, SeventeenFieldsGroupByUniqueid) {
  TempDir dir;
  auto file = cut_columns(dir, kProd, 17, "Master17.csv");
  CdrPluginRun run = run_asterisk_cdr({{"path", file.string()}});
  ASSERT_EQ(run.error, "");
  EXPECT_TRUE(run.rejects().empty());
  // Without linkedid, the rows group by uniqueid (field 17): Python
  // len({row[16]}) over the production file is 45; the Local channels'
  // legs are calls of their own now. 34 of them have an ANSWERED row
  // with an answer time.
  EXPECT_EQ(run.calls().size(), 45u);
  EXPECT_EQ(run.count("outcome", "answered"), 34);
  EXPECT_EQ(run.count("outcome", "abandoned"), 11);
  // Lines 23-26 (uniqueid 1706407446.50): as with linkedid but for line
  // 22, whose uniqueid 1706407446.52 is a call of its own (answered at
  // 02:04:12, billsec 0).
  const auto& c = run.call("1706407446.50");
  EXPECT_EQ(c["wait_s"], "6");
  EXPECT_EQ(c["handle_s"], "17");
  EXPECT_EQ(c.line, 23);
  EXPECT_EQ(run.call("1706407446.52")["handle_s"], "0");
  EXPECT_EQ(run.call("1706407446.52").line, 22);
}

TEST(AsteriskCdrFiles, SixteenFieldsGroupByChannel) {
  TempDir dir;
  auto file16 = cut_columns(dir, kProd, 16, "Master16.csv");
  auto file17 = cut_columns(dir, kProd, 17, "Master17.csv");
  CdrPluginRun run = run_asterisk_cdr({{"path", file16.string()}});
  ASSERT_EQ(run.error, "");
  EXPECT_TRUE(run.rejects().empty());
  // No id at all: the caller's channel name groups the rows, a new call
  // when a row starts after the channel's call ended. In this file that
  // makes the same 45 groups as the uniqueid (checked in Python): the
  // calls are the 17-field file's, under other ids.
  EXPECT_EQ(run.calls().size(), 45u);
  EXPECT_EQ(figures(run),
            figures(run_asterisk_cdr({{"path", file17.string()}})));
  // SIP/211553-00000003 is the caller's channel of lines 4-6 (15:33:20 on
  // the 27th) and, after the PBX restarted and counted from 0 again, of
  // lines 45-46 (06:05:30 on the 28th): two calls.
  const auto& first = run.call("SIP/211553-00000003@2024-01-27T15:33:20");
  EXPECT_EQ(first["wait_s"], "60");
  EXPECT_EQ(first.line, 4);
  const auto& second = run.call("SIP/211553-00000003@2024-01-28T06:05:30");
  EXPECT_EQ(second["outcome"], "answered");
  EXPECT_EQ(second["wait_s"], "10");  // answered 06:05:40 (line 45)
  EXPECT_EQ(second["handle_s"], "33");
  EXPECT_EQ(second.line, 45);
}

TEST(AsteriskCdrFiles, GzipGivesWhatThePlainFileGives) {
  TempDir dir;
  auto gz = gzip_copy(dir, kProd, "Master.csv.gz");
  CdrPluginRun plain = run_asterisk_cdr({{"path", kProd}});
  CdrPluginRun packed = run_asterisk_cdr({{"path", gz.string()}});
  ASSERT_EQ(packed.error, "");
  ASSERT_EQ(packed.rows.size(), plain.rows.size());
  for (size_t i = 0; i < plain.rows.size(); ++i) {
    EXPECT_EQ(packed.rows[i].line, plain.rows[i].line);
    EXPECT_EQ(packed.rows[i].cells, plain.rows[i].cells);
  }
  EXPECT_EQ(packed.rows.size(), 36u);
}

TEST(AsteriskCdrFiles, TruncatedFiles) {
  TempDir dir;
  const std::string whole = bytes_of(kProd);
  const size_t last_line = whole.rfind('\n', whole.size() - 2) + 1;
  const std::string last = whole.substr(last_line);
  // Line 84 cut after its start time and the comma behind it: 11 fields,
  // a reject naming the line; the 83 lines before make their 35 calls
  // (line 84 was the only row of its call).
  const size_t after_start = last.find("12:36:51\",") + 10;
  auto cut = dir.write("cut.csv", whole.substr(0, last_line + after_start));
  CdrPluginRun run = run_asterisk_cdr({{"path", cut.string()}});
  ASSERT_EQ(run.error, "");
  EXPECT_EQ(run.calls().size(), 35u);
  ASSERT_EQ(run.rejects().size(), 1u);
  EXPECT_EQ(run.rejects()[0]->line, 84);
  EXPECT_EQ(*run.rejects()[0]->reject,
            "expected 16, 17, 18 or 21 fields (cdr_csv), found 11");
  // Cut inside a quoted field: the file cannot be read past it.
  auto in_quote = dir.write("quote.csv", whole.substr(0, last_line + 60));
  CdrPluginRun open_quote = run_asterisk_cdr({{"path", in_quote.string()}});
  EXPECT_THAT(open_quote.error,
              HasSubstr(in_quote.string() +
                        ": unterminated quoted field starting at line 84"));
  // A gzip file cut short is an error, none of its rows used.
  auto gz = gzip_copy(dir, kProd, "whole.csv.gz");
  const std::string packed = bytes_of(gz.string());
  auto half = dir.write("half.csv.gz", packed.substr(0, packed.size() / 2));
  CdrPluginRun cut_gz = run_asterisk_cdr({{"path", half.string()}});
  EXPECT_THAT(cut_gz.error,
              HasSubstr(half.string() + ": the gzip data ends early"));
}

TEST(AsteriskCdrFiles, WrongLayoutIsAnErrorAtTheFirstLine) {
  // The 18-field lab file read with layout 21.
  CdrPluginRun forced = run_asterisk_cdr({{"path", kLab}, {"layout", "21"}});
  EXPECT_THAT(forced.error,
              HasSubstr(kLab + ":1: expected 21 fields (cdr_csv (21 fields)), "
                               "found 18"));
  // The cdr_custom file with one column too few in its order.
  auto options = vigie::testing::custom_19_columns();
  options.erase("columns.18");
  options["path"] = kCustom;
  CdrPluginRun custom = run_asterisk_cdr(options);
  EXPECT_THAT(custom.error,
              HasSubstr(kCustom +
                        ":1: expected 18 fields (the order of option "
                        "'columns'), found 19 (check option 'columns' against "
                        "the file)"));
  // A queue_log is no CDR file.
  const std::string queue_log = asterisk_file("pbxware_queue_log_export.csv");
  CdrPluginRun other = run_asterisk_cdr({{"path", queue_log}});
  EXPECT_THAT(other.error, HasSubstr(queue_log + ":1: expected 16, 17, 18 or "
                                                 "21 fields (cdr_csv), found"));
}

TEST(AsteriskCdrFiles, BadRowsAreRejectsNamingTheirLine) {
  TempDir dir;
  std::string text = bytes_of(kLab);
  // Line 50 gets a 19th field; line 51's start becomes "yesterday";
  // line 52's end is cut to its date; line 53's billsec is "12s".
  std::vector<std::string> lines;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  lines[49] += ",\"x\"";
  auto replace = [&](size_t i, const std::string& from, const std::string& to) {
    const size_t at = lines[i].find(from);
    ASSERT_NE(at, std::string::npos) << lines[i];
    lines[i].replace(at, from.size(), to);
  };
  // Line 51 (1428418606.23) starts and is answered at 14:56:46, line 52
  // (1428419051.24) ends at 15:04:57, line 53 (1428419135.26) is billed
  // 29 s.
  replace(50, "\"2015-04-07 14:56:46\",\"2015-04-07 14:56:46\"",
          "\"yesterday\",\"2015-04-07 14:56:46\"");
  replace(51, "\"2015-04-07 15:04:57\"", "\"2015-04-07\"");
  replace(52, ",29,29,", ",29,12s,");
  std::string copy;
  for (const auto& l : lines) copy += l + "\n";
  auto file = dir.write("bad.csv", copy);
  CdrPluginRun run = run_asterisk_cdr({{"path", file.string()}});
  ASSERT_EQ(run.error, "");
  EXPECT_EQ(run.calls().size(), 101u);
  auto rejects = run.rejects();
  ASSERT_EQ(rejects.size(), 4u);
  EXPECT_EQ(rejects[0]->line, 50);
  EXPECT_EQ(*rejects[0]->reject,
            "expected 16, 17, 18 or 21 fields (cdr_csv), found 19");
  EXPECT_EQ(rejects[1]->line, 51);
  EXPECT_EQ(*rejects[1]->reject,
            "start 'yesterday' is not a time YYYY-MM-DD HH:MM:SS");
  EXPECT_EQ(rejects[2]->line, 52);
  EXPECT_EQ(*rejects[2]->reject,
            "end '2015-04-07' is not a time YYYY-MM-DD HH:MM:SS");
  EXPECT_EQ(rejects[3]->line, 53);
  EXPECT_EQ(*rejects[3]->reject,
            "billsec '12s' is not a whole number of seconds >= 0");
  for (const auto* r : rejects) {
    EXPECT_EQ((*r)["call_id"], std::nullopt);
    EXPECT_EQ((*r)["outcome"], std::nullopt);
  }
}

TEST(AsteriskCdrFiles, RowsWithoutIds) {
  TempDir dir;
  std::string text = bytes_of(kCustom);
  // Line 3 of the cdr_custom file: channel PJSIP/client2-00000006, uniqueid
  // 1690325659.8, started 01:54:19. Without its uniqueid the row groups by
  // its channel; without the channel too, nothing says which call it is.
  auto without = [&](std::string copy, const std::string& value) {
    const size_t at = copy.find("\"" + value + "\"");
    EXPECT_NE(at, std::string::npos);
    copy.replace(at, value.size() + 2, "\"\"");
    return copy;
  };
  auto options = vigie::testing::custom_19_columns();
  options["path"] =
      dir.write("no_uniqueid.csv", without(text, "1690325659.8")).string();
  CdrPluginRun by_channel = run_asterisk_cdr(options);
  ASSERT_EQ(by_channel.error, "");
  EXPECT_EQ(by_channel.calls().size(), 14u);
  EXPECT_EQ(by_channel.call("PJSIP/client2-00000006@2023-07-26T01:54:19").line,
            3);
  options["path"] =
      dir.write("no_ids.csv", without(without(text, "1690325659.8"),
                                      "PJSIP/client2-00000006"))
          .string();
  CdrPluginRun no_ids = run_asterisk_cdr(options);
  ASSERT_EQ(no_ids.error, "");
  EXPECT_EQ(no_ids.calls().size(), 13u);
  ASSERT_EQ(no_ids.rejects().size(), 1u);
  EXPECT_EQ(no_ids.rejects()[0]->line, 3);
  EXPECT_EQ(*no_ids.rejects()[0]->reject,
            "no linkedid, uniqueid or channel: nothing tells which call the "
            "row belongs to");
}

TEST(AsteriskCdrFiles, UtcTimes) {
  CdrPluginRun run = run_asterisk_cdr({{"path", kProd}, {"utc", "true"}});
  ASSERT_EQ(run.error, "");
  EXPECT_EQ(run.call("1706407446.50")["started_at"], "2024-01-28T02:04:06Z");
}

TEST(AsteriskCdrFiles, SmallBatchesGiveTheSameRows) {
  CdrPluginRun whole = run_asterisk_cdr({{"path", kProd}});
  CdrPluginRun small = run_asterisk_cdr({{"path", kProd}, {"batch_rows", "5"}});
  ASSERT_EQ(small.error, "");
  ASSERT_EQ(small.rows.size(), whole.rows.size());
  for (size_t i = 0; i < whole.rows.size(); ++i)
    EXPECT_EQ(small.rows[i].cells, whole.rows[i].cells);
}

TEST(AsteriskCdrFiles, OptionErrors) {
  EXPECT_THAT(run_asterisk_cdr({}).error, HasSubstr("'path'"));
  EXPECT_THAT(run_asterisk_cdr({{"path", "/nonexistent/Master.csv"}}).error,
              HasSubstr("/nonexistent/Master.csv"));
  EXPECT_THAT(run_asterisk_cdr({{"path", kLab}, {"layout", "19"}}).error,
              HasSubstr("option 'layout'"));
  EXPECT_THAT(run_asterisk_cdr(
                  {{"path", kLab}, {"layout", "18"}, {"columns.0", "start"}})
                  .error,
              HasSubstr("exclude each other"));
  EXPECT_THAT(run_asterisk_cdr({{"path", kLab}, {"columns.0", "strat"}}).error,
              HasSubstr("option 'columns.0'"));
  EXPECT_THAT(run_asterisk_cdr({{"path", kLab}, {"columns.0", "start"}}).error,
              HasSubstr("option 'columns' lacks answer"));
  EXPECT_THAT(
      run_asterisk_cdr({{"path", kLab}, {"call_window_hours", "0"}}).error,
      HasSubstr("call_window_hours"));
  EXPECT_THAT(run_asterisk_cdr({{"path", kLab}, {"queue_from", "clid"}}).error,
              HasSubstr("queue_from"));
}

}  // namespace
