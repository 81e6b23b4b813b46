// The streaming line reader on small files written here byte by byte, on
// buffers of a few bytes (so that short inputs cross the buffer's end at
// every offset) and on gzip, whole or cut short.
#include "line_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using vigie::testing::TempDir;
using vigie::text::LineReader;

struct Line {
  int64_t number;
  std::string text;
  bool ended_by_line_break;
  bool operator==(const Line&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Line& line) {
  return out << line.number << ":'" << line.text << "'"
             << (line.ended_by_line_break ? "" : " (no line break)");
}

std::vector<Line> read_all(LineReader& reader) {
  std::vector<Line> out;
  std::string_view text;
  while (reader.next(text))
    out.push_back(
        {reader.line(), std::string(text), reader.ended_by_line_break()});
  return out;
}

std::vector<Line> read_file(const std::filesystem::path& file,
                            LineReader::Options options = {}) {
  LineReader reader(file, options);
  return read_all(reader);
}

// `text` gzip-compressed by zlib's own writer, into `name`.
std::filesystem::path write_gzip(const TempDir& dir, const std::string& name,
                                 const std::string& text) {
  auto file = dir.path() / name;
  gzFile gz = gzopen(file.c_str(), "wb");
  if (gz == nullptr) throw std::runtime_error("gzopen failed");
  if (!text.empty())
    gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  if (gzclose(gz) != Z_OK) throw std::runtime_error("gzclose failed");
  return file;
}

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(LineReader, LinesNumberedFromOne) {
  TempDir dir;
  auto file = dir.write("plain.ndjson", "{\"a\":1}\n{\"b\":2}\nlast");
  LineReader reader(file, {});
  EXPECT_THAT(read_all(reader),
              ElementsAre(Line{1, "{\"a\":1}", true},
                          Line{2, "{\"b\":2}", true}, Line{3, "last", false}));
  // Every byte consumed: 8 + 8 + 4.
  EXPECT_EQ(reader.bytes_read(), 20);
}

TEST(LineReader, EmptyLinesAreLinesAndAFinalLineBreakEndsTheFile) {
  TempDir dir;
  // Lines 2 and 4 are empty; the last line break ends line 5, no line 6.
  auto file = dir.write("blank.ndjson", "a\n\nb\n\nc\n");
  EXPECT_THAT(
      read_file(file),
      ElementsAre(Line{1, "a", true}, Line{2, "", true}, Line{3, "b", true},
                  Line{4, "", true}, Line{5, "c", true}));
}

TEST(LineReader, CrLfLineEnds) {
  TempDir dir;
  // A CR inside a line is data; only the one before the LF goes, and the
  // one ending a last line without LF.
  auto file = dir.write("crlf.ndjson", "x\r\n\r\ny\rz\r\nend\r");
  EXPECT_THAT(read_file(file),
              ElementsAre(Line{1, "x", true}, Line{2, "", true},
                          Line{3, "y\rz", true}, Line{4, "end", false}));
}

TEST(LineReader, ByteOrderMarkIsSkippedAtTheStartOnly) {
  TempDir dir;
  const std::string bom = "\xEF\xBB\xBF";
  auto file = dir.write("bom.ndjson", bom + "{}\n" + bom + "{}\n");
  EXPECT_THAT(read_file(file),
              ElementsAre(Line{1, "{}", true}, Line{2, bom + "{}", true}));
  // A file that is a mark alone has no line.
  EXPECT_THAT(read_file(dir.write("only_bom.ndjson", bom)), ElementsAre());
}

TEST(LineReader, EmptyFileHasNoLine) {
  TempDir dir;
  LineReader reader(dir.write("empty.ndjson", ""), {});
  std::string_view line;
  EXPECT_FALSE(reader.next(line));
  EXPECT_EQ(reader.line(), 0);
}

// Lines of every length from 0 to 40, CRLF every third, a BOM first: read
// with buffers of 1 to 9 bytes, each line crosses the buffer's end
// somewhere, the buffer grows from its first size, and the BOM itself is
// split; the lines must be those of a 1 MiB buffer.
TEST(LineReader, TinyBuffersReadTheSameLines) {
  TempDir dir;
  std::string text = "\xEF\xBB\xBF";
  std::vector<Line> expected;
  for (int i = 0; i <= 40; ++i) {
    std::string line;
    for (int c = 0; c < i; ++c) line += static_cast<char>('a' + (c + i) % 26);
    text += line + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back({i + 1, line, true});
  }
  text += "tail without a line break";
  expected.push_back({42, "tail without a line break", false});
  auto file = dir.write("lengths.ndjson", text);
  ASSERT_EQ(read_file(file), expected);
  for (size_t buffer = 1; buffer <= 9; ++buffer) {
    SCOPED_TRACE("buffer of " + std::to_string(buffer) + " bytes");
    EXPECT_EQ(read_file(file, {.buffer_bytes = buffer}), expected);
    EXPECT_EQ(read_file(file, {.buffer_bytes = buffer, .padding = 64}),
              expected);
  }
}

// The padding after each line lies in the buffer: the bytes right after a
// line are its own line break, and the `padding` bytes are all read here,
// which the sanitizer build (VIGIE_SANITIZE) turns into a failure if any
// lies past the buffer.
TEST(LineReader, PaddingFollowsEveryLine) {
  TempDir dir;
  auto file = dir.write("pad.ndjson", "ab\r\ncdef\ng");
  constexpr size_t kPadding = 16;
  for (size_t buffer : {size_t{1}, size_t{3}, size_t{1} << 20}) {
    SCOPED_TRACE("buffer of " + std::to_string(buffer) + " bytes");
    LineReader reader(file, {.buffer_bytes = buffer, .padding = kPadding});
    std::string_view line;
    std::vector<std::string> line_ends;
    volatile unsigned char sink = 0;
    while (reader.next(line)) {
      const char* after = line.data() + line.size();
      for (size_t i = 0; i < kPadding; ++i)
        sink = sink ^ static_cast<unsigned char>(after[i]);
      if (reader.ended_by_line_break())
        line_ends.emplace_back(after, after[0] == '\r' ? 2 : 1);
    }
    EXPECT_THAT(line_ends, ElementsAre("\r\n", "\n"));
    EXPECT_EQ(reader.line(), 3);
  }
}

// 60,000 lines of about 60 bytes (3.6 MB): lines cross the 1 MiB buffer's
// end at many offsets, plain and gzip.
std::string big_text(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i)
    text += "{\"n\":" + std::to_string(i) + ",\"text\":\"line " +
            std::to_string(i) + " of the big file, padded\"}" +
            (i % 5 == 0 ? "\r\n" : "\n");
  return text;
}

