// The `asterisk_queue_log` connector loaded for real (the built plugin run
// through the engine's host, every batch checked against its schema) on
// the PBXware queue_log export of ../shared/realdata, on the same events
// written as the raw file Asterisk writes (converted here), and on copies
// of them cut, compressed or altered in a temporary folder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "support/load_plugin.hpp"
#include "support/run_connector.hpp"
#include "unit/csv/temp_dir.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using vigie::testing::ConnectorStep;
using vigie::testing::TempDir;
using Cell = std::optional<std::string>;

const std::filesystem::path kExport = std::filesystem::path(VIGIE_SHARED_DIR) /
                                      "realdata" / "asterisk" /
                                      "pbxware_queue_log_export.csv";

// One row the connector gave: a call, or a reject.
struct Row {
  int64_t line = 0;
  Cell reject;
  Cell call_id, started_at, direction, queue, outcome, wait_s, handle_s, caller,
      agent, end_event;
  bool operator==(const Row&) const = default;
};

struct Outcome {
  ConnectorStep failed_at = ConnectorStep::kNone;
  std::string error;  // what the plugin said, without the host's prefix
  std::vector<Row> rows;
  size_t batches = 0;

  std::vector<Row> calls() const {
    std::vector<Row> out;
    for (const Row& r : rows)
      if (!r.reject) out.push_back(r);
    return out;
  }
  std::vector<Row> rejects() const {
    std::vector<Row> out;
    for (const Row& r : rows)
      if (r.reject) out.push_back(r);
    return out;
  }
  const Row* call(const std::string& id) const {
    for (const Row& r : rows)
      if (r.call_id == id) return &r;
    return nullptr;
  }
};

Cell cell(const vigie::Table& batch, const std::string& name, int64_t row) {
  const vigie::Column* column = batch.find(name);
  if (column == nullptr) {
    ADD_FAILURE() << "no column " << name;
    return std::nullopt;
  }
  if (!column->is_valid(row)) return std::nullopt;
  return std::string(column->string_at(row));
}

Outcome read_log(const std::filesystem::path& path,
                 std::map<std::string, std::string> options = {}) {
  options["path"] = path.string();
  vigie::testing::ConnectorRun run =
      vigie::testing::run_connector("asterisk_queue_log", options);
  Outcome out{run.failed_at, run.reason, {}, run.batches.size()};
  if (run.failed_at == ConnectorStep::kNone) {
    EXPECT_THAT(run.columns,
                ElementsAre("call_id", "started_at", "direction", "queue",
                            "outcome", "wait_s", "handle_s", "caller", "agent",
                            "end_event", "_line", "_reject"));
  }
  for (const vigie::Table& b : run.batches)
    for (int64_t r = 0; r < b.rows(); ++r) {
      Row row;
      row.line = b.find("_line")->ints[static_cast<size_t>(r)];
      row.reject = cell(b, "_reject", r);
      row.call_id = cell(b, "call_id", r);
      row.started_at = cell(b, "started_at", r);
      row.direction = cell(b, "direction", r);
      row.queue = cell(b, "queue", r);
      row.outcome = cell(b, "outcome", r);
      row.wait_s = cell(b, "wait_s", r);
      row.handle_s = cell(b, "handle_s", r);
      row.caller = cell(b, "caller", r);
      row.agent = cell(b, "agent", r);
      row.end_event = cell(b, "end_event", r);
      out.rows.push_back(std::move(row));
    }
  return out;
}

// The export's rows as named fields, with their line, read by the shared
// CSV reader (tested on its own).
struct ExportRow {
  int64_t line;
  std::map<std::string, std::string> field;
};

