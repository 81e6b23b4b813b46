// A streaming CSV reader: it holds one buffer of the file, never the whole
// text. RFC 4180 quoting (doubled quotes inside quoted fields, line breaks
// inside quotes), CRLF or LF, a UTF-8 byte-order mark skipped, `,` `;` or
// tab (detected from the header line unless given; any other byte, such as
// the `|` of Asterisk's queue_log, when given), gzip-compressed input read
// transparently. Quoting can be turned off for formats that have none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::csv {

class CsvReader {
 public:
  struct Options {
    char delimiter = 0;  // 0: detect from the first line
    bool header = true;  // the first record names the columns
    // The buffer's size at first (it doubles while a record does not fit)
    // and the most zlib reads at once. Tests and the fuzz targets make it
    // tiny, so that short inputs cross buffer boundaries.
    size_t buffer_bytes = size_t{1} << 20;
    // false: `"` is an ordinary character, every field ends at the next
    // delimiter or line end (Asterisk's queue_log writes free text, quotes
    // included, between `|` with no quoting at all).
    bool quoting = true;
  };

  // Throws std::runtime_error naming the file when it cannot be opened,
  // std::invalid_argument for a delimiter that cannot be one or a
  // buffer_bytes of 0.
  CsvReader(const std::filesystem::path& path, Options options);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const std::vector<std::string>& header() const;
  char delimiter() const;

  // Reads the next record into `fields` (views valid until the next call).
  // Returns false at the end of the file. Throws on an unterminated quote,
  // naming the file and line.
  bool next(std::vector<std::string_view>& fields);

  // 1-based line number of the first line of the last record read.
  int64_t line() const;

  // Whether the last record read ended with a line break: false only for
  // a last line the file ends in the middle of. A log that always ends its
  // lines (Asterisk's queue_log) was cut there, by a copy or while being
  // written.
  bool ended_by_line_break() const;

  // Bytes of (decompressed) input consumed so far, for progress.
  int64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::csv
