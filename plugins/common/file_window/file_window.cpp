// Reads through zlib's gz* functions, which inflate gzip files and pass
// plain files through unchanged.
#include "file_window.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>

namespace vigie::text {
namespace {

// A unit may be longer than the buffer (it then grows), up to this: past
// it the file is almost certainly not what its reader expects.
constexpr size_t kMaxUnitBytes = size_t{256} << 20;
constexpr size_t kZlibBufferBytes = 256u << 10;

gzFile gz(void* file) { return static_cast<gzFile>(file); }

}  // namespace

FileWindow::FileWindow(const std::filesystem::path& path, size_t buffer_bytes,
                       size_t padding)
    : name_(path.string()), padding_(padding) {
  if (buffer_bytes == 0)
    throw std::invalid_argument(name_ + ": the buffer cannot be empty");
  errno = 0;
  gzFile file = gzopen(name_.c_str(), "rb");
  if (file == nullptr)
    throw std::runtime_error("cannot open '" + name_ + "': " +
                             (errno ? std::strerror(errno) : "out of memory"));
  file_ = file;
  gzbuffer(file,
           static_cast<unsigned>(std::min(buffer_bytes, kZlibBufferBytes)));
  buffer_.resize(buffer_bytes + padding);
}

FileWindow::~FileWindow() {
  if (file_ != nullptr) gzclose(gz(file_));
}

bool FileWindow::refill(int64_t line, const char* too_long) {
  if (at_eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    buffer_origin_ += static_cast<int64_t>(begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t capacity = buffer_.size() - padding_;
  if (end_ == capacity) {
    if (capacity >= kMaxUnitBytes)
      throw std::runtime_error(name_ + ": line " + std::to_string(line) + ": " +
                               too_long);
    buffer_.resize(capacity * 2 + padding_);
  }
  const size_t room =
      std::min(buffer_.size() - padding_ - end_, size_t{INT_MAX});
  const int got =
      gzread(gz(file_), buffer_.data() + end_, static_cast<unsigned>(room));
  int code = Z_OK;
  const char* why = gzerror(gz(file_), &code);
  if (got < 0)  // a corrupt stream: bad data, bad check value or length
    throw std::runtime_error(name_ + ": cannot read past " + position(line) +
                             ": " + why);
  if (got == 0) {
    // gzread hands over what it inflated before the input ran out and
    // flags a stream that stopped before its trailer with Z_BUF_ERROR: a
    // file cut short (an interrupted copy) would otherwise read as a
    // shorter, valid one.
    if (code == Z_BUF_ERROR)
      throw std::runtime_error(name_ +
                               ": the gzip data ends early (truncated "
                               "file?) after " +
                               position(line) + "; none of its rows are used");
    at_eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(got);
  return true;
}

// How far the input was read: bytes of inflated data and the line.
std::string FileWindow::position(int64_t line) const {
  return std::to_string(buffer_origin_ + static_cast<int64_t>(end_)) +
         " bytes of data (line " + std::to_string(line) + ")";
}

void FileWindow::skip_byte_order_mark() {
  // A first read may bring fewer than 3 bytes (a tiny buffer).
  while (end_ - begin_ < 3 && refill(1, "")) {
  }
  constexpr char kBom[] = "\xEF\xBB\xBF";
  if (end_ - begin_ >= 3 && std::memcmp(buffer_.data() + begin_, kBom, 3) == 0)
    begin_ += 3;
}

}  // namespace vigie::text