std::vector<ExportRow> export_rows() {
  vigie::csv::CsvReader reader(kExport, {',', true});
  std::vector<ExportRow> rows;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    ExportRow row{reader.line(), {}};
    for (size_t i = 0; i < fields.size(); ++i)
      row.field[reader.header()[i]] = std::string(fields[i]);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The export's events as Asterisk's raw queue_log: PBXware's columns put
// back at the data positions app_queue writes (ENTERQUEUE url|callerid,
// CONNECT holdtime|bridged uniqueid|ringtime, COMPLETE*
// holdtime|calltime|origposition, ABANDON and EXIT* position|origposition|
// waittime, transfers extension|context|holdtime|calltime|origposition),
// holdtime and waittime from htime, calltime from ttime. Line n of the raw
// text is line n + 1 of the export (no header).
std::vector<std::string> raw_lines_of_export() {
  std::vector<std::string> lines;
  for (const ExportRow& row : export_rows()) {
    auto f = [&](const char* name) { return row.field.at(name); };
    const std::string event = f("event");
    std::vector<std::string> data;
    if (event == "ENTERQUEUE")
      data = {"", f("param1")};
    else if (event == "CONNECT")
      data = {f("htime"), f("param2"), f("param3")};
    else if (event == "COMPLETECALLER" || event == "COMPLETEAGENT")
      data = {f("htime"), f("ttime"), f("entpos")};
    else if (event == "ABANDON" || event == "EXITWITHTIMEOUT")
      data = {f("expos"), f("entpos"), f("htime")};
    else if (event == "BLINDTRANSFER" || event == "ATTENDEDTRANSFER")
      data = {f("param2"), f("param3"), f("htime"), f("ttime"), f("entpos")};
    else
      data = {f("param1"), f("param2"), f("param3")};
    std::string line = f("date_time") + "|" + f("callid") + "|" +
                       f("queue_name") + "|" + f("type") + "|" + event;
    for (const std::string& d : data) line += "|" + d;
    lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& l : lines) text += l + "\n";
  return text;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path gzip_copy(const TempDir& dir, const std::string& name,
                                const std::string& bytes) {
  auto file = dir.path() / name;
  gzFile gz = gzopen(file.c_str(), "wb");
  if (gz == nullptr) throw std::runtime_error("gzopen failed");
  gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
  if (gzclose(gz) != Z_OK) throw std::runtime_error("gzclose failed");
  return file;
}

// The rows of `rows` with their line moved by `delta` (the raw text has no
// header line) and, for rejects, the reason left out.
std::vector<Row> shifted(std::vector<Row> rows, int64_t delta) {
  for (Row& r : rows) {
    r.line += delta;
    if (r.reject) r.reject = "reject";
  }
  return rows;
}

struct QueueCounts {
  int offered = 0, answered = 0, abandoned = 0;
  bool operator==(const QueueCounts&) const = default;
};

std::map<std::string, QueueCounts> by_queue(const std::vector<Row>& calls) {
  std::map<std::string, QueueCounts> out;
  for (const Row& c : calls) {
    QueueCounts& q = out[c.queue.value_or("")];
    ++q.offered;
    q.answered += c.outcome == "answered";
    q.abandoned += c.outcome == "abandoned";
  }
  return out;
}

void PrintTo(const QueueCounts& q, std::ostream* os) {
  *os << "{" << q.offered << ", " << q.answered << ", " << q.abandoned << "}";
}

// ---- the descriptor -----------------------------------------------------

TEST(QueueLogPlugin, DescribesItself) {
  auto library = vigie::testing::load_plugin("asterisk_queue_log");
  const auto& info = library->info();
  EXPECT_EQ(info.kind, VIGIE_KIND_CONNECTOR);
  EXPECT_STREQ(info.name, "asterisk_queue_log");
  ASSERT_EQ(info.option_count, 3u);
  EXPECT_STREQ(info.options[0].key, "path");
  EXPECT_EQ(info.options[0].required, 1);
  EXPECT_STREQ(info.options[1].key, "format");
  EXPECT_STREQ(info.options[1].default_value, "auto");
  ASSERT_EQ(info.options[1].choice_count, 3u);
  EXPECT_STREQ(info.options[1].choices[1], "raw");
  EXPECT_STREQ(info.options[1].choices[2], "export");
  EXPECT_STREQ(info.options[2].key, "batch_rows");
}

// ---- the real export ----------------------------------------------------

// The event column of the file counted with `cut -d, -f6 | sort | uniq -c`:
// 108 ENTERQUEUE; ended answered: 51 COMPLETEAGENT, 38 COMPLETECALLER,
// 1 ATTENDEDTRANSFER, 1 BLINDTRANSFER (91); ended unanswered: 12 ABANDON,
// 1 EXITWITHTIMEOUT (13); so 108 - 91 - 13 = 4 calls never end before the
// export stops. Every queue event names queue IT.
TEST(QueueLogExport, CallsOfTheRealFileByQueueAndOutcome) {
  Outcome r = read_log(kExport);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.rows.size(), 108u);
  EXPECT_EQ(by_queue(r.calls()),
            (std::map<std::string, QueueCounts>{{"IT", {104, 91, 13}}}));
  EXPECT_EQ(r.rejects().size(), 4u);
  std::map<std::string, int> ends;
  std::set<std::string> ids;
  for (const Row& c : r.calls()) {
    ++ends[*c.end_event];
    ids.insert(*c.call_id);
    EXPECT_EQ(c.direction, "inbound");
    EXPECT_THAT(*c.started_at, StartsWith("2018-1"));
    EXPECT_EQ(c.started_at->back(), 'Z');
  }
  EXPECT_EQ(ends, (std::map<std::string, int>{{"ABANDON", 12},
                                              {"ATTENDEDTRANSFER", 1},
                                              {"BLINDTRANSFER", 1},
                                              {"COMPLETEAGENT", 51},
                                              {"COMPLETECALLER", 38},
                                              {"EXITWITHTIMEOUT", 1}}));
  EXPECT_EQ(ids.size(), 104u);  // one row a callid
}

// Calls read by hand in the file (line: uid + 1). The export's own `time`
// column is the PBX's local time, UTC-5: 13:31:17 for 18:31:17Z.
TEST(QueueLogExport, HandCheckedCalls) {
  Outcome r = read_log(kExport);
  ASSERT_EQ(r.error, "");
  const Row* c = r.call("1543602660.197");
  ASSERT_NE(c, nullptr);
  // ENTERQUEUE line 14 at 1543602677, five RINGNOANSWER, CONNECT by
  // Agent/1127 with htime 76, COMPLETECALLER with ttime 847.
  EXPECT_EQ(*c, (Row{14,
                     {},
                     "1543602660.197",
                     "2018-11-30T18:31:17Z",
                     "inbound",
                     "IT",
                     "answered",
                     "76",
                     "847",
                     "17555384207",
                     "Agent/1127",
                     "COMPLETECALLER"}));
  // ENTERQUEUE line 175, CONNECT htime 6, ATTENDEDTRANSFER ttime 30.
  EXPECT_EQ(*r.call("1543833609.335"), (Row{175,
                                            {},
                                            "1543833609.335",
                                            "2018-12-03T10:40:17Z",
                                            "inbound",
                                            "IT",
                                            "answered",
                                            "6",
                                            "30",
                                            "17923853021",
                                            "Agent/1128",
                                            "ATTENDEDTRANSFER"}));
  // ENTERQUEUE line 927, CONNECT htime 6, BLINDTRANSFER to 1142 ttime 38.
  EXPECT_EQ(*r.call("1543938872.1743"), (Row{927,
                                             {},
                                             "1543938872.1743",
                                             "2018-12-04T15:55:19Z",
                                             "inbound",
                                             "IT",
                                             "answered",
                                             "6",
                                             "38",
                                             "14701958190",
                                             "Agent/1128",
                                             "BLINDTRANSFER"}));
  // ENTERQUEUE line 282, ABANDON line 295 with htime (waittime) 191: no
  // agent, no handling time.
  EXPECT_EQ(*r.call("1543852000.1574"), (Row{282,
                                             {},
                                             "1543852000.1574",
                                             "2018-12-03T15:46:51Z",
                                             "inbound",
                                             "IT",
                                             "abandoned",
                                             "191",
                                             "0",
                                             "16645522425",
                                             {},
                                             "ABANDON"}));
  // ENTERQUEUE line 501, EXITWITHTIMEOUT line 527 after 300 s.
  EXPECT_EQ(*r.call("1543860451.3324"), (Row{501,
                                             {},
                                             "1543860451.3324",
                                             "2018-12-03T18:07:43Z",
                                             "inbound",
                                             "IT",
                                             "abandoned",
                                             "300",
                                             "0",
                                             "19065529094",
                                             {},
                                             "EXITWITHTIMEOUT"}));
  // Outbound dials of agents (OUTDIAL, OUTANSWER, ...) are no queue calls.
  EXPECT_EQ(r.call("1543602022.182"), nullptr);
}

TEST(QueueLogExport, CallsStillOpenAtTheEndAreRejectsNamingTheirLines) {
  Outcome r = read_log(kExport);
  ASSERT_EQ(r.error, "");
  // Read in the file's last 40 lines: two calls answered (CONNECT at lines
  // 969 and 972) and never completed, one still ringing agents (last
  // RINGNOANSWER at 1000), one entered on the very last line.
  std::vector<std::pair<int64_t, std::string>> rejects;
  for (const Row& x : r.rejects()) rejects.emplace_back(x.line, *x.reject);
  EXPECT_THAT(
      rejects,
      ElementsAre(
          std::pair<int64_t, std::string>{
              968,
              "call still open at the end of the file: last event CONNECT at "
              "line 969 (callid 1543942189.2194, queue 'IT')"},
          std::pair<int64_t, std::string>{
              970,
              "call still open at the end of the file: last event CONNECT at "
              "line 972 (callid 1543942358.2226, queue 'IT')"},
          std::pair<int64_t, std::string>{
              993,
              "call still open at the end of the file: last event "
              "RINGNOANSWER at line 1000 (callid 1543942788.2389, queue "
              "'IT')"},
          std::pair<int64_t, std::string>{
              1001,
              "call still open at the end of the file: last event ENTERQUEUE "
              "at line 1001 (callid 1543942842.2438, queue 'IT')"}));
}

// PBXware's htime and ttime read as holdtime, waittime and calltime agree
// with the events' own times, recomputed here from date_time: wait_s is
// CONNECT (or ABANDON, EXIT*) minus ENTERQUEUE exactly; handle_s is the end
// minus CONNECT within a second (4 calls of 91 are a second short: PBXware
// rounds).
TEST(QueueLogExport, WaitAndHandleAgreeWithTheEventTimes) {
  std::map<std::string, int64_t> entered, connected, ended;
  for (const ExportRow& row : export_rows()) {
    const std::string& e = row.field.at("event");
    const std::string& id = row.field.at("callid");
    const int64_t t = std::stoll(row.field.at("date_time"));
    if (e == "ENTERQUEUE") entered[id] = t;
    if (e == "CONNECT") connected[id] = t;
    if (e.starts_with("COMPLETE") || e.ends_with("TRANSFER") ||
        e == "ABANDON" || e.starts_with("EXIT"))
      ended[id] = t;
  }
  Outcome r = read_log(kExport);
  ASSERT_EQ(r.error, "");
  int answered = 0, abandoned = 0;
  for (const Row& c : r.calls()) {
    SCOPED_TRACE(*c.call_id);
    const std::string& id = *c.call_id;
    ASSERT_TRUE(entered.contains(id) && ended.contains(id));
    if (c.outcome == "answered") {
      ++answered;
      EXPECT_EQ(std::stoll(*c.wait_s), connected.at(id) - entered.at(id));
      EXPECT_NEAR(std::stoll(*c.handle_s), ended.at(id) - connected.at(id), 1);
    } else {
      ++abandoned;
      EXPECT_EQ(std::stoll(*c.wait_s), ended.at(id) - entered.at(id));
      EXPECT_EQ(c.handle_s, "0");
    }
  }
  EXPECT_EQ(answered, 91);
  EXPECT_EQ(abandoned, 13);
}

TEST(QueueLogExport, SmallBatchesGiveTheSameRows) {
  Outcome whole = read_log(kExport);
  Outcome small = read_log(kExport, {{"batch_rows", "7"}});
  ASSERT_EQ(small.error, "");
  EXPECT_EQ(whole.batches, 1u);
  // 108 rows, 7 a batch or more: the last takes the calls still open.
  EXPECT_GE(small.batches, 15u);
  EXPECT_EQ(small.rows, whole.rows);
}

// ---- the raw file -------------------------------------------------------

TEST(QueueLogRaw, TheExportWrittenRawGivesTheSameCalls) {
  TempDir dir;
  auto raw = dir.write("queue_log", joined(raw_lines_of_export()));
  Outcome from_export = read_log(kExport);
  for (const char* format : {"auto", "raw"}) {
    SCOPED_TRACE(format);
    Outcome from_raw = read_log(raw, {{"format", format}});
    ASSERT_EQ(from_raw.error, "");
    EXPECT_EQ(from_raw.calls(), shifted(from_export.calls(), -1));
    ASSERT_EQ(from_raw.rejects().size(), 4u);
    EXPECT_EQ(*from_raw.rejects()[2].reject,
              "call still open at the end of the file: last event "
              "RINGNOANSWER at line 999 (callid 1543942788.2389, queue 'IT')");
    EXPECT_EQ(shifted(from_raw.rejects(), 1),
              shifted(from_export.rejects(), 0));
  }
}

TEST(QueueLogRaw, GzipGivesTheSameRowsAsPlain) {
  TempDir dir;
  const std::string text = joined(raw_lines_of_export());
  Outcome plain = read_log(dir.write("queue_log", text));
  Outcome gz = read_log(gzip_copy(dir, "queue_log.gz", text));
  ASSERT_EQ(gz.error, "");
  EXPECT_EQ(gz.rows.size(), 108u);
  EXPECT_EQ(gz.rows, plain.rows);
  Outcome export_gz =
      read_log(gzip_copy(dir, "export.csv.gz", file_bytes(kExport)));
  ASSERT_EQ(export_gz.error, "");
  EXPECT_EQ(export_gz.rows, read_log(kExport).rows);
}

// Events the export does not have, on copies of its calls: the outcome is
// the ending event's (EXITEMPTY and EXITWITHKEY leave unanswered, with
// their waittime at data3 and data4).
TEST(QueueLogRaw, OtherEndsOfACall) {
  TempDir dir;
  std::vector<std::string> lines = raw_lines_of_export();
  // Raw line 294 (export line 295): ABANDON of 1543852000.1574 after 191 s;
  // raw line 526: EXITWITHTIMEOUT of 1543860451.3324 after 300 s.
  ASSERT_EQ(lines[293], "1543852202|1543852000.1574|IT|NONE|ABANDON|1|1|191");
  ASSERT_EQ(lines[525],
            "1543860763|1543860451.3324|IT|NONE|EXITWITHTIMEOUT|1|2|300");
  lines[293] = "1543852202|1543852000.1574|IT|NONE|EXITEMPTY|1|1|191";
  lines[525] = "1543860763|1543860451.3324|IT|NONE|EXITWITHKEY|5|1|2|300";
  Outcome r = read_log(dir.write("queue_log", joined(lines)));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(by_queue(r.calls()),
            (std::map<std::string, QueueCounts>{{"IT", {104, 91, 13}}}));
  const Row* empty = r.call("1543852000.1574");
  EXPECT_EQ(empty->end_event, "EXITEMPTY");
  EXPECT_EQ(empty->outcome, "abandoned");
  EXPECT_EQ(empty->wait_s, "191");
  const Row* key = r.call("1543860451.3324");
  EXPECT_EQ(key->end_event, "EXITWITHKEY");
  EXPECT_EQ(key->outcome, "abandoned");
  EXPECT_EQ(key->wait_s, "300");
}

// A restart (QUEUESTART) ends every call open: the four calls open at the
// end of the file become calls that never ended, named at the restart.
TEST(QueueLogRaw, ARestartEndsTheOpenCalls) {
  TempDir dir;
  std::vector<std::string> lines = raw_lines_of_export();
  lines.push_back("1543943000|NONE|NONE|NONE|QUEUESTART|");
  Outcome r = read_log(dir.write("queue_log", joined(lines)));
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.rejects().size(), 4u);
  EXPECT_EQ(r.rejects()[0].line, 967);
  EXPECT_EQ(*r.rejects()[0].reject,
            "call never ended: the queues restarted (QUEUESTART at line 1001) "
            "after its last event CONNECT at line 968 (callid "
            "1543942189.2194)");
  EXPECT_EQ(r.calls().size(), 104u);
}

