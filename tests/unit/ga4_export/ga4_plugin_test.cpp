// The `ga4_export` connector loaded for real: the built plugin run through
// the engine's host (plugin_host::Connector), every batch checked against
// its schema and copied out. The real file is the GA4 sample of
// ../shared/realdata/ga4 (460 events, 1 November 2020 to 31 January 2021);
// every variant (integers as strings, missing fields, cut, gzip, CRLF) is a
// modified copy of it in a temporary folder. The expected counts were taken
// from the raw file with Python's json module (the script is quoted where a
// figure is used), never from the connector.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/load_plugin.hpp"
#include "support/run_connector.hpp"
#include "temp_dir.hpp"

namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using vigie::testing::TempDir;
using Cell = std::optional<std::string>;

const std::string kRealFile =
    std::string(VIGIE_SHARED_DIR) + "/realdata/ga4/ga4_sample_460rows.ndjson";

const std::vector<std::string> kColumns = {
    "ts",     "visitor_id",   "customer_id",   "event_type", "page",   "device",
    "source", "load_time_ms", "ga_session_id", "_line",      "_reject"};

// Everything a run of the connector produced, or the error it reported.
struct Outcome {
  // The failure's text after the host's "plugin 'ga4_export' (source ...,
  // <path>): ", so that a file name found in it was written by the plugin;
  // empty when the run went through.
  std::string error;
  std::string origin;
  std::vector<std::string> schema;
  std::vector<vigie::Table> batches;

  int64_t rows() const {
    int64_t n = 0;
    for (const auto& b : batches) n += b.rows();
    return n;
  }
  // Column `name` of every batch, end to end, as text (nullopt: null).
  std::vector<Cell> column(const std::string& name) const {
    std::vector<Cell> out;
    for (const auto& b : batches) {
      const vigie::Column* c = b.find(name);
      if (c == nullptr) {
        ADD_FAILURE() << "no column " << name;
        return out;
      }
      for (int64_t r = 0; r < b.rows(); ++r)
        out.push_back(c->is_valid(r) ? Cell(std::string(c->string_at(r)))
                                     : std::nullopt);
    }
    return out;
  }
  // The _line column: int64, never null.
  std::vector<int64_t> lines() const {
    std::vector<int64_t> out;
    for (const auto& b : batches) {
      const vigie::Column* c = b.find("_line");
      if (c == nullptr || c->type != vigie::Type::Int64) {
        ADD_FAILURE() << "no int _line column";
        return out;
      }
      EXPECT_EQ(c->null_count(), 0);
      out.insert(out.end(), c->ints.begin(), c->ints.end());
    }
    return out;
  }
  // Every row, every column but _line, as text: what two reads must share.
  std::vector<std::vector<Cell>> table() const {
    std::vector<std::vector<Cell>> rows(static_cast<size_t>(this->rows()));
    for (const auto& name : schema) {
      if (name == "_line") continue;
      auto values = column(name);
      for (size_t r = 0; r < values.size(); ++r) rows[r].push_back(values[r]);
    }
    return rows;
  }
  // How many rows hold each value of a column.
  std::map<Cell, int> counts(const std::string& name) const {
    std::map<Cell, int> out;
    for (const auto& v : column(name)) ++out[v];
    return out;
  }
};

Outcome read_plugin(const std::map<std::string, std::string>& options) {
  vigie::testing::ConnectorRun run =
      vigie::testing::run_connector("ga4_export", options);
  return Outcome{run.reason, run.origin, run.columns, std::move(run.batches)};
}

Outcome read_file(const std::filesystem::path& file) {
  return read_plugin({{"path", file.string()}});
}

