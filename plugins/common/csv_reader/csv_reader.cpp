// A hand-written RFC 4180 scanner rather than a library: Debian 12 packages
// no streaming CSV parser for C++, and the scanner here is small. It reads
// through zlib's gz* functions, which inflate gzip files and pass plain
// files through unchanged, into one buffer; a record that runs past the end
// of the buffer is moved to its front before more is read, so every
// complete record lies contiguous in the buffer and its fields can point
// into it.
#include "csv_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>

namespace vigie::csv {
namespace {

// A record may be longer than the buffer (it then grows), up to this: past
// it the file is almost certainly broken by a quote that never closes.
constexpr size_t kMaxRecordBytes = size_t{256} << 20;
constexpr size_t kZlibBufferBytes = 256u << 10;

// Copies a quoted field over itself without its quotes: the opening quote,
// doubled quotes inside, the closing quote. Whatever follows the closing
// quote before the delimiter (not valid RFC 4180, but seen in exports) is
// kept as written rather than failing the whole file.
std::string_view unquote_in_place(char* raw, size_t size) {
  const char* close =
      static_cast<const char*>(std::memchr(raw + 1, '"', size - 1));
  if (close == raw + size - 1) return {raw + 1, size - 2};  // nothing inside
  char* out = raw;
  size_t i = 1;
  while (i < size) {
    if (raw[i] != '"') {
      *out++ = raw[i++];
    } else if (i + 1 < size && raw[i + 1] == '"') {
      *out++ = '"';
      i += 2;
    } else {
      for (++i; i < size;) *out++ = raw[i++];
    }
  }
  return {raw, static_cast<size_t>(out - raw)};
}

}  // namespace

struct CsvReader::Impl {
  // A field of the record being read, as offsets from the record's start
  // (offsets survive the record being moved to the front of the buffer).
  struct Span {
    size_t begin;
    size_t end;
    bool quoted;
  };

  std::string name;  // the path, for messages
  gzFile file = nullptr;
  std::vector<char> buffer;
  size_t begin = 0;           // start of the record not yet returned
  size_t end = 0;             // end of the bytes read into the buffer
  int64_t buffer_origin = 0;  // offset in the input of buffer[0]
  bool at_eof = false;
  char delimiter = ',';
  bool quoting = true;
  std::vector<std::string> header;
  int64_t record_line = 0;
  bool record_ended_by_line_break = false;
  int64_t next_line = 1;
  std::vector<Span> spans;

  ~Impl() {
    if (file != nullptr) gzclose(file);
  }

