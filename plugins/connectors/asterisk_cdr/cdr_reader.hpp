// Reads an Asterisk CDR file (cdr_csv's Master.csv, or a cdr_custom file
// with its column order given) into calls: each row checked against its
// layout, its times parsed, its text made valid UTF-8, then gathered with
// the other legs of its call (call_grouper.hpp). Streams: one buffer of
// the file (csv_reader.hpp, gzip read transparently) and the calls of the
// last window.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "call_direction.hpp"
#include "call_grouper.hpp"
#include "cdr_layout.hpp"
#include "csv_reader.hpp"

namespace vigie::asterisk_cdr {

struct CdrOptions {
  // A cdr_csv width every row must have (16, 17, 18 or 21); none: each
  // row's own field count tells its layout.
  std::optional<size_t> cdr_csv_width;
  // A cdr_custom column order (field names, `-` for a column to skip);
  // empty for cdr_csv.
  std::vector<std::string> columns;
  // The field of the call's first leg that names its queue; none: no queue.
  std::optional<CdrField> queue_field = CdrField::kDcontext;
  DirectionRules direction;
  int64_t call_window_seconds = 12 * 3600;
  // An ANSWERED leg counts as answered from this many billed seconds.
  int64_t answered_min_billsec = 0;
  // The file's times are UTC (cdr.conf's usegmtime): started_at gets a Z.
  bool utc = false;
  size_t buffer_bytes = size_t{1} << 20;
};

// One row for the engine: a call, or a line that could not be read.
struct CdrRow {
  int64_t line = 0;
  std::string reject;  // the reason; empty for a call
  Call call;
};

class CdrReader {
 public:
  // Throws std::runtime_error naming the file when it cannot be opened or
  // an option is wrong.
  CdrReader(const std::filesystem::path& path, const CdrOptions& options);

  // The next row, false at the end of the file. Throws std::runtime_error
  // naming the file and line when the file cannot be read as a CDR file at
  // all: its first record has a field count no layout has, a quote never
  // closes, the gzip data is cut short.
  bool next(CdrRow& out);

  // Values (fields of the rows made into calls) that were not valid UTF-8
  // and were repaired, each ill-formed part replaced by U+FFFD.
  int64_t repaired_values() const { return repaired_values_; }
  int64_t records_read() const { return records_read_; }
  size_t open_calls() const { return grouper_.open_calls(); }
  // Bytes of (inflated) input read so far.
  int64_t bytes_read() const { return csv_.bytes_read(); }

 private:
  void read_record();
  // The reason the record cannot be used, or nothing once it went to the
  // grouper.
  std::optional<std::string> take_record(const CdrLayout& layout);

  std::string name_;
  csv::CsvReader csv_;
  LayoutChoice layouts_;
  CdrOptions options_;
  CallDirection direction_;
  CallGrouper grouper_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> repaired_;  // storage of repaired fields
  std::vector<Call> done_;
  std::deque<CdrRow> ready_;
  bool at_end_ = false;
  int64_t records_read_ = 0;
  int64_t repaired_values_ = 0;
};

}  // namespace vigie::asterisk_cdr