std::string file_bytes(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The lines of the real file, without their LF.
std::vector<std::string> real_lines() {
  std::vector<std::string> lines;
  std::ifstream in(kRealFile);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// `text` gzip-compressed by zlib's own writer, into `name`.
std::filesystem::path write_gzip(const TempDir& dir, const std::string& name,
                                 const std::string& text) {
  auto file = dir.path() / name;
  gzFile gz = gzopen(file.c_str(), "wb");
  if (gz == nullptr) throw std::runtime_error("gzopen failed");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  if (gzclose(gz) != Z_OK) throw std::runtime_error("gzclose failed");
  return file;
}

// `line` with its one occurrence of `from` replaced by `to`.
std::string replaced(const std::string& line, const std::string& from,
                     const std::string& to) {
  const size_t at = line.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(line.find(from, at + 1), std::string::npos) << from;
  if (at == std::string::npos) return line;
  return line.substr(0, at) + to + line.substr(at + from.size());
}

TEST(Ga4Plugin, DescribesItself) {
  auto library = vigie::testing::load_plugin("ga4_export");
  const auto& info = library->info();
  EXPECT_EQ(info.abi_major, VIGIE_ABI_MAJOR);
  EXPECT_EQ(info.kind, VIGIE_KIND_CONNECTOR);
  EXPECT_STREQ(info.name, "ga4_export");
  ASSERT_EQ(info.option_count, 4u);
  EXPECT_STREQ(info.options[0].key, "path");
  EXPECT_EQ(info.options[0].required, 1);
  EXPECT_STREQ(info.options[1].key, "load_time_param");
  EXPECT_EQ(info.options[1].default_value, nullptr);
  EXPECT_STREQ(info.options[2].key, "source");
  EXPECT_STREQ(info.options[2].default_value, "traffic_source");
  ASSERT_EQ(info.options[2].choice_count, 2u);
  EXPECT_STREQ(info.options[2].choices[1], "event_params");
  EXPECT_STREQ(info.options[3].key, "batch_rows");
  EXPECT_STREQ(info.options[3].default_value, "65536");
}

// ---- the real file ------------------------------------------------------

TEST(Ga4Plugin, RealFileEveryEventRead) {
  Outcome r = read_plugin({{"path", kRealFile}});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.origin, kRealFile);
  EXPECT_EQ(r.schema, kColumns);
  // `wc -l` prints 460, and the file ends with a line break.
  ASSERT_EQ(r.rows(), 460);
  std::vector<int64_t> expected_lines;
  for (int64_t i = 1; i <= 460; ++i) expected_lines.push_back(i);
  EXPECT_EQ(r.lines(), expected_lines);
  EXPECT_THAT(r.column("_reject"), Each(std::nullopt));
  // user_id is null on every line (Python: {r["user_id"] for r in rows}
  // is {None}).
  EXPECT_THAT(r.column("customer_id"), Each(std::nullopt));
}

TEST(Ga4Plugin, RealFileHandCheckedEvents) {
  Outcome r = read_plugin({{"path", kRealFile}});
  ASSERT_EQ(r.error, "");
  auto at = [&](const std::string& name, size_t row) {
    return r.column(name).at(row);
  };
  // Line 1: "event_timestamp": 1604192073036492 (Python:
  // datetime.fromtimestamp(1604192073.036492, timezone.utc) is
  // 2020-11-01 00:54:33.036492+00:00), "event_name": "page_view",
  // "user_pseudo_id": "1005694.5834348403", page_location
  // "https://shop.googlemerchandisestore.com/Google+Redesign/Lifestyle/Drinkware",
  // ga_session_id int_value 4863244888, device.category "desktop",
  // traffic_source {"medium": "organic", "source": "google"}.
  EXPECT_EQ(at("ts", 0), "2020-11-01T00:54:33.036492Z");
  EXPECT_EQ(at("visitor_id", 0), "1005694.5834348403");
  EXPECT_EQ(at("event_type", 0), "page_view");
  EXPECT_EQ(at("page", 0), "/Google+Redesign/Lifestyle/Drinkware");
  EXPECT_EQ(at("device", 0), "desktop");
  EXPECT_EQ(at("source", 0), "google/organic");
  EXPECT_EQ(at("ga_session_id", 0), "4863244888");
  // Line 2, the same instant: the first_visit of the same visit.
  EXPECT_EQ(at("ts", 1), "2020-11-01T00:54:33.036492Z");
  EXPECT_EQ(at("event_type", 1), "first_visit");
  // Line 36: the first tablet, traffic_source <Other>/<Other>, on the home
  // page (https://shop.googlemerchandisestore.com/).
  EXPECT_EQ(at("ts", 35), "2020-11-08T15:53:27.057530Z");
  EXPECT_EQ(at("device", 35), "tablet");
  EXPECT_EQ(at("source", 35), "<Other>/<Other>");
  EXPECT_EQ(at("page", 35), "/");
  EXPECT_EQ(at("ga_session_id", 35), "7657138858");
  // Line 460, the last: 1612069510766593, session_start, mobile.
  EXPECT_EQ(at("ts", 459), "2021-01-31T05:05:10.766593Z");
  EXPECT_EQ(at("event_type", 459), "session_start");
  EXPECT_EQ(at("visitor_id", 459), "1026454.4271112504");
  EXPECT_EQ(at("device", 459), "mobile");
  EXPECT_EQ(at("ga_session_id", 459), "661084800");
}

TEST(Ga4Plugin, RealFileCountsMatchAJsonModuleCount) {
  Outcome r = read_plugin({{"path", kRealFile}});
  ASSERT_EQ(r.error, "");
  // collections.Counter(r["event_name"] for r in rows)
  EXPECT_EQ(r.counts("event_type"),
            (std::map<Cell, int>{{"page_view", 151},
                                 {"user_engagement", 96},
                                 {"session_start", 86},
                                 {"first_visit", 68},
                                 {"scroll", 42},
                                 {"view_search_results", 9},
                                 {"view_item", 4},
                                 {"view_promotion", 3},
                                 {"add_payment_info", 1}}));
  // Counter(r["device"]["category"] for r in rows)
  EXPECT_EQ(
      r.counts("device"),
      (std::map<Cell, int>{{"desktop", 308}, {"mobile", 148}, {"tablet", 4}}));
  // Counter(ts["source"] + "/" + ts["medium"] for ts in traffic_source)
  EXPECT_EQ(
      r.counts("source"),
      (std::map<Cell, int>{{"google/organic", 163},
                           {"(direct)/(none)", 137},
                           {"<Other>/<Other>", 63},
                           {"<Other>/referral", 41},
                           {"google/cpc", 20},
                           {"(data deleted)/(data deleted)", 15},
                           {"shop.googlemerchandisestore.com/referral", 12},
                           {"<Other>/organic", 9}}));
  // urllib.parse.urlsplit(page_location).path or "/": 48 distinct paths,
  // "/" on 182 events (the home pages of three host names),
  // "/Google+Redesign/Apparel" on 76.
  auto pages = r.counts("page");
  EXPECT_EQ(pages.size(), 48u);
  EXPECT_EQ(pages["/"], 182);
  EXPECT_EQ(pages["/Google+Redesign/Apparel"], 76);
  EXPECT_EQ(pages["/Google+Redesign/Apparel/Google+Dino+Game+Tee"], 30);
  // len({r["user_pseudo_id"]}) and len({(user_pseudo_id, ga_session_id)})
  std::set<Cell> visitors;
  std::set<std::pair<Cell, Cell>> sessions;
  auto visitor_column = r.column("visitor_id");
  auto session_column = r.column("ga_session_id");
  for (size_t i = 0; i < visitor_column.size(); ++i) {
    visitors.insert(visitor_column[i]);
    sessions.insert({visitor_column[i], session_column[i]});
  }
  EXPECT_EQ(visitors.size(), 114u);
  EXPECT_EQ(sessions.size(), 130u);
  EXPECT_EQ(r.counts("ga_session_id").count(std::nullopt), 0u);
}

TEST(Ga4Plugin, BatchRowsSplitsTheStream) {
  Outcome r = read_plugin({{"path", kRealFile}, {"batch_rows", "100"}});
  ASSERT_EQ(r.error, "");
  // 460 = 4 x 100 + 60.
  ASSERT_EQ(r.batches.size(), 5u);
  EXPECT_EQ(r.batches[4].rows(), 60);
  EXPECT_EQ(r.lines().back(), 460);
  EXPECT_EQ(r.table(), read_plugin({{"path", kRealFile}}).table());
}

// ---- options ------------------------------------------------------------

// GA4 has no page-load-time parameter of its own; a site that sends one
// names it. engagement_time_msec, an integer parameter of 173 events of
// the file (Python: sum(1 for r in rows for p in r["event_params"] if
// p["key"] == "engagement_time_msec" and p["value"]["int_value"] is not
// None)), stands in for it to show the option reading a real parameter.
TEST(Ga4Plugin, LoadTimeParamNamesTheParameter) {
  // Without the option the column is there, null on every row: a
  // load-time KPI then has no value (web_analytics fails on a missing
  // column).
  Outcome without = read_plugin({{"path", kRealFile}});
  ASSERT_EQ(without.error, "");
  EXPECT_EQ(without.schema, kColumns);
  EXPECT_THAT(without.column("load_time_ms"), Each(std::nullopt));
  Outcome r = read_plugin(
      {{"path", kRealFile}, {"load_time_param", "engagement_time_msec"}});
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.schema, kColumns);
  auto load = r.column("load_time_ms");
  EXPECT_EQ(std::count(load.begin(), load.end(), std::nullopt), 460 - 173);
  // Line 3, user_engagement: engagement_time_msec int_value 9215.
  EXPECT_EQ(load[2], "9215");
  EXPECT_EQ(load[0], std::nullopt);
}