// The same callid entering a second queue before its first stay ended; and
// an end whose ENTERQUEUE is before the file begins (a rotated log).
TEST(QueueLogRaw, ReentryAndEndWithoutStart) {
  TempDir dir;
  std::vector<std::string> lines = raw_lines_of_export();
  // Drop raw lines 1-13: the file starts after call 1543602660.197 entered
  // (raw line 13) and before it completes (raw line 20).
  lines.erase(lines.begin(), lines.begin() + 13);
  ASSERT_THAT(lines[5], HasSubstr("|1543602660.197|IT|Agent/1127|CONNECT|"));
  // The call entered last (raw line 1000, now 987) enters queue Sales 58 s
  // later and leaves it after 60 s.
  lines.push_back(
      "1543942900|1543942842.2438|Sales|NONE|ENTERQUEUE||16645522425");
  lines.push_back("1543942960|1543942842.2438|Sales|NONE|ABANDON|1|1|60");
  Outcome r = read_log(dir.write("queue_log", joined(lines)));
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(by_queue(r.calls()),
            (std::map<std::string, QueueCounts>{{"IT", {103, 90, 13}},
                                                {"Sales", {1, 0, 1}}}));
  std::map<int64_t, std::string> rejects;
  for (const Row& x : r.rejects()) rejects[x.line] = *x.reject;
  // The head's end, the re-entered call's first stay, and the 3 other
  // calls open at the end.
  ASSERT_EQ(rejects.size(), 5u);
  EXPECT_EQ(rejects.at(7),
            "COMPLETECALLER of call 1543602660.197, which is not in a queue "
            "at this point of the file (no ENTERQUEUE before it, or its call "
            "already ended)");
  EXPECT_EQ(rejects.at(987),
            "call 1543942842.2438 entered queue 'Sales' again at line 988 "
            "before this stay in 'IT' ended: last event ENTERQUEUE at line "
            "987");
  const Row* sales = r.call("1543942842.2438");
  EXPECT_EQ(sales->line, 988);
  EXPECT_EQ(sales->started_at, "2018-12-04T17:01:40Z");
  EXPECT_EQ(sales->wait_s, "60");
}

