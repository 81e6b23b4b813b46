// Reads through a FileWindow (plain or gzip input), which keeps every
// complete line contiguous in its buffer, so that it can be handed over as
// a view; the window's padding bytes are never filled, so they always
// follow a line.
#include "line_reader.hpp"

#include <cstring>
#include <stdexcept>

#include "file_window.hpp"

namespace vigie::text {
namespace {

constexpr const char* kLineTooLong =
    "a line longer than 256 MiB starts here (is the file made of lines?)";

// Without its CR when the line ended with CRLF.
std::string_view without_carriage_return(const char* data, size_t size) {
  if (size > 0 && data[size - 1] == '\r') --size;
  return {data, size};
}

}  // namespace

struct LineReader::Impl {
  Impl(const std::filesystem::path& path, const Options& options)
      : window(path, options.buffer_bytes, options.padding) {}

  FileWindow window;   // begin(): the line not yet returned
  size_t scanned = 0;  // bytes after begin() already searched for a LF
  int64_t line_number = 0;
  bool ended_by_line_break = true;

  bool next(std::string_view& line);
};

bool LineReader::Impl::next(std::string_view& line) {
  for (;;) {
    char* data = window.data();
    const size_t begin = window.begin();
    const void* lf = std::memchr(data + begin + scanned, '\n',
                                 window.end() - begin - scanned);
    if (lf != nullptr) {
      const size_t stop =
          static_cast<size_t>(static_cast<const char*>(lf) - data);
      line = without_carriage_return(data + begin, stop - begin);
      window.consume_to(stop + 1);
      scanned = 0;
      ++line_number;
      ended_by_line_break = true;
      return true;
    }
    scanned = window.end() - begin;  // survives the move to the front
    if (!window.refill(line_number + 1, kLineTooLong)) {
      if (window.begin() == window.end()) return false;
      // The last line, without a line break after it.
      line = without_carriage_return(window.data() + window.begin(),
                                     window.end() - window.begin());
      window.consume_to(window.end());
      scanned = 0;
      ++line_number;
      ended_by_line_break = false;
      return true;
    }
  }
}

LineReader::LineReader(const std::filesystem::path& path, Options options)
    : impl_(std::make_unique<Impl>(path, options)) {
  impl_->window.skip_byte_order_mark();
}

LineReader::~LineReader() = default;

bool LineReader::next(std::string_view& line) { return impl_->next(line); }

int64_t LineReader::line() const { return impl_->line_number; }

bool LineReader::ended_by_line_break() const {
  return impl_->ended_by_line_break;
}

int64_t LineReader::bytes_read() const { return impl_->window.offset(); }

}  // namespace vigie::text