TEST(Ga4Plugin, LoadTimeFromIntDoubleOrString) {
  TempDir dir;
  const std::string first = real_lines().front();
  const std::string timing_key = "\"key\": \"debug_mode\"";
  auto with_value = [&](const std::string& value) {
    // Line 1's debug_mode parameter ({"int_value": 1}) given other values.
    return replaced(
        first,
        timing_key +
            ", \"value\": {\"string_value\": null, \"int_value\": 1, "
            "\"float_value\": null, \"double_value\": null}",
        timing_key + ", \"value\": " + value);
  };
  auto file = dir.write(
      "timing.ndjson",
      with_value("{\"int_value\": 640}") + "\n" +
          with_value("{\"int_value\": \"1250\"}") + "\n" +
          with_value("{\"double_value\": 1234.5}") + "\n" +
          with_value("{\"float_value\": 99.4}") + "\n" +
          with_value("{\"string_value\": \"870\"}") + "\n" +
          with_value("{\"string_value\": null, \"int_value\": null}") + "\n" +
          with_value("{\"int_value\": 12.5}") + "\n");
  Outcome r =
      read_plugin({{"path", file.string()}, {"load_time_param", "debug_mode"}});
  ASSERT_EQ(r.error, "");
  // A double is rounded half away from zero; a string is passed on for the
  // engine to check; an int_value with a fraction is a layout error.
  const Cell null;
  EXPECT_THAT(r.column("load_time_ms"),
              ElementsAre("640", "1250", "1235", "99", "870", null, null));
  EXPECT_THAT(r.column("_reject"),
              ElementsAre(null, null, null, null, null, null,
                          "event parameter debug_mode: int_value is not a "
                          "whole number: 12.5"));
}