void expect_big_lines(const std::filesystem::path& file, int lines) {
  LineReader reader(file, {.padding = 64});
  std::string_view line;
  for (int i = 0; i < lines; ++i) {
    ASSERT_TRUE(reader.next(line)) << "line " << i + 1;
    ASSERT_EQ(reader.line(), i + 1);
    ASSERT_EQ(line, "{\"n\":" + std::to_string(i) + ",\"text\":\"line " +
                        std::to_string(i) + " of the big file, padded\"}");
  }
  EXPECT_FALSE(reader.next(line));
}

TEST(LineReader, LinesStraddleTheBuffer) {
  TempDir dir;
  const std::string text = big_text(60000);
  ASSERT_GT(text.size(), 3u << 20);
  expect_big_lines(dir.write("big.ndjson", text), 60000);
  expect_big_lines(write_gzip(dir, "big.ndjson.gz", text), 60000);
}

TEST(LineReader, ALineLongerThanTheBufferMakesItGrow) {
  TempDir dir;
  const std::string long_line(100000, 'x');
  auto file = dir.write("long.ndjson", "short\n" + long_line + "\nafter\n");
  EXPECT_THAT(read_file(file, {.buffer_bytes = 16}),
              ElementsAre(Line{1, "short", true}, Line{2, long_line, true},
                          Line{3, "after", true}));
}

TEST(LineReader, GzipReadsLikeThePlainText) {
  TempDir dir;
  const std::string text = "\xEF\xBB\xBF{\"a\":1}\r\n\n{\"b\":2}";
  auto gz = write_gzip(dir, "small.ndjson.gz", text);
  // The compressed bytes are not the text: the reader really inflates.
  ASSERT_NE(file_bytes(gz), text);
  auto lines = read_file(gz);
  EXPECT_EQ(lines, read_file(dir.write("small.ndjson", text)));
  EXPECT_THAT(lines, ElementsAre(Line{1, "{\"a\":1}", true}, Line{2, "", true},
                                 Line{3, "{\"b\":2}", false}));
}

// Counts the lines read before the reader throws; the message in `error`.
int64_t lines_before_error(const std::filesystem::path& file,
                           std::string& error) {
  int64_t lines = 0;
  try {
    LineReader reader(file, {});
    std::string_view line;
    while (reader.next(line)) ++lines;
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  return lines;
}

// A copy cut short (an interrupted transfer) must not read as a shorter
// valid file: what zlib inflated is read, then the end is an error.
TEST(LineReader, TruncatedGzipIsAnErrorSayingHowFarItGot) {
  TempDir dir;
  const std::string gz =
      file_bytes(write_gzip(dir, "whole.gz", big_text(60000)));
  auto file = dir.write("cut.ndjson.gz", gz.substr(0, gz.size() / 2));
  std::string error;
  const int64_t read = lines_before_error(file, error);
  EXPECT_THAT(error, HasSubstr(file.string() + ": the gzip data ends early"));
  EXPECT_THAT(error, HasSubstr("bytes of data (line "));
  EXPECT_GT(read, 0);
  EXPECT_LT(read, 60000);
}

TEST(LineReader, GzipWithoutItsTrailerIsTruncated) {
  TempDir dir;
  const std::string text = "{\"a\":1}\n{\"b\":2}\n";
  const std::string gz = file_bytes(write_gzip(dir, "whole.gz", text));
  // Every data byte is there; only the 8-byte trailer (CRC-32, length) is
  // gone, so only the reader's end-of-stream check can tell.
  auto file = dir.write("no_trailer.ndjson.gz", gz.substr(0, gz.size() - 8));
  std::string error;
  lines_before_error(file, error);
  EXPECT_THAT(error, HasSubstr("ends early"));
  EXPECT_THAT(error, HasSubstr(std::to_string(text.size()) + " bytes of data"));
}

TEST(LineReader, CompleteGzipEndsWithoutError) {
  TempDir dir;
  std::string error;
  EXPECT_EQ(lines_before_error(
                write_gzip(dir, "whole.ndjson.gz", big_text(1000)), error),
            1000);
  EXPECT_EQ(error, "");
}

TEST(LineReader, MissingFileNamesIt) {
  try {
    LineReader reader("/nonexistent/dir/missing.ndjson", {});
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/dir/missing.ndjson"));
  }
  TempDir dir;
  EXPECT_THROW(LineReader(dir.write("x", "a\n"), {.buffer_bytes = 0}),
               std::invalid_argument);
}

}  // namespace
