// Every record of a CSV file as the reader gives them, with the invariants
// any input must keep: line numbers that grow, a byte count that never goes
// back, and only the reader's documented error (std::runtime_error, naming
// the file). Any other exception escapes, and libFuzzer reports it.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "csv_reader.hpp"

namespace vigie::fuzz {

struct CsvRecords {
  char delimiter = 0;  // 0 when the file could not be opened
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
  std::vector<int64_t> lines;  // the first line of each record
  std::optional<std::string> error;
};

inline void check(bool condition) {
  if (!condition) std::abort();
}

inline CsvRecords read_csv_records(const std::string& path,
                                   csv::CsvReader::Options options) {
  CsvRecords out;
  try {
    csv::CsvReader reader(path, options);
    out.delimiter = reader.delimiter();
    out.header = reader.header();
    if (options.delimiter != 0) check(reader.delimiter() == options.delimiter);
    std::vector<std::string_view> fields;
    int64_t bytes = reader.bytes_read();
    while (reader.next(fields)) {
      check(!fields.empty());
      check(reader.line() >= 1);
      check(out.lines.empty() || reader.line() > out.lines.back());
      check(reader.bytes_read() >= bytes);
      bytes = reader.bytes_read();
      out.lines.push_back(reader.line());
      out.records.emplace_back(fields.begin(), fields.end());
    }
  } catch (const std::runtime_error& e) {
    std::string message = e.what();
    check(message.find(path) != std::string::npos);
    out.error = message.substr(message.find(path) + path.size());
  }
  return out;
}

}  // namespace vigie::fuzz