TEST(Ga4Plugin, SourceFromTheEventParameters) {
  Outcome r = read_plugin({{"path", kRealFile}, {"source", "event_params"}});
  ASSERT_EQ(r.error, "");
  // Counter((source, medium) of the event parameters): 328 events have
  // neither.
  auto sources = r.counts("source");
  EXPECT_EQ(sources[std::nullopt], 328);
  EXPECT_EQ(sources["google/organic"], 39);
  EXPECT_EQ(sources["shop.googlemerchandisestore.com/referral"], 38);
  EXPECT_EQ(sources["(direct)/(none)"], 21);
  // Line 21: a referral from the shop itself, for a user traffic_source
  // first acquired directly.
  EXPECT_EQ(r.column("source")[20], "shop.googlemerchandisestore.com/referral");
}

TEST(Ga4Plugin, OptionErrors) {
  EXPECT_THAT(read_plugin({}).error, HasSubstr("path"));
  EXPECT_THAT(read_plugin({{"path", "/nonexistent/ga4.ndjson"}}).error,
              HasSubstr("cannot open '/nonexistent/ga4.ndjson'"));
  EXPECT_THAT(read_plugin({{"path", kRealFile}, {"source", "utm"}}).error,
              HasSubstr("option 'source' must be one of"));
  EXPECT_THAT(read_plugin({{"path", kRealFile}, {"batch_rows", "0"}}).error,
              HasSubstr("batch_rows"));
}

// ---- variants of the real file -------------------------------------------