// ---- bad input ----------------------------------------------------------

TEST(QueueLogBadInput, LinesThatDoNotParseAreRejectsNamingWhatWasExpected) {
  TempDir dir;
  std::vector<std::string> lines = raw_lines_of_export();
  // Raw line 14: a RINGNOANSWER of call 1543602660.197, cut to 3 fields.
  ASSERT_THAT(lines[13], StartsWith("1543602687|1543602660.197|IT|"));
  lines[13] = "1543602687|1543602660.197|IT";
  // Raw line 28: the ENTERQUEUE of 1543605793.315 with a local date for an
  // epoch; its COMPLETEAGENT (raw line 30) then ends no call.
  ASSERT_EQ(lines[27],
            "1543605804|1543605793.315|IT|NONE|ENTERQUEUE||19424629255");
  lines[27] = "2018-11-30 14:23:24|1543605793.315|IT|NONE|ENTERQUEUE||1942";
  // Raw line 26: the CONNECT of 1543604976.289 (entered at raw line 25)
  // with "5s" for its holdtime: the call is left out, so its
  // COMPLETEAGENT (raw line 27) ends no call.
  ASSERT_EQ(lines[25],
            "1543605027|1543604976.289|IT|Agent/1141|CONNECT|5|"
            "1543605022.292|5");
  lines[25] = "1543605027|1543604976.289|IT|Agent/1141|CONNECT|5s|x|5";
  Outcome r = read_log(dir.write("queue_log", joined(lines)));
  ASSERT_EQ(r.error, "");
  std::map<int64_t, std::string> rejects;
  for (const Row& x : r.rejects()) rejects[x.line] = *x.reject;
  EXPECT_EQ(rejects.size(), 4u + 5u);
  EXPECT_EQ(rejects.at(14),
            "expected at least 5 fields separated by '|' "
            "(epoch|callid|queue|agent|event|data...), found 3");
  EXPECT_EQ(rejects.at(28),
            "expected the time as seconds since 1970 (epoch) in field 1, got "
            "'2018-11-30 14:23:24'");
  EXPECT_EQ(rejects.at(30),
            "COMPLETEAGENT of call 1543605793.315, which is not in a queue at "
            "this point of the file (no ENTERQUEUE before it, or its call "
            "already ended)");
  EXPECT_EQ(rejects.at(26),
            "CONNECT of call 1543604976.289: expected the holdtime (seconds "
            "waited before an agent answered) in data1, got '5s'; the call "
            "(entered at line 25) is left out");
  EXPECT_THAT(rejects.at(27), StartsWith("COMPLETEAGENT of call "
                                         "1543604976.289, which is not"));
  // Two calls left out, none changed: the others are the file's own.
  EXPECT_EQ(by_queue(r.calls()),
            (std::map<std::string, QueueCounts>{{"IT", {102, 89, 13}}}));
  Row expected = *read_log(kExport).call("1543602660.197");
  expected.line -= 1;
  EXPECT_EQ(*r.call("1543602660.197"), expected);
}

