// A hand-written RFC 4180 scanner rather than a library: Debian 12 packages
// no streaming CSV parser for C++, and the scanner here is small. It reads
// through a FileWindow (plain or gzip input), which keeps every complete
// record contiguous in its buffer, so that its fields can point into it.
#include "csv_reader.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "file_window.hpp"

namespace vigie::csv {
namespace {

constexpr const char* kRecordTooLong =
    "a record longer than 256 MiB starts here (a quote that never closes?)";

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

  Impl(const std::filesystem::path& path, size_t buffer_bytes)
      : window(path, buffer_bytes, 0) {}

  text::FileWindow window;  // begin(): the record not yet returned
  char delimiter = ',';
  bool quoting = true;
  std::vector<std::string> header;
  int64_t record_line = 0;
  bool record_ended_by_line_break = false;
  int64_t next_line = 1;
  std::vector<Span> spans;

  bool refill() { return window.refill(next_line, kRecordTooLong); }
  char detect_delimiter();
  bool scan_record(size_t& record_end, int64_t& newlines);
  bool next(std::vector<std::string_view>& fields);
};

// The most frequent of `,` `;` and tab outside quotes (when quoting is on)
// on the first line (`,` when none appears or on a tie).
char CsvReader::Impl::detect_delimiter() {
  size_t commas = 0, semicolons = 0, tabs = 0;
  bool quoted = false;
  for (size_t i = window.begin(); i < window.end(); ++i) {
    char c = window.data()[i];
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
  size_t pos = window.begin();    // next byte to look at
  size_t field = window.begin();  // start of the current field
  bool field_quoted = false;
  int64_t quote_line = 0;  // where the current quoted field opened
  auto close_field = [&](size_t field_end) {
    spans.push_back(
        {field - window.begin(), field_end - window.begin(), field_quoted});
  };
  auto close_line = [&](size_t line_end) {
    // Still at a field's start: the input ended right after a delimiter.
    // That last field is empty, and unquoted even if the one before it was.
    if (state == State::FieldStart) {
      field = line_end;
      field_quoted = false;
    }
    if (line_end > field && window.data()[line_end - 1] == '\r') --line_end;
    close_field(line_end);
  };
  for (;;) {
    if (pos == window.end()) {
      size_t pos_in_record = pos - window.begin();
      size_t field_in_record = field - window.begin();
      bool more = refill();  // may move the record to the buffer's front
      pos = window.begin() + pos_in_record;
      field = window.begin() + field_in_record;
      if (!more) {
        if (pos == window.begin()) return false;
        if (state == State::Quoted)
          throw std::runtime_error(window.name() +
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
    const char* data = window.data();
    const size_t end = window.end();
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
    window.consume_to(record_end);
    next_line += newlines;
  }
  record_line = next_line;
  next_line += newlines;
  char* record = window.data() + window.begin();
  for (const Span& s : spans) {
    if (s.quoted)
      fields.push_back(unquote_in_place(record + s.begin, s.end - s.begin));
    else
      fields.emplace_back(record + s.begin, s.end - s.begin);
  }
  window.consume_to(record_end);
  return true;
}

CsvReader::CsvReader(const std::filesystem::path& path, Options options) {
  if (options.delimiter == '"' || options.delimiter == '\n' ||
      options.delimiter == '\r')
    throw std::invalid_argument(path.string() +
                                ": a quote or line break cannot be the "
                                "delimiter");
  impl_ = std::make_unique<Impl>(path, options.buffer_bytes);
  Impl& r = *impl_;
  r.quoting = options.quoting;
  r.window.skip_byte_order_mark();
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

int64_t CsvReader::bytes_read() const { return impl_->window.offset(); }

}  // namespace vigie::csv
