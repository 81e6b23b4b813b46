// A window over a file read front to back, the bytes a reader has not used
// yet kept contiguous in one buffer, gzip input inflated transparently.
// The line reader and the CSV reader both hand out views into this buffer
// (a line, the fields of a record), so a unit that runs past the end of the
// buffer is moved to its front before more is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vigie::text {

class FileWindow {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened,
  // std::invalid_argument for a buffer_bytes of 0. `padding` bytes after
  // the data are never filled, so that they may always be read past the
  // end of a unit (simdjson wants SIMDJSON_PADDING of them).
  FileWindow(const std::filesystem::path& path, size_t buffer_bytes,
             size_t padding);
  ~FileWindow();
  FileWindow(const FileWindow&) = delete;
  FileWindow& operator=(const FileWindow&) = delete;

  // Moves the bytes from begin() on to the front of the buffer (doubling
  // it when they fill it) and reads more behind them. False at the end of
  // the input. `line` is the 1-based line being read and `too_long` what
  // to say when a unit outgrows 256 MiB, both for messages. Throws
  // std::runtime_error naming the file on a read error, a truncated gzip
  // stream or a unit past 256 MiB. Invalidates pointers into the buffer.
  bool refill(int64_t line, const char* too_long);

  char* data() { return buffer_.data(); }
  // The unread bytes are [begin(), end()); a reader moves begin() on.
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  void consume_to(size_t offset) { begin_ = offset; }

  // Offset in the (inflated) input of data()[begin()], for progress.
  int64_t offset() const {
    return buffer_origin_ + static_cast<int64_t>(begin_);
  }
  const std::string& name() const { return name_; }

  // Skips a UTF-8 byte-order mark at the start of the input.
  void skip_byte_order_mark();

 private:
  std::string position(int64_t line) const;

  std::string name_;      // the path, for messages
  void* file_ = nullptr;  // gzFile, kept out of this header
  std::vector<char> buffer_;
  size_t padding_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  int64_t buffer_origin_ = 0;  // offset in the input of buffer_[0]
  bool at_eof_ = false;
};

}  // namespace vigie::text