// Cut inside line 601 of the export (uid 600: COMPLETECALLER of
// 1543861678.4014, ttime 100 cut to "1"): that line is a reject, not a call
// of 1 s; the calls open there are reported open; every other row is the
// whole file's.
TEST(QueueLogTruncated, ExportCutInsideALine) {
  TempDir dir;
  const std::string bytes = file_bytes(kExport);
  const std::string cut_at =
      "600,1543861848,1543861678.4014,IT,Agent/1127,COMPLETECALLER,"
      "12379331940,,,1,0,34,1";
  const size_t end = bytes.find(cut_at);
  ASSERT_NE(end, std::string::npos);
  Outcome r =
      read_log(dir.write("cut.csv", bytes.substr(0, end + cut_at.size())));
  ASSERT_EQ(r.error, "");
  Outcome whole = read_log(kExport);
  std::map<int64_t, std::string> rejects;
  for (const Row& x : r.rejects()) rejects[x.line] = *x.reject;
  EXPECT_EQ(rejects.at(601), "expected 14 fields as in the header, found 13");
  // Calls: those of the whole file that entered and ended before line 601;
  // open: those that entered before it and had not ended.
  std::set<std::string> before_cut;
  for (const Row& c : whole.calls())
    if (c.line < 601) before_cut.insert(*c.call_id);
  std::set<std::string> seen;
  for (const Row& c : r.calls()) {
    EXPECT_EQ(c, *whole.call(*c.call_id));
    seen.insert(*c.call_id);
  }
  for (const auto& [line, reason] : rejects) {
    if (line == 601) continue;
    EXPECT_THAT(reason, StartsWith("call still open at the end of the file"));
    const size_t at = reason.find("(callid ") + 8;
    seen.insert(reason.substr(at, reason.find(',', at) - at));
  }
  EXPECT_EQ(seen, before_cut);
  EXPECT_EQ(rejects.at(594),
            "call still open at the end of the file: last event CONNECT at "
            "line 599 (callid 1543861678.4014, queue 'IT')");
}

