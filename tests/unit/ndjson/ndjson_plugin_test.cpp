// The `ndjson` connector loaded for real (the built plugin through the
// engine's host), on files written here: values found by JSON pointers,
// the first object's fields when no pointer is given, a line that is no
// JSON object as a reject at its line, gzip equal to plain, a cut gzip an
// error. Expected cells are the values written in the lines; on the real
// GA4 export (../shared/realdata/ga4), the values nlohmann-json finds in
// each line, a parser independent of the connector's simdjson.
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/run_connector.hpp"
#include "temp_dir.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using vigie::testing::ConnectorStep;
using vigie::testing::TempDir;
using Cell = std::optional<std::string>;

std::vector<Cell> cells(const vigie::testing::ConnectorRun& run,
                        const std::string& name) {
  std::vector<Cell> out;
  for (const auto& batch : run.batches) {
    const vigie::Column* column = batch.find(name);
    if (column == nullptr) {
      ADD_FAILURE() << "no column " << name;
      return out;
    }
    for (int64_t r = 0; r < batch.rows(); ++r)
      out.push_back(column->is_valid(r)
                        ? Cell(std::string(column->string_at(r)))
                        : std::nullopt);
  }
  return out;
}

std::vector<int64_t> lines(const vigie::testing::ConnectorRun& run) {
  std::vector<int64_t> out;
  for (const auto& batch : run.batches)
    for (int64_t v : batch.find("_line")->ints) out.push_back(v);
  return out;
}

const std::string kEvents =
    "{\"time\": \"2026-10-03T14:05:09Z\", \"user\": {\"id\": \"C1\", "
    "\"device\": \"mobile\"}, \"name\": \"page_view\", \"ms\": 312, "
    "\"amount\": 12.50, \"tags\": [\"a\", \"b\"], \"ok\": true}\n"
    "\r\n"
    "{\"time\": \"2026-10-03T14:06:00Z\", \"user\": {\"id\": null}, "
    "\"name\": \"action\", \"ms\": \"87\"}\n"
    "not json at all\n"
    "[1, 2]\n"
    "{\"time\": \"2026-10-04T08:00:00Z\", \"name\": \"conversion\", \"ms\": "
    "9223372036854775807}\n";

std::string gzip(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size())) + 32;
  std::string out(size, '\0');
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
               Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

vigie::testing::ConnectorRun with_pointers(const std::string& path) {
  return vigie::testing::run_connector("ndjson",
                                       {{"path", path},
                                        {"columns.ts", "/time"},
                                        {"columns.customer_id", "/user/id"},
                                        {"columns.device", "/user/device"},
                                        {"columns.event_type", "/name"},
                                        {"columns.load_time_ms", "/ms"},
                                        {"columns.amount", "/amount"},
                                        {"columns.tags", "/tags"},
                                        {"columns.first_tag", "/tags/0"}});
}

TEST(NdjsonPlugin, PointersFindNestedValuesAndMissingOnesAreNull) {
  TempDir dir;
  auto run = with_pointers(dir.write("events.ndjson", kEvents).string());
  ASSERT_EQ(run.failed_at, ConnectorStep::kNone) << run.message;
  // Columns in name order (the map option's), then the connector's own.
  EXPECT_THAT(
      run.columns,
      ElementsAre("amount", "customer_id", "device", "event_type", "first_tag",
                  "load_time_ms", "tags", "ts", "_line", "_reject"));
  // The blank line 2 is skipped; lines 4 and 5 are rejects.
  EXPECT_THAT(lines(run), ElementsAre(1, 3, 4, 5, 6));
  EXPECT_THAT(cells(run, "customer_id"),
              ElementsAre("C1", std::nullopt, std::nullopt, std::nullopt,
                          std::nullopt));
  EXPECT_THAT(cells(run, "device"),
              ElementsAre("mobile", std::nullopt, std::nullopt, std::nullopt,
                          std::nullopt));
  // A number as a number or as a string; an integer at int64's end exact.
  EXPECT_THAT(cells(run, "load_time_ms"),
              ElementsAre("312", "87", std::nullopt, std::nullopt,
                          "9223372036854775807"));
  EXPECT_EQ(cells(run, "amount")[0], "12.5");
  EXPECT_EQ(cells(run, "tags")[0], "[\"a\",\"b\"]");
  EXPECT_EQ(cells(run, "first_tag")[0], "a");
  const auto reject = cells(run, "_reject");
  EXPECT_EQ(reject[0], std::nullopt);
  ASSERT_TRUE(reject[2].has_value());
  EXPECT_THAT(*reject[2], HasSubstr("line is not JSON"));
  EXPECT_EQ(reject[3], "expected a JSON object, got another JSON value");
}

TEST(NdjsonPlugin, WithoutPointersTheFirstObjectNamesTheColumns) {
  TempDir dir;
  auto run = vigie::testing::run_connector(
      "ndjson", {{"path", dir.write("e.ndjson", kEvents).string()}});
  ASSERT_EQ(run.failed_at, ConnectorStep::kNone) << run.message;
  EXPECT_THAT(run.columns, ElementsAre("time", "user", "name", "ms", "amount",
                                       "tags", "ok", "_line", "_reject"));
  EXPECT_THAT(cells(run, "name"),
              ElementsAre("page_view", "action", std::nullopt, std::nullopt,
                          "conversion"));
  EXPECT_EQ(cells(run, "user")[0], "{\"id\":\"C1\",\"device\":\"mobile\"}");
  EXPECT_EQ(cells(run, "ok")[0], "true");
}