// BigQuery's JSON export writes INT64 as strings ("1604192073036492"):
// the same file with every event_timestamp and int_value quoted reads
// the same.
TEST(Ga4Plugin, IntegersWrittenAsStrings) {
  TempDir dir;
  const std::string text = file_bytes(kRealFile);
  const std::regex integer("\"(event_timestamp|int_value)\": (-?[0-9]+)");
  const std::string quoted =
      std::regex_replace(text, integer, "\"$1\": \"$2\"");
  // Every line's event_timestamp and the int_value of each ga_session_id
  // at least were quoted.
  const auto count = [](const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos;
         at = s.find(what, at + 1))
      ++n;
    return n;
  };
  ASSERT_EQ(count(quoted, "\"event_timestamp\": \""), 460u);
  ASSERT_GE(count(quoted, "\"int_value\": \""), 920u);
  Outcome plain = read_file(kRealFile);
  Outcome strings = read_file(dir.write("quoted.ndjson", quoted));
  ASSERT_EQ(strings.error, "");
  EXPECT_EQ(strings.table(), plain.table());
}

TEST(Ga4Plugin, GzipReadsLikeThePlainFile) {
  TempDir dir;
  auto gz = write_gzip(dir, "ga4.ndjson.gz", file_bytes(kRealFile));
  ASSERT_LT(std::filesystem::file_size(gz), 1328771u / 4);
  Outcome zipped = read_file(gz);
  ASSERT_EQ(zipped.error, "");
  Outcome plain = read_file(kRealFile);
  EXPECT_EQ(zipped.table(), plain.table());
  EXPECT_EQ(zipped.lines(), plain.lines());
}

TEST(Ga4Plugin, CrLfAndByteOrderMarkReadLikeThePlainFile) {
  TempDir dir;
  std::string text = "\xEF\xBB\xBF";
  for (const auto& line : real_lines()) text += line + "\r\n";
  Outcome r = read_file(dir.write("windows.ndjson", text));
  ASSERT_EQ(r.error, "");
  Outcome plain = read_file(kRealFile);
  EXPECT_EQ(r.table(), plain.table());
  EXPECT_EQ(r.lines(), plain.lines());
}

// A copy cut in the middle of a line (an interrupted copy of a plain
// file): the lines before it are read, the cut line is a reject that says
// the file ends inside it.
TEST(Ga4Plugin, TruncatedFileRejectsTheCutLine) {
  TempDir dir;
  const std::string text = file_bytes(kRealFile);
  const std::string cut = text.substr(0, text.size() / 2);
  ASSERT_NE(cut.back(), '\n');
  const int64_t whole_lines = std::count(cut.begin(), cut.end(), '\n');
  Outcome r = read_file(dir.write("cut.ndjson", cut));
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.rows(), whole_lines + 1);
  EXPECT_EQ(r.lines().back(), whole_lines + 1);
  auto rejects = r.column("_reject");
  EXPECT_EQ(std::count(rejects.begin(), rejects.end(), std::nullopt),
            whole_lines);
  ASSERT_TRUE(rejects.back().has_value());
  EXPECT_THAT(*rejects.back(), StartsWith("line is not JSON: "));
  EXPECT_THAT(*rejects.back(),
              HasSubstr("the file ends in the middle of this line"));
  EXPECT_EQ(r.column("ts").back(), std::nullopt);
}

// A cut gzip file fails the source: what was inflated is not used.
TEST(Ga4Plugin, TruncatedGzipFailsNamingTheFile) {
  TempDir dir;
  const std::string gz =
      file_bytes(write_gzip(dir, "whole.gz", file_bytes(kRealFile)).string());
  auto cut = dir.write("cut.ndjson.gz", gz.substr(0, gz.size() / 2));
  Outcome r = read_file(cut);
  EXPECT_THAT(r.error, HasSubstr(cut.string() + ": the gzip data ends early"));
  EXPECT_THAT(r.error, HasSubstr("bytes of data (line "));
  // Every byte but the 8-byte trailer: still an error.
  auto no_trailer =
      dir.write("no_trailer.ndjson.gz", gz.substr(0, gz.size() - 8));
  EXPECT_THAT(read_file(no_trailer).error, HasSubstr("ends early"));
}