// Cut inside raw line 20, the COMPLETECALLER of 1543602660.197
// (`...|COMPLETECALLER|76|847|1`, cut after "84"): Asterisk ends every line,
// so a last line without its end is a reject, and the call stays open
// rather than being handled for 84 s.
TEST(QueueLogTruncated, RawCutInsideAFigure) {
  TempDir dir;
  const std::string text = joined(raw_lines_of_export());
  const std::string line_20 =
      "1543603600|1543602660.197|IT|Agent/1127|COMPLETECALLER|76|847|1\n";
  const size_t at = text.find(line_20);
  ASSERT_NE(at, std::string::npos);
  const std::string cut = text.substr(0, at + line_20.find("|847") + 3);
  ASSERT_TRUE(cut.ends_with("|COMPLETECALLER|76|84"));
  Outcome r = read_log(dir.write("queue_log", cut));
  ASSERT_EQ(r.error, "");
  EXPECT_TRUE(r.calls().empty());
  std::vector<std::pair<int64_t, std::string>> rejects;
  for (const Row& x : r.rejects()) rejects.emplace_back(x.line, *x.reject);
  EXPECT_THAT(rejects,
              ElementsAre(
                  std::pair<int64_t, std::string>{
                      20,
                      "the file ends inside this line (no line end: cut by a "
                      "copy, or still being written); its event is not used"},
                  std::pair<int64_t, std::string>{
                      13,
                      "call still open at the end of the file: last event "
                      "CONNECT at line 19 (callid 1543602660.197, queue "
                      "'IT')"}));
}

