// The lines of a text file, plain or gzip (zlib's gz* functions inflate a
// gzip file and pass a plain one through), one at a time: the memory held
// is one buffer, whatever the file's size. A gzip file cut short is an
// error, never a shorter file.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ticketing {

class LineReader {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line, without its line end (LF or CRLF), valid until the next
  // call; false at the end of the file.
  bool next(std::string_view& line);
  // The line number of the last line given (1 for the first).
  int64_t line_number() const { return line_number_; }
  // Whether the last line given ended with a line end: a last line without
  // one may have been cut short by a copy.
  bool ended() const { return ended_; }

 private:
  bool fill();

  std::string path_;
  gzFile file_ = nullptr;
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  bool at_eof_ = false;
  int64_t line_number_ = 0;
  bool ended_ = true;
};

}  // namespace ticketing