// Line 1 with one field taken away or changed, each on its own line, with
// blank lines between (skipped, still counted): the reason of each reject,
// or what a valid variant gives.
TEST(Ga4Plugin, MissingAndWrongFields) {
  TempDir dir;
  const std::string l = real_lines().front();
  const std::string ts = "\"event_timestamp\": 1604192073036492, ";
  const std::string name = "\"event_name\": \"page_view\", ";
  const std::string visitor = "\"user_pseudo_id\": \"1005694.5834348403\", ";
  const std::string medium = "{\"medium\": \"organic\",";
  const std::vector<std::string> variants = {
      replaced(l, ts, ""),                                           // 1
      replaced(l, ts, "\"event_timestamp\": null, "),                // 2
      replaced(l, ts, "\"event_timestamp\": 1604192073036492.5, "),  // 3
      replaced(l, ts, "\"event_timestamp\": \"soon\", "),            // 4
      replaced(l, ts, "\"event_timestamp\": 300000000000000000, "),  // 5
      replaced(l, name, ""),                                         // 6
      replaced(l, visitor, ""),                                      // 7
      replaced(l, visitor, "\"user_pseudo_id\": null, "),            // 8
      replaced(l, visitor, "\"user_pseudo_id\": [1], "),             // 9
      replaced(l, "\"user_id\": null", "\"user_id\": \"C42\""),      // 10
      replaced(l, "\"user_id\": null", "\"user_id\": 42"),           // 11
      replaced(l, "\"device\": {\"category\": \"desktop\",",
               "\"device\": {\"category\": null,"),  // 12
      replaced(l, medium, "{\"medium\": null,"),     // 13
      replaced(replaced(l, "\"traffic_source\": {", "\"ts\": {"),
               "\"device\": {", "\"device\": \"desktop\", \"d\": {"),  // 14
      "[" + l + "]",                                                   // 15
      l.substr(0, 200),                                                // 16
      "{\"ts\": \"2026-10-03T14:05:09\", \"visitor_id\": \"v1\"}",     // 17
  };
  std::string text;
  for (const auto& v : variants) text += v + "\n\n";
  Outcome r = read_file(dir.write("fields.ndjson", text));
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.rows(), 17);
  std::vector<int64_t> lines;
  for (int64_t i = 0; i < 17; ++i) lines.push_back(2 * i + 1);
  EXPECT_EQ(r.lines(), lines);
  const Cell ok;
  auto reasons = r.column("_reject");
  EXPECT_EQ(reasons[0], "no event_timestamp");
  EXPECT_EQ(reasons[1], "no event_timestamp");
  EXPECT_THAT(reasons[2].value_or(""),
              StartsWith("event_timestamp is not a whole number of "
                         "microseconds: "));
  EXPECT_EQ(reasons[3],
            "event_timestamp is not a whole number of microseconds: "
            "\"soon\"");
  EXPECT_EQ(reasons[4],
            "event_timestamp 300000000000000000 is outside the years 0000 "
            "to 9999");
  EXPECT_EQ(reasons[5], "no event_name");
  EXPECT_EQ(reasons[6], "no user_pseudo_id");
  EXPECT_EQ(reasons[7], "no user_pseudo_id");
  EXPECT_EQ(reasons[8], "user_pseudo_id is not a string: [1]");
  // 10-13 are events: a customer, a numeric customer id, no device, a
  // source without its medium.
  EXPECT_THAT(std::vector<Cell>(reasons.begin() + 9, reasons.begin() + 13),
              Each(ok));
  EXPECT_EQ(r.column("customer_id")[9], "C42");
  EXPECT_EQ(r.column("customer_id")[10], "42");
  EXPECT_EQ(r.column("device")[11], std::nullopt);
  EXPECT_EQ(r.column("device")[12], "desktop");
  EXPECT_EQ(r.column("source")[12], "google");
  // 14: a device that is no object; the renamed traffic_source is just
  // absent (an unknown key is ignored).
  EXPECT_EQ(reasons[13], "device is not an object: \"desktop\"");
  EXPECT_THAT(reasons[14].value_or(""),
              StartsWith("line is not a JSON object (one event a line): "));
  EXPECT_THAT(reasons[15].value_or(""), StartsWith("line is not JSON: "));
  // 16 does not end the file: no "truncated" guess.
  EXPECT_THAT(reasons[15].value_or(""), Not(HasSubstr("truncated")));
  // 17: valid JSON of another layout (canonical web events).
  EXPECT_EQ(reasons[16], "no event_timestamp");
  // A rejected row carries no value.
  EXPECT_EQ(r.column("visitor_id")[0], std::nullopt);
  EXPECT_EQ(r.column("event_type")[6], std::nullopt);
}