TEST(NdjsonPlugin, GzipGivesWhatThePlainFileGives) {
  TempDir dir;
  auto plain = with_pointers(dir.write("e.ndjson", kEvents).string());
  auto packed = with_pointers(dir.write("e.ndjson.gz", gzip(kEvents)).string());
  ASSERT_EQ(packed.failed_at, ConnectorStep::kNone) << packed.message;
  for (const char* column : {"ts", "customer_id", "load_time_ms", "_reject"})
    EXPECT_EQ(cells(packed, column), cells(plain, column)) << column;
  EXPECT_EQ(lines(packed), lines(plain));
}

TEST(NdjsonPlugin, ACutFileIsARejectAndACutGzipAnError) {
  TempDir dir;
  // Cut inside the last object: the last line is not JSON.
  const std::string cut = kEvents.substr(0, kEvents.size() - 10);
  auto run = with_pointers(dir.write("cut.ndjson", cut).string());
  ASSERT_EQ(run.failed_at, ConnectorStep::kNone) << run.message;
  ASSERT_TRUE(cells(run, "_reject").back().has_value());
  EXPECT_EQ(lines(run).back(), 6);
  const std::string packed = gzip(kEvents);
  auto cut_gzip = with_pointers(
      dir.write("cut.ndjson.gz", packed.substr(0, packed.size() - 12))
          .string());
  EXPECT_NE(cut_gzip.failed_at, ConnectorStep::kNone);
  EXPECT_THAT(cut_gzip.reason, HasSubstr("ends early"));
}

TEST(NdjsonPlugin, AWrongLayoutSaysWhereAndWhat) {
  TempDir dir;
  // A CSV file without pointers: its first line cannot name the columns.
  auto csv = vigie::testing::run_connector(
      "ndjson",
      {{"path", dir.write("calls.csv", "call_id,started_at\nk1,2026-10-01\n")
                    .string()}});
  EXPECT_EQ(csv.failed_at, ConnectorStep::kOpen);
  EXPECT_THAT(csv.reason, HasSubstr("calls.csv:1: expected a JSON object"));
  // The same with pointers: every line a reject at its line.
  auto rows = vigie::testing::run_connector(
      "ndjson", {{"path", dir.path() / "calls.csv"}, {"columns.id", "/id"}});
  ASSERT_EQ(rows.failed_at, ConnectorStep::kNone) << rows.message;
  EXPECT_THAT(lines(rows), ElementsAre(1, 2));
  EXPECT_TRUE(cells(rows, "_reject")[1].has_value());
  // A pointer must start with '/'.
  auto bad = vigie::testing::run_connector(
      "ndjson", {{"path", dir.path() / "calls.csv"}, {"columns.id", "id"}});
  EXPECT_EQ(bad.failed_at, ConnectorStep::kCreate);
  EXPECT_THAT(bad.reason, HasSubstr("starts with '/'"));
}

// What nlohmann-json finds at `pointer` in `line`, written as the
// connector writes a value: text as is, a number as its digits, nothing
// for null or a missing member.
Cell expected_cell(const nlohmann::json& line, const std::string& pointer) {
  const nlohmann::json::json_pointer at(pointer);
  if (!line.contains(at)) return std::nullopt;
  const auto& value = line.at(at);
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

TEST(NdjsonPlugin, TheRealGa4ExportGivesWhatAnotherParserFinds) {
  const std::string path =
      std::string(VIGIE_SHARED_DIR) + "/realdata/ga4/ga4_sample_460rows.ndjson";
  const std::vector<std::pair<std::string, std::string>> columns = {
      {"ts", "/event_timestamp"},
      {"event_type", "/event_name"},
      {"visitor_id", "/user_pseudo_id"},
      {"customer_id", "/user_id"},
      {"device", "/device/category"},
      {"source", "/traffic_source/source"},
      {"first_param", "/event_params/0/key"}};
  std::map<std::string, std::string> options = {{"path", path}};
  for (const auto& [name, pointer] : columns)
    options["columns." + name] = pointer;
  auto run = vigie::testing::run_connector("ndjson", options);
  ASSERT_EQ(run.failed_at, ConnectorStep::kNone) << run.message;

  std::ifstream in(path);
  std::string text;
  std::vector<nlohmann::json> expected;
  while (std::getline(in, text))
    if (!text.empty()) expected.push_back(nlohmann::json::parse(text));
  ASSERT_GT(expected.size(), 400u);
  ASSERT_EQ(lines(run).size(), expected.size());
  EXPECT_EQ(lines(run).back(), static_cast<int64_t>(expected.size()));
  for (const auto& [name, pointer] : columns) {
    const auto found = cells(run, name);
    for (size_t i = 0; i < expected.size(); ++i)
      ASSERT_EQ(found[i], expected_cell(expected[i], pointer))
          << name << " at line " << i + 1;
  }
  for (const auto& reject : cells(run, "_reject"))
    EXPECT_EQ(reject, std::nullopt);
}

}  // namespace