  bool refill();
  std::string position() const;
  void skip_byte_order_mark();
  char detect_delimiter() const;
  bool scan_record(size_t& record_end, int64_t& newlines);
  bool next(std::vector<std::string_view>& fields);
};

// Moves the unfinished record to the front of the buffer (growing it when
// the record fills it) and reads more behind it. False at the end of input.
bool CsvReader::Impl::refill() {
  if (at_eof) return false;
  if (begin > 0) {
    std::memmove(buffer.data(), buffer.data() + begin, end - begin);
    buffer_origin += static_cast<int64_t>(begin);
    end -= begin;
    begin = 0;
  }
  if (end == buffer.size()) {
    if (buffer.size() >= kMaxRecordBytes)
      throw std::runtime_error(
          name + ": the record starting at line " + std::to_string(next_line) +
          " is longer than 256 MiB (a quote that never closes?)");
    buffer.resize(buffer.size() * 2);
  }
  size_t room = std::min(buffer.size() - end, size_t{INT_MAX});
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
std::string CsvReader::Impl::position() const {
  return std::to_string(buffer_origin + static_cast<int64_t>(end)) +
         " bytes of data (line " + std::to_string(next_line) + ")";
}

void CsvReader::Impl::skip_byte_order_mark() {
  constexpr char kBom[] = "\xEF\xBB\xBF";
  if (end - begin >= 3 && std::memcmp(buffer.data() + begin, kBom, 3) == 0)
    begin += 3;
}

// The most frequent of `,` `;` and tab outside quotes (when quoting is on)
// on the first line (`,` when none appears or on a tie).
char CsvReader::Impl::detect_delimiter() const {
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (size_t i = begin; i < end; ++i) {
    char c = buffer[i];
    if (c == '"' && quoting) quoted = !quoted;  // a doubled one toggles twice
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

// Finds the fields of the next record, reading more input as needed; the
// record then lies in buffer[begin, record_end). False at the end of input.
bool CsvReader::Impl::scan_record(size_t& record_end, int64_t& newlines) {
  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
  State state = State::FieldStart;
  spans.clear();
  newlines = 0;
  size_t pos = begin;    // next byte to look at
  size_t field = begin;  // start of the current field
  bool field_quoted = false;
  int64_t quote_line = 0;  // where the current quoted field opened
  auto close_field = [&](size_t field_end) {
    spans.push_back({field - begin, field_end - begin, field_quoted});
  };
  auto close_line = [&](size_t line_end) {
    // Still at a field's start: the input ended right after a delimiter.
    // That last field is empty, and unquoted even if the one before it was.
    if (state == State::FieldStart) {
      field = line_end;
      field_quoted = false;
    }
    if (line_end > field && buffer[line_end - 1] == '\r') --line_end;
    close_field(line_end);
  };
  for (;;) {
    if (pos == end) {
      size_t pos_in_record = pos - begin;
      size_t field_in_record = field - begin;
      bool more = refill();  // may move the record to the buffer's front
      pos = begin + pos_in_record;
      field = begin + field_in_record;
      if (!more) {
        if (pos == begin) return false;
        if (state == State::Quoted)
          throw std::runtime_error(name +
                                   ": unterminated quoted field starting "
                                   "at line " +
                                   std::to_string(quote_line));
        close_line(pos);
        record_end = pos;
        record_ended_by_line_break = false;
        return true;
      }
      continue;
    }
    const char* data = buffer.data();
    switch (state) {
      case State::FieldStart:
        field = pos;
        field_quoted = quoting && data[pos] == '"';
        if (field_quoted) {
          quote_line = next_line + newlines;
          ++pos;
          state = State::Quoted;
        } else {
          state = State::Unquoted;
        }
        break;
      case State::Unquoted: {
        const char* p = data + pos;
        const char* stop = data + end;
        while (p < stop && *p != delimiter && *p != '\n') ++p;
        pos = static_cast<size_t>(p - data);
        if (p == stop) break;
        if (*p == delimiter) {
          close_field(pos);
          state = State::FieldStart;
          ++pos;
          break;
        }
        close_line(pos);
        ++newlines;
        record_end = pos + 1;
        record_ended_by_line_break = true;
        return true;
      }
      case State::Quoted: {
        const void* quote = std::memchr(data + pos, '"', end - pos);
        size_t stop =
            quote ? static_cast<size_t>(static_cast<const char*>(quote) - data)
                  : end;
        newlines += std::count(data + pos, data + stop, '\n');
        pos = quote ? stop + 1 : end;
        if (quote) state = State::QuoteInQuoted;
        break;
      }
      case State::QuoteInQuoted:
        if (data[pos] == '"') {
          ++pos;  // a doubled quote: still inside
          state = State::Quoted;
        } else {
          state = State::Unquoted;  // closed; the delimiter or line end next
        }
        break;
    }
  }
}

bool CsvReader::Impl::next(std::vector<std::string_view>& fields) {
  fields.clear();
  size_t record_end = 0;
  int64_t newlines = 0;
  for (;;) {
    if (!scan_record(record_end, newlines)) return false;
    // A line with nothing on it is no record (a trailing blank line would
    // otherwise read as a record of one empty field).
    bool blank =
        spans.size() == 1 && !spans[0].quoted && spans[0].begin == spans[0].end;
    if (!blank) break;
    begin = record_end;
    next_line += newlines;
  }
  record_line = next_line;
  next_line += newlines;
  char* record = buffer.data() + begin;
  for (const Span& s : spans) {
    if (s.quoted)
      fields.push_back(unquote_in_place(record + s.begin, s.end - s.begin));
    else
      fields.emplace_back(record + s.begin, s.end - s.begin);
  }
  begin = record_end;
  return true;
}

CsvReader::CsvReader(const std::filesystem::path& path, Options options)
    : impl_(std::make_unique<Impl>()) {
  Impl& r = *impl_;
  r.name = path.string();
  if (options.delimiter == '"' || options.delimiter == '\n' ||
      options.delimiter == '\r')
    throw std::invalid_argument(r.name +
                                ": a quote or line break cannot be the "
                                "delimiter");
  if (options.buffer_bytes == 0)
    throw std::invalid_argument(r.name + ": the buffer cannot be empty");
  errno = 0;
  r.file = gzopen(r.name.c_str(), "rb");
  if (r.file == nullptr)
    throw std::runtime_error("cannot open '" + r.name + "': " +
                             (errno ? std::strerror(errno) : "out of memory"));
  gzbuffer(r.file, static_cast<unsigned>(
                       std::min(options.buffer_bytes, kZlibBufferBytes)));
  r.buffer.resize(options.buffer_bytes);
  r.quoting = options.quoting;
  r.refill();
  r.skip_byte_order_mark();
  r.delimiter = options.delimiter ? options.delimiter : r.detect_delimiter();
  if (options.header) {
    std::vector<std::string_view> names;
    if (r.next(names)) r.header.assign(names.begin(), names.end());
  }
}

CsvReader::~CsvReader() = default;

const std::vector<std::string>& CsvReader::header() const {
  return impl_->header;
}

char CsvReader::delimiter() const { return impl_->delimiter; }

bool CsvReader::next(std::vector<std::string_view>& fields) {
  return impl_->next(fields);
}

int64_t CsvReader::line() const { return impl_->record_line; }

bool CsvReader::ended_by_line_break() const {
  return impl_->record_ended_by_line_break;
}

int64_t CsvReader::bytes_read() const {
  return impl_->buffer_origin + static_cast<int64_t>(impl_->begin);
}

}  // namespace vigie::csv
