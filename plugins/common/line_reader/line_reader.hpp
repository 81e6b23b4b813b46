// A streaming line reader: it holds one buffer of the file, never the whole
// text. LF or CRLF line ends, a UTF-8 byte-order mark skipped, gzip input
// read transparently, 1-based line numbers. Each line is handed over as a
// view into the buffer, with a chosen number of readable bytes after it, so
// that a parser that reads past the end of its input (simdjson wants
// SIMDJSON_PADDING bytes) can take the line where it lies, without a copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace vigie::text {

class LineReader {
 public:
  struct Options {
    // The buffer's size at first (it doubles while a line does not fit)
    // and the most zlib reads at once. Tests make it tiny, so that short
    // inputs cross buffer boundaries.
    size_t buffer_bytes = size_t{1} << 20;
    // Bytes after the end of every line returned that may be read (their
    // values are whatever follows in the buffer).
    size_t padding = 0;
  };

  // Throws std::runtime_error naming the file when it cannot be opened,
  // std::invalid_argument for a buffer_bytes of 0.
  LineReader(const std::filesystem::path& path, Options options);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line, without its LF or CRLF, into `line` (valid until
  // the next call; `padding` readable bytes follow it). Empty lines are
  // returned too. Returns false at the end of the file. Throws
  // std::runtime_error naming the file on a read error, a truncated gzip
  // stream or a line longer than 256 MiB.
  bool next(std::string_view& line);

  // 1-based number of the last line returned.
  int64_t line() const;

  // Whether the last line returned ended with a line break: false only
  // for a last line the file ends in the middle of (or that its writer
  // left without one).
  bool ended_by_line_break() const;

  // Bytes of (decompressed) input consumed so far, for progress.
  int64_t bytes_read() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::text
