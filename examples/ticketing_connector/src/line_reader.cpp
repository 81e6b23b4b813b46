#include "line_reader.hpp"

#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>

namespace ticketing {

namespace {

// One ticket is one line: a line past this size is not a ticket.
constexpr size_t kMaxLineBytes = size_t{64} << 20;

}  // namespace

LineReader::LineReader(const std::string& path)
    : path_(path), buffer_(size_t{1} << 16) {
  file_ = gzopen(path.c_str(), "rb");
  if (file_ == nullptr)
    throw std::runtime_error(
        path + ": cannot open: " + std::strerror(errno ? errno : ENOMEM));
}

LineReader::~LineReader() { gzclose(file_); }

bool LineReader::next(std::string_view& line) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    if (const void* lf = std::memchr(start, '\n', end_ - begin_)) {
      const size_t length =
          static_cast<size_t>(static_cast<const char*>(lf) - start);
      line = std::string_view(start, length);
      begin_ += length + 1;
      ended_ = true;
      break;
    }
    if (at_eof_ || !fill()) {
      if (begin_ == end_) return false;
      // The last line has no line end (fill() may have moved it).
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      ended_ = false;
      break;
    }
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

// Reads more of the file after what is left of the current line; false at
// its end.
bool LineReader::fill() {
  if (begin_ > 0) {  // keep the start of the line being read
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) {
    if (buffer_.size() >= kMaxLineBytes)
      throw std::runtime_error(path_ + ":" + std::to_string(line_number_ + 1) +
                               ": the line is longer than 64 MiB: not one "
                               "ticket a line");
    buffer_.resize(buffer_.size() * 2);
  }
  const size_t room = std::min(buffer_.size() - end_, size_t{INT_MAX});
  const int got =
      gzread(file_, buffer_.data() + end_, static_cast<unsigned>(room));
  int code = Z_OK;
  const char* why = gzerror(file_, &code);
  if (got < 0)  // corrupt gzip data, or a read error
    throw std::runtime_error(path_ + ":" + std::to_string(line_number_ + 1) +
                             ": cannot read: " + why);
  if (got == 0) {
    // zlib says Z_BUF_ERROR when the gzip stream stops before its end.
    if (code == Z_BUF_ERROR)
      throw std::runtime_error(path_ +
                               ": the gzip data ends early (truncated file?) "
                               "after line " +
                               std::to_string(line_number_));
    at_eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(got);
  return true;
}

}  // namespace ticketing
