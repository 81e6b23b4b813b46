// The streaming CSV reader on small files written here byte by byte, and on
// files larger than its 1 MiB buffer so that records straddle refills.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "temp_dir.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using vigie::csv::CsvReader;
using vigie::testing::TempDir;

struct Record {
  int64_t line;
  std::vector<std::string> fields;
};

std::vector<Record> read_all(CsvReader& reader) {
  std::vector<Record> out;
  std::vector<std::string_view> fields;
  while (reader.next(fields))
    out.push_back({reader.line(), {fields.begin(), fields.end()}});
  return out;
}

std::string error_of(const std::filesystem::path& file) {
  try {
    CsvReader reader(file, {});
    read_all(reader);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(CsvReader, PlainFile) {
  TempDir dir;
  auto file = dir.write("plain.csv", "id,name,amount\n1,Ana,2.5\n2,Bo,\n");
  CsvReader reader(file, {});
  EXPECT_EQ(reader.delimiter(), ',');
  EXPECT_THAT(reader.header(), ElementsAre("id", "name", "amount"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "Ana", "2.5"));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_THAT(records[1].fields, ElementsAre("2", "Bo", ""));
  // Every byte consumed: 15 + 10 + 6.
  EXPECT_EQ(reader.bytes_read(), 31);
}

TEST(CsvReader, QuotesDoubledQuotesAndLineBreaksInside) {
  TempDir dir;
  auto file = dir.write("quotes.csv",
                        "a,b,c\n"
                        "\"x,y\",\"say \"\"hi\"\"\",\"\"\n"      // line 2
                        "\"two\nlines\",\"three\n\nlines\",z\n"  // lines 3-6
                        "\"\"\"\",plain,\"end\"\n");             // line 7
  CsvReader reader(file, {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 2);
  EXPECT_THAT(records[0].fields, ElementsAre("x,y", "say \"hi\"", ""));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_THAT(records[1].fields,
              ElementsAre("two\nlines", "three\n\nlines", "z"));
  // The record above spans lines 3, 4, 5 and 6.
  EXPECT_EQ(records[2].line, 7);
  EXPECT_THAT(records[2].fields, ElementsAre("\"", "plain", "end"));
}

TEST(CsvReader, CrLfLineEnds) {
  TempDir dir;
  auto file =
      dir.write("crlf.csv", "a,b\r\n1,\"q\"\r\n\"multi\r\nline\",\r\n3,4\r\n");
  CsvReader reader(file, {});
  EXPECT_THAT(reader.header(), ElementsAre("a", "b"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "q"));
  // Inside quotes the CR LF is data and stays.
  EXPECT_THAT(records[1].fields, ElementsAre("multi\r\nline", ""));
  EXPECT_EQ(records[2].line, 5);
  EXPECT_THAT(records[2].fields, ElementsAre("3", "4"));
}

TEST(CsvReader, ByteOrderMarkIsSkipped) {
  TempDir dir;
  auto file = dir.write("bom.csv",
                        "\xEF\xBB\xBF"
                        "Call Id,Agent\nID1,Diane\n");
  CsvReader reader(file, {});
  EXPECT_THAT(reader.header(), ElementsAre("Call Id", "Agent"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("ID1", "Diane"));
}

TEST(CsvReader, DetectsSemicolon) {
  TempDir dir;
  // Two commas inside the quoted name must not count: 2 semicolons win.
  auto file = dir.write("semi.csv", "\"name, with, commas\";b;c\n1,5;2;3\n");
  CsvReader reader(file, {});
  EXPECT_EQ(reader.delimiter(), ';');
  EXPECT_THAT(reader.header(), ElementsAre("name, with, commas", "b", "c"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("1,5", "2", "3"));
}

TEST(CsvReader, DetectsTab) {
  TempDir dir;
  auto file = dir.write("tab.tsv", "a\tb,c\td\n1\t2,3\t4\n");
  CsvReader reader(file, {});
  EXPECT_EQ(reader.delimiter(), '\t');
  EXPECT_THAT(reader.header(), ElementsAre("a", "b,c", "d"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "2,3", "4"));
}

TEST(CsvReader, CommaWhenNothingElseAndOnTies) {
  TempDir dir;
  EXPECT_EQ(CsvReader(dir.write("one.csv", "single\nx\n"), {}).delimiter(),
            ',');
  EXPECT_EQ(CsvReader(dir.write("tie.csv", "a,b;c\n"), {}).delimiter(), ',');
}

TEST(CsvReader, GivenDelimiterWins) {
  TempDir dir;
  auto file = dir.write("given.csv", "a;b,c\n1;2,3\n");
  CsvReader reader(file, {';', true});
  EXPECT_THAT(reader.header(), ElementsAre("a", "b,c"));
  EXPECT_THROW(CsvReader(file, {'"', true}), std::invalid_argument);
}

TEST(CsvReader, ReadsGzip) {
  TempDir dir;
  auto file = dir.path() / "data.csv.gz";
  const std::string text = "a,b\n1,\"x\ny\"\n2,z\n";
  gzFile gz = gzopen(file.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  // The compressed bytes are not the text: the reader really inflates.
  ASSERT_NE(std::filesystem::file_size(file), text.size());
  CsvReader reader(file, {});
  EXPECT_THAT(reader.header(), ElementsAre("a", "b"));
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "x\ny"));
  EXPECT_EQ(records[1].line, 4);
  EXPECT_THAT(records[1].fields, ElementsAre("2", "z"));
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(text.size()));
}

TEST(CsvReader, UnterminatedQuoteNamesFileAndLine) {
  TempDir dir;
  auto file = dir.write("broken.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
  std::string message = error_of(file);
  EXPECT_THAT(message, HasSubstr("broken.csv"));
  EXPECT_THAT(message, HasSubstr("unterminated"));
  EXPECT_THAT(message, HasSubstr("line 3"));
}

TEST(CsvReader, UnterminatedQuoteAfterMultiLineRecordCountsLines) {
  TempDir dir;
  // Lines 2-3 hold one record; the quote opening on line 5 never closes.
  auto file = dir.write("broken2.csv", "a,b\n\"x\ny\",1\n2,3\n4,\"oops\n");
  EXPECT_THAT(error_of(file), HasSubstr("line 5"));
}

TEST(CsvReader, LastRecordWithoutLineEnd) {
  TempDir dir;
  auto file = dir.write("noeol.csv", "a,b,c\n1,2,\n3,\"4\",5");
  CsvReader reader(file, {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "2", ""));
  EXPECT_THAT(records[1].fields, ElementsAre("3", "4", "5"));
}

TEST(CsvReader, TellsWhetherTheLastLineEnded) {
  TempDir dir;
  std::vector<std::string_view> fields;
  CsvReader cut(dir.write("cut", "1|2\r\n3|\"4\n5\"|6\n7|8"), {'|', false});
  std::vector<bool> ended;
  while (cut.next(fields)) ended.push_back(cut.ended_by_line_break());
  // The quoted field's line break is inside the record; only 7|8 is cut.
  EXPECT_THAT(ended, ElementsAre(true, true, false));
  CsvReader whole(dir.write("whole", "1|2\n\n3|4\n\n"), {'|', false});
  ended.clear();
  while (whole.next(fields)) ended.push_back(whole.ended_by_line_break());
  EXPECT_THAT(ended, ElementsAre(true, true));
}

TEST(CsvReader, TrailingDelimiterAtEndOfFile) {
  TempDir dir;
  CsvReader reader(dir.write("trail.csv", "a,b\n1,"), {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", ""));
}

TEST(CsvReader, TrailingDelimiterAfterQuotedFieldAtEndOfFile) {
  // Found by tests/fuzz/csv: the empty last field took the quoted flag of
  // the field before it, and unquoting 0 bytes read far past the buffer.
  TempDir dir;
  CsvReader reader(dir.write("trailq.csv", "a,b\n\"1\","), {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", ""));
  CsvReader header_only(dir.write("headq.csv", "\",\"S1,"), {});
  EXPECT_THAT(header_only.header(), ElementsAre(",S1", ""));
}

TEST(CsvReader, BlankLinesAreNoRecords) {
  TempDir dir;
  CsvReader reader(dir.write("blank.csv", "a,b\n\n1,2\r\n\r\n\n3,4\n\n"), {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 3);
  // Lines 4 and 5 are blank.
  EXPECT_EQ(records[1].line, 6);
  EXPECT_THAT(records[1].fields, ElementsAre("3", "4"));
}

TEST(CsvReader, EmptyFile) {
  TempDir dir;
  CsvReader reader(dir.write("empty.csv", ""), {});
  EXPECT_TRUE(reader.header().empty());
  std::vector<std::string_view> fields;
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReader, WithoutHeaderTheFirstLineIsARecord) {
  TempDir dir;
  CsvReader reader(dir.write("nohead.csv", "1;2\n3;4\n"), {0, false});
  EXPECT_TRUE(reader.header().empty());
  EXPECT_EQ(reader.delimiter(), ';');
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "2"));
}

TEST(CsvReader, LenientQuotesOutsideRfc4180) {
  TempDir dir;
  // A quote inside an unquoted field is a character (12" record); text
  // after a closing quote is kept as written.
  CsvReader reader(dir.write("lenient.csv", "a,b\n12\" record,\"ab\"cd\n"), {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_THAT(records[0].fields, ElementsAre("12\" record", "abcd"));
}

TEST(CsvReader, MissingFileNamesIt) {
  try {
    CsvReader reader("/nonexistent/dir/missing.csv", {});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/dir/missing.csv"));
  }
}

// 60,000 records of about 60 bytes, three quarters with a quoted field
// holding a doubled quote and a line break: about 3.5 MiB, so records cross
// the 1 MiB buffer's end several times at every possible offset.
std::string big_text(int records) {
  std::string text = "n,text,tail\n";
  for (int i = 0; i < records; ++i) {
    std::string n = std::to_string(i);
    if (i % 4 == 0)
      text += n + ",plain-" + n + ",tail-" + n + "\n";
    else
      text += n + ",\"quoted \"\"" + n + "\"\"\nsecond line, still " + n +
              "\",tail-" + n + "\r\n";
  }
  return text;
}

void expect_big_records(CsvReader& reader, int records) {
  std::vector<std::string_view> fields;
  int64_t line = 2;
  for (int i = 0; i < records; ++i) {
    ASSERT_TRUE(reader.next(fields)) << "record " << i;
    std::string n = std::to_string(i);
    ASSERT_EQ(reader.line(), line) << "record " << i;
    ASSERT_EQ(fields.size(), 3u) << "record " << i;
    ASSERT_EQ(fields[0], n);
    if (i % 4 == 0) {
      ASSERT_EQ(fields[1], "plain-" + n);
      line += 1;
    } else {
      ASSERT_EQ(fields[1], "quoted \"" + n + "\"\nsecond line, still " + n);
      line += 2;
    }
    ASSERT_EQ(fields[2], "tail-" + n);
  }
  EXPECT_FALSE(reader.next(fields));
}

TEST(CsvReader, RecordsStraddleTheBuffer) {
  TempDir dir;
  const int records = 60000;
  std::string text = big_text(records);
  ASSERT_GT(text.size(), 3u << 20);
  CsvReader reader(dir.write("big.csv", text), {});
  expect_big_records(reader, records);
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(text.size()));
}

TEST(CsvReader, GzipRecordsStraddleTheBuffer) {
  TempDir dir;
  const int records = 60000;
  std::string text = big_text(records);
  auto file = dir.path() / "big.csv.gz";
  gzFile gz = gzopen(file.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  CsvReader reader(file, {});
  expect_big_records(reader, records);
}

// `text` gzip-compressed by zlib's own writer, as bytes.
std::string gzip_bytes(const TempDir& dir, const std::string& text) {
  auto file = dir.path() / "whole.gz";
  gzFile gz = gzopen(file.c_str(), "wb");
  if (gz == nullptr) throw std::runtime_error("gzopen failed");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  if (gzclose(gz) != Z_OK) throw std::runtime_error("gzclose failed");
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Asterisk's queue_log: `|` between fields, no header and no quoting at
// all, so a `"` is text wherever it stands (lines from a queue_log, with
// the caller names a PBX writes).
CsvReader::Options queue_log_options() {
  CsvReader::Options options;
  options.delimiter = '|';
  options.header = false;
  options.quoting = false;
  return options;
}

TEST(CsvReader, PipeWithoutQuotingKeepsQuotesAsText) {
  TempDir dir;
  auto file = dir.write(
      "queue_log",
      "1543602677|1543602660.197|IT|NONE|ENTERQUEUE||\"Ana\" <555>\n"
      "1543602753|1543602660.197|IT|Agent/1127|CONNECT|76|1543602746.232|6\r\n"
      "1543602760|x|IT|NONE|INFO|\"open|close\"|say \"\"hi\"\"|\"\n");
  CsvReader reader(file, queue_log_options());
  EXPECT_TRUE(reader.header().empty());
  EXPECT_EQ(reader.delimiter(), '|');
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_THAT(records[0].fields,
              ElementsAre("1543602677", "1543602660.197", "IT", "NONE",
                          "ENTERQUEUE", "", "\"Ana\" <555>"));
  // CR LF ends a line as with quoting.
  EXPECT_THAT(records[1].fields,
              ElementsAre("1543602753", "1543602660.197", "IT", "Agent/1127",
                          "CONNECT", "76", "1543602746.232", "6"));
  // A field opening with `"` does not hide the `|` after it, doubled
  // quotes stay doubled, and a lone `"` before the line end is one field.
  EXPECT_EQ(records[2].line, 3);
  EXPECT_THAT(records[2].fields,
              ElementsAre("1543602760", "x", "IT", "NONE", "INFO", "\"open",
                          "close\"", "say \"\"hi\"\"", "\""));
}

TEST(CsvReader, WithoutQuotingAQuoteNeverSpansLines) {
  TempDir dir;
  // With quoting the `"` of line 1 opens a field that runs to line 2 and
  // swallows the line end; without, each line is a record.
  const std::string text = "1|\"a\n2|b\"\n";
  auto file = dir.write("two_lines", text);
  CsvReader quoted(file, {'|', false});
  auto joined = read_all(quoted);
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_THAT(joined[0].fields, ElementsAre("1", "a\n2|b"));
  CsvReader plain(file, queue_log_options());
  auto records = read_all(plain);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "\"a"));
  EXPECT_THAT(records[1].fields, ElementsAre("2", "b\""));
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(plain.bytes_read(), static_cast<int64_t>(text.size()));
  // An unterminated quote is an error only where quotes mean something.
  auto open_quote = dir.write("open_quote", "1|\"never closed\n");
  try {
    CsvReader strict(open_quote, {'|', false});
    read_all(strict);
    ADD_FAILURE() << "no error with quoting";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("unterminated"));
  }
  CsvReader lenient(open_quote, queue_log_options());
  EXPECT_THAT(read_all(lenient)[0].fields, ElementsAre("1", "\"never closed"));
}

TEST(CsvReader, WithoutQuotingQuotesDoNotHideDelimitersFromDetection) {
  TempDir dir;
  // Three `;` inside quotes, two `,` outside: with quoting the `;` are
  // hidden and `,` wins; without, `"` is a character and `;` wins.
  auto file = dir.write("detect.csv", "\"w;x;y;z\",a,b\n");
  EXPECT_EQ(CsvReader(file, {}).delimiter(), ',');
  CsvReader::Options plain;
  plain.quoting = false;
  EXPECT_EQ(CsvReader(file, plain).delimiter(), ';');
}

TEST(CsvReader, WithoutQuotingTinyBuffersAndGzipReadTheSame) {
  TempDir dir;
  // 2,000 queue_log-like lines with quotes in their free text.
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += std::to_string(1543602677 + i) + "|" + std::to_string(i) +
            ".1|IT|NONE|ENTERQUEUE||\"caller " + std::to_string(i) + "\"\n";
  auto plain = dir.write("queue_log", text);
  auto compressed = dir.write("queue_log.gz", gzip_bytes(dir, text));
  for (size_t bytes : {size_t{1}, size_t{5}, size_t{64}, size_t{1} << 20}) {
    SCOPED_TRACE("buffer of " + std::to_string(bytes) + " bytes");
    for (const auto& file : {plain, compressed}) {
      CsvReader::Options options = queue_log_options();
      options.buffer_bytes = bytes;
      CsvReader reader(file, options);
      auto records = read_all(reader);
      ASSERT_EQ(records.size(), 2000u);
      EXPECT_EQ(records[1999].line, 2000);
      EXPECT_THAT(records[1999].fields,
                  ElementsAre("1543604676", "1999.1", "IT", "NONE",
                              "ENTERQUEUE", "", "\"caller 1999\""));
    }
  }
}

// Counts the records read before the reader throws; the message in `error`.
int64_t records_before_error(const std::filesystem::path& file,
                             std::string& error) {
  std::vector<std::string_view> fields;
  int64_t records = 0;
  try {
    CsvReader reader(file, {});
    while (reader.next(fields)) ++records;
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  return records;
}

// A copy cut short (an interrupted transfer) must not read as a shorter
// valid file: what zlib inflated is read, then the end is an error.
TEST(CsvReader, TruncatedGzipIsAnErrorSayingHowFarItGot) {
  TempDir dir;
  const int records = 60000;
  const std::string gz = gzip_bytes(dir, big_text(records));
  auto file = dir.write("cut.csv.gz", gz.substr(0, gz.size() / 2));
  std::string error;
  const int64_t read = records_before_error(file, error);
  EXPECT_THAT(error, HasSubstr(file.string() + ": the gzip data ends early"));
  EXPECT_THAT(error, HasSubstr("bytes of data (line "));
  EXPECT_GT(read, 0);
  EXPECT_LT(read, records);
}

TEST(CsvReader, GzipWithoutItsTrailerIsTruncated) {
  TempDir dir;
  const std::string text = "a,b\n1,2\n3,4\n";
  const std::string gz = gzip_bytes(dir, text);
  // Every data byte is there; only the 8-byte trailer (CRC-32, length) is
  // gone, so only the reader's end-of-stream check can tell.
  auto file = dir.write("no_trailer.csv.gz", gz.substr(0, gz.size() - 8));
  std::string error;
  records_before_error(file, error);
  EXPECT_THAT(error, HasSubstr("ends early"));
  EXPECT_THAT(error, HasSubstr(std::to_string(text.size()) + " bytes of data"));
}

TEST(CsvReader, CorruptGzipIsAnErrorNamingTheFile) {
  TempDir dir;
  std::string gz = gzip_bytes(dir, big_text(60000));
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 16; ++i) gz[i] ^= 0x5A;
  auto file = dir.write("corrupt.csv.gz", gz);
  std::string error;
  records_before_error(file, error);
  EXPECT_THAT(error, HasSubstr(file.string() + ": cannot read past "));
}

TEST(CsvReader, CompleteGzipEndsWithoutError) {
  TempDir dir;
  auto file = dir.write("whole.csv.gz", gzip_bytes(dir, big_text(1000)));
  std::string error;
  EXPECT_EQ(records_before_error(file, error), 1000);
  EXPECT_EQ(error, "");
}

TEST(CsvReader, TinyBuffersReadTheSameRecords) {
  // A buffer of a few bytes: nearly every record crosses its end, and the
  // buffer grows from 1 byte; zlib reads as little at once.
  TempDir dir;
  const int records = 300;
  std::string text = big_text(records);
  auto plain = dir.write("small.csv", text);
  auto compressed = dir.path() / "small.csv.gz";
  gzFile gz = gzopen(compressed.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  for (size_t bytes : {1, 2, 3, 7, 64, 1000}) {
    SCOPED_TRACE("buffer of " + std::to_string(bytes) + " bytes");
    CsvReader from_plain(plain, {0, true, bytes});
    expect_big_records(from_plain, records);
    EXPECT_EQ(from_plain.bytes_read(), static_cast<int64_t>(text.size()));
    CsvReader from_gzip(compressed, {0, true, bytes});
    expect_big_records(from_gzip, records);
  }
  EXPECT_THROW(CsvReader(plain, {0, true, 0}), std::invalid_argument);
}

TEST(CsvReader, RecordLongerThanTheBuffer) {
  TempDir dir;
  // One field of 3 MiB (quoted, with a doubled quote at each end) between
  // ordinary records: the buffer grows to hold it.
  std::string huge(3u << 20, 'x');
  std::string text = "a,b\n1,2\n3,\"\"\"" + huge + "\"\"\"\n5,6\n";
  CsvReader reader(dir.write("huge.csv", text), {});
  auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_THAT(records[0].fields, ElementsAre("1", "2"));
  EXPECT_EQ(records[1].fields[1], "\"" + huge + "\"");
  EXPECT_THAT(records[2].fields, ElementsAre("5", "6"));
  EXPECT_EQ(records[2].line, 4);
}

}  // namespace