TEST(QueueLogTruncated, TruncatedGzipIsAnErrorNamingTheFile) {
  TempDir dir;
  auto whole = gzip_copy(dir, "whole.gz", joined(raw_lines_of_export()));
  const std::string gz = file_bytes(whole);
  auto cut = dir.write("cut.gz", gz.substr(0, gz.size() / 2));
  Outcome r = read_log(cut);
  EXPECT_EQ(r.failed_at, ConnectorStep::kRead);
  EXPECT_THAT(r.error, HasSubstr(cut.string() + ": the gzip data ends early"));
}

// ---- wrong layouts ------------------------------------------------------

TEST(QueueLogWrongLayout, ACdrFileIsAnErrorNamingItsFirstLine) {
  // A real Asterisk CDR (Master.csv), not a queue_log.
  const auto cdr = kExport.parent_path() / "prod_21col_Master.csv";
  Outcome r = read_log(cdr);
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_THAT(r.error,
              HasSubstr(cdr.string() +
                        ":1: not a queue_log: expected a raw line "
                        "epoch|callid|queue|agent|event|data... or the "
                        "header of a database export uid,date_time,callid,"
                        "queue_name,type,event,param1,..., got "
                        "'\"\",\"89212428605\""));
}

TEST(QueueLogWrongLayout, AFormatOptionThatDoesNotMatchTheFile) {
  TempDir dir;
  Outcome as_raw = read_log(kExport, {{"format", "raw"}});
  EXPECT_EQ(as_raw.failed_at, ConnectorStep::kOpen);
  EXPECT_THAT(as_raw.error,
              HasSubstr(kExport.string() +
                        ":1: option format is 'raw' but this line is the "
                        "header of a database export: 'uid,date_time,"));
  auto raw = dir.write("queue_log", joined(raw_lines_of_export()));
  Outcome as_export = read_log(raw, {{"format", "export"}});
  EXPECT_THAT(as_export.error,
              HasSubstr(raw.string() +
                        ":1: option format is 'export' but this line is a "
                        "raw queue_log line: '1543527289|NONE|"));
}

TEST(QueueLogWrongLayout, AnExportWithoutAColumnItNeeds) {
  TempDir dir;
  std::string bytes = file_bytes(kExport);
  const size_t htime = bytes.find(",htime,");
  ASSERT_LT(htime, bytes.find('\n'));
  bytes.replace(htime, 7, ",hold,");
  auto file = dir.write("renamed.csv", bytes);
  Outcome r = read_log(file);
  EXPECT_EQ(r.failed_at, ConnectorStep::kOpen);
  EXPECT_EQ(r.error,
            "cannot open: " + file.string() +
                ":1: the header of the queue_log export has no column 'htime' "
                "(expected uid,date_time,callid,queue_name,type,event,param1,"
                "param2,param3,entpos,expos,htime,ttime,time)");
}

TEST(QueueLogWrongLayout, AnEmptyFileHasNoCalls) {
  TempDir dir;
  for (const char* text : {"", "\n\r\n"}) {
    Outcome r = read_log(dir.write("empty", text));
    EXPECT_EQ(r.error, "");
    EXPECT_TRUE(r.rows.empty());
  }
}

}  // namespace