TEST(Ga4Plugin, EventParamsEmptyOrMalformed) {
  TempDir dir;
  const std::string l = real_lines().front();
  const size_t begin = l.find("\"event_params\": [");
  const size_t end = l.find("], \"event_previous_timestamp\"");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  auto with_params = [&](const std::string& params) {
    return l.substr(0, begin) + "\"event_params\": " + params +
           l.substr(end + 1);
  };
  auto file = dir.write(
      "params.ndjson",
      with_params("[]") + "\n" + with_params("null") + "\n" +
          with_params("{}") + "\n" + with_params("[{\"value\": {}}]") + "\n" +
          with_params("[{\"key\": \"page_location\", \"value\": "
                      "{\"string_value\": \"https://x.fr/a?b=c#d\"}}, "
                      "{\"key\": \"page_location\", \"value\": "
                      "{\"string_value\": \"https://x.fr/second\"}}, "
                      "{\"key\": \"ga_session_id\"}]") +
          "\n" +
          with_params("[{\"key\": \"ga_session_id\", \"value\": "
                      "{\"int_value\": \"x1\"}}]") +
          "\n" +
          with_params("[{\"key\": \"page_location\", \"value\": \"/a\"}]") +
          "\n");
  Outcome r = read_file(file);
  ASSERT_EQ(r.error, "");
  const Cell null;
  EXPECT_THAT(
      r.column("_reject"),
      ElementsAre(null, null, "event_params is not an array: {}",
                  "event_params[0] is not an object {key, value} with a "
                  "string key: {\"value\":{}}",
                  null,
                  "event parameter ga_session_id: int_value is not a whole "
                  "number: \"x1\"",
                  "event parameter page_location: value is not an object "
                  "{string_value, int_value, ...}: \"/a\""));
  // No parameter: no page, no session; the first page_location counts,
  // less its query and fragment; a parameter without value is null.
  EXPECT_THAT(r.column("page"),
              ElementsAre(null, null, null, null, "/a", null, null));
  EXPECT_THAT(r.column("ga_session_id"),
              ElementsAre(null, null, null, null, null, null, null));
  EXPECT_EQ(r.column("ts")[4], "2020-11-01T00:54:33.036492Z");
}

// What simdjson says of lines that are no JSON, as the reject gives it.
TEST(Ga4Plugin, WhyALineIsNotJson) {
  TempDir dir;
  const std::string l = real_lines().front();
  const std::string ts = "\"event_timestamp\": 1604192073036492, ";
  auto file = dir.write(
      "not_json.ndjson",
      "{} {}\n"                          // two values
      "{\"event_name\": \"caf\xE9\"}\n"  // Latin-1, not UTF-8
          + replaced(l, ts, "\"event_timestamp\": 99999999999999999999, ") +
          "\n"  // past 64 bits
          "\"text\"\n");
  Outcome r = read_file(file);
  ASSERT_EQ(r.error, "");
  EXPECT_THAT(
      r.column("_reject"),
      ElementsAre("line is not JSON: The JSON document has an improper "
                  "structure: missing or superfluous commas, braces, missing "
                  "keys, etc.",
                  "line is not JSON: The input is not valid UTF-8",
                  "line is not JSON: Problem while parsing a number",
                  "line is not a JSON object (one event a line): \"text\""));
}

// ---- a file of another layout ---------------------------------------------

// A CSV file given instead (the real PhoneNow calls, 5,001 lines with the
// header; a BOM first): every line is a reject naming it, none an event.
TEST(Ga4Plugin, CsvFileGivenInsteadIsRejectedLineByLine) {
  const std::string csv =
      std::string(VIGIE_SHARED_DIR) + "/realdata/callcenter/phonenow_calls.csv";
  Outcome r = read_plugin({{"path", csv}});
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.rows(), 5001);
  EXPECT_EQ(r.lines().front(), 1);
  EXPECT_EQ(r.lines().back(), 5001);
  auto reasons = r.column("_reject");
  for (const auto& reason : reasons) {
    ASSERT_TRUE(reason.has_value());
    ASSERT_THAT(*reason, StartsWith("line is not JSON: "));
  }
  EXPECT_THAT(r.column("ts"), Each(std::nullopt));
}

}  // namespace
