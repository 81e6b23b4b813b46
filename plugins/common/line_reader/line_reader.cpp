// Reads through zlib's gz* functions, which inflate gzip files and pass
// plain files through unchanged, into one buffer. A line that runs past
// the end of the buffer is moved to its front before more is read, so that
// every complete line lies contiguous in the buffer and can be handed over
// as a view. The last `padding` bytes of the buffer are never filled: a
// line ends at most where the data does, so they always follow it.
#include "line_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigie::text {
namespace {

// A line may be longer than the buffer (it then grows), up to this: past
// it the file is almost certainly not made of lines (a binary file, one
// huge JSON document).
constexpr size_t kMaxLineBytes = size_t{256} << 20;
constexpr size_t kZlibBufferBytes = 256u << 10;

// Without its CR when the line ended with CRLF.
std::string_view without_carriage_return(const char* data, size_t size) {
  if (size > 0 && data[size - 1] == '\r') --size;
  return {data, size};
}

}  // namespace

struct LineReader::Impl {
  std::string name;  // the path, for messages
  gzFile file = nullptr;
  std::vector<char> buffer;
  size_t padding = 0;
  size_t begin = 0;           // start of the line not yet returned
  size_t end = 0;             // end of the bytes read into the buffer
  size_t scanned = 0;         // bytes after `begin` already searched for a LF
  int64_t buffer_origin = 0;  // offset in the input of buffer[0]
  bool at_eof = false;
  int64_t line_number = 0;
  bool ended_by_line_break = true;

  ~Impl() {
    if (file != nullptr) gzclose(file);
  }

  size_t capacity() const { return buffer.size() - padding; }
  bool refill();
  std::string position() const;
  void skip_byte_order_mark();
  bool next(std::string_view& line);
};

// Moves the unfinished line to the front of the buffer (growing it when
// the line fills it) and reads more behind it. False at the end of input.
bool LineReader::Impl::refill() {
  if (at_eof) return false;
  if (begin > 0) {
    std::memmove(buffer.data(), buffer.data() + begin, end - begin);
    buffer_origin += static_cast<int64_t>(begin);
    end -= begin;
    begin = 0;
  }
  if (end == capacity()) {
    if (capacity() >= kMaxLineBytes)
      throw std::runtime_error(name + ": line " +
                               std::to_string(line_number + 1) +
                               " is longer than 256 MiB (is the file made "
                               "of lines?)");
    buffer.resize(capacity() * 2 + padding);
  }
  size_t room = std::min(capacity() - end, size_t{INT_MAX});
  int got = gzread(file, buffer.data() + end, static_cast<unsigned>(room));
  int code = Z_OK;
  const char* why = gzerror(file, &code);
  if (got < 0)  // a corrupt stream: bad data, bad check value or length
    throw std::runtime_error(name + ": cannot read past " + position() + ": " +
                             why);
  if (got == 0) {
    // gzread hands over what it inflated before the input ran out and
    // flags a stream that stopped before its trailer with Z_BUF_ERROR: a
    // file cut short (an interrupted copy) would otherwise read as a
    // shorter, valid one.
    if (code == Z_BUF_ERROR)
      throw std::runtime_error(name +
                               ": the gzip data ends early (truncated "
                               "file?) after " +
                               position() + "; none of its rows are used");
    at_eof = true;
    return false;
  }
  end += static_cast<size_t>(got);
  return true;
}

// How far the input was read, for messages: bytes of inflated data and
// the line being read.
std::string LineReader::Impl::position() const {
  return std::to_string(buffer_origin + static_cast<int64_t>(end)) +
         " bytes of data (line " + std::to_string(line_number + 1) + ")";
}

void LineReader::Impl::skip_byte_order_mark() {
  // A first read may bring fewer than 3 bytes (a tiny buffer).
  while (end - begin < 3 && refill()) {
  }
  constexpr char kBom[] = "\xEF\xBB\xBF";
  if (end - begin >= 3 && std::memcmp(buffer.data() + begin, kBom, 3) == 0)
    begin += 3;
}

bool LineReader::Impl::next(std::string_view& line) {
  for (;;) {
    const char* data = buffer.data();
    const void* lf =
        std::memchr(data + begin + scanned, '\n', end - begin - scanned);
    if (lf != nullptr) {
      const size_t stop =
          static_cast<size_t>(static_cast<const char*>(lf) - data);
      line = without_carriage_return(data + begin, stop - begin);
      begin = stop + 1;
      scanned = 0;
      ++line_number;
      ended_by_line_break = true;
      return true;
    }
    scanned = end - begin;  // survives the move to the buffer's front
    if (!refill()) {
      if (begin == end) return false;
      // The last line, without a line break after it.
      line = without_carriage_return(buffer.data() + begin, end - begin);
      begin = end;
      scanned = 0;
      ++line_number;
      ended_by_line_break = false;
      return true;
    }
  }
}

LineReader::LineReader(const std::filesystem::path& path, Options options)
    : impl_(std::make_unique<Impl>()) {
  Impl& r = *impl_;
  r.name = path.string();
  if (options.buffer_bytes == 0)
    throw std::invalid_argument(r.name + ": the buffer cannot be empty");
  errno = 0;
  r.file = gzopen(r.name.c_str(), "rb");
  if (r.file == nullptr)
    throw std::runtime_error("cannot open '" + r.name + "': " +
                             (errno ? std::strerror(errno) : "out of memory"));
  gzbuffer(r.file, static_cast<unsigned>(
                       std::min(options.buffer_bytes, kZlibBufferBytes)));
  r.padding = options.padding;
  r.buffer.resize(options.buffer_bytes + options.padding);
  r.skip_byte_order_mark();
}

LineReader::~LineReader() = default;

bool LineReader::next(std::string_view& line) { return impl_->next(line); }

int64_t LineReader::line() const { return impl_->line_number; }

bool LineReader::ended_by_line_break() const {
  return impl_->ended_by_line_break;
}

int64_t LineReader::bytes_read() const {
  return impl_->buffer_origin + static_cast<int64_t>(impl_->begin);
}

}  // namespace vigie::text
