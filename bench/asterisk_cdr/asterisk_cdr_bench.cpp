// Throughput of the asterisk_cdr reader (cdr_reader.hpp: CSV scan, layout,
// times, UTF-8 check and repair, grouping by linkedid) on a large CDR file:
// the real production file (shared/realdata/asterisk/prod_21col_Master.csv,
// 84 rows, 36 calls) repeated 11,905 times to 1,000,020 rows, each copy a
// day later than the one before and its uniqueids and linkedids prefixed
// with r<copy>-, so that every call is new and the rows stay in the order
// Asterisk writes them. Counters: CDR rows and calls a second, and the
// most calls open at once (the grouping's memory).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cdr_reader.hpp"
#include "cdr_time.hpp"
#include "csv_reader.hpp"

namespace {

using vigie::asterisk_cdr::CdrReader;
using vigie::asterisk_cdr::CdrRow;

constexpr int kCopies = 11905;

const std::string kProd =
    std::string(VIGIE_SHARED_DIR) + "/realdata/asterisk/prod_21col_Master.csv";

// "YYYY-MM-DD HH:MM:SS" of wall-clock seconds (H. Hinnant's
// civil_from_days).
std::string time_text(int64_t seconds) {
  int64_t z = seconds / 86400 + 719468;
  const int64_t era = z / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  const int64_t s = seconds % 86400;
  char text[128];
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld",
                static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d), static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60),
                static_cast<long long>(s % 60));
  return text;
}

// The large file, written once into the temporary folder.
const std::filesystem::path& large_file() {
  static const std::filesystem::path path = [] {
    auto file = std::filesystem::temp_directory_path() /
                ("vigie-bench-cdr-" + std::to_string(getpid()) + ".csv");
    std::vector<std::vector<std::string>> rows;
    vigie::csv::CsvReader reader(kProd, {',', false});
    std::vector<std::string_view> fields;
    while (reader.next(fields)) rows.emplace_back(fields.begin(), fields.end());
    std::ofstream out(file, std::ios::binary);
    std::string line;
    for (int copy = 0; copy < kCopies; ++copy) {
      const std::string prefix = "r" + std::to_string(copy) + "-";
      for (const auto& row : rows) {
        line.clear();
        for (size_t i = 0; i < row.size(); ++i) {
          std::string value = row[i];
          if (i >= 9 && i <= 11 && !value.empty())  // start, answer, end
            value = time_text(*vigie::asterisk_cdr::parse_cdr_time(value) +
                              copy * 86400);
          if (i == 16 || i == 19) value = prefix + value;  // uniqueid, linkedid
          const bool number = i == 12 || i == 13 || i == 20;
          if (i) line += ',';
          if (number) {
            line += value;
          } else {
            line += '"';
            for (char c : value) line += c == '"' ? "\"\"" : std::string(1, c);
            line += '"';
          }
        }
        line += '\n';
        out << line;
      }
    }
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file;
  }();
  return path;
}

void BM_AsteriskCdrMillionRows(benchmark::State& state) {
  const auto& file = large_file();
  int64_t rows = 0, calls = 0;
  size_t most_open = 0;
  CdrRow row;
  for (auto _ : state) {
    CdrReader reader(file, {});
    int64_t seen = 0;
    while (reader.next(row)) {
      if (!row.reject.empty()) state.SkipWithError(row.reject.c_str());
      ++calls;
      if (++seen % 1024 == 0)
        most_open = std::max(most_open, reader.open_calls());
    }
    rows += reader.records_read();
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows),
                                                benchmark::Counter::kIsRate);
  state.counters["calls/s"] = benchmark::Counter(static_cast<double>(calls),
                                                 benchmark::Counter::kIsRate);
  state.counters["open_calls"] = static_cast<double>(most_open);
}
BENCHMARK(BM_AsteriskCdrMillionRows)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  std::error_code ignored;
  std::filesystem::remove(large_file(), ignored);
  benchmark::Shutdown();
  return 0;
}
