// Throughput of the text readers: the CSV reader on the real online retail
// file (541,909 records, 7.6 MB gzip, 45 MB of text), and the value parsers
// on a million values. Counters report rows (or values) per second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "table/parse.hpp"

namespace {

const std::string kRetailFile = std::string(VIGIE_SHARED_DIR) +
                                "/realdata/online_retail/online_retail.csv.gz";

void BM_CsvReaderOnlineRetail(benchmark::State& state) {
  int64_t rows = 0;
  int64_t bytes = 0;
  std::vector<std::string_view> fields;
  for (auto _ : state) {
    vigie::csv::CsvReader reader(kRetailFile, {});
    while (reader.next(fields)) {
      benchmark::DoNotOptimize(fields.data());
      ++rows;
    }
    bytes += reader.bytes_read();
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows),
                                                benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_CsvReaderOnlineRetail)->Unit(benchmark::kMillisecond);

constexpr int kValues = 1000000;

// Prices as the online retail file writes them: "2.55", "0.42", "12.75".
std::vector<std::string> decimal_texts() {
  std::vector<std::string> out;
  out.reserve(kValues);
  for (int i = 0; i < kValues; ++i)
    out.push_back(std::to_string(i % 5000) + "." + std::to_string(10 + i % 90));
  return out;
}

// Timestamps a minute apart from 2026-01-01 (a million minutes run to
// 2027-11-26), so that a run crosses four daylight-saving changes.
std::vector<std::string> timestamp_texts() {
  std::vector<std::string> out;
  out.reserve(kValues);
  const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int year = 2026, month = 1, day = 1, hour = 0, minute = 0;
  char text[64];
  for (int i = 0; i < kValues; ++i) {
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:00", year, month,
                  day, hour, minute);
    out.emplace_back(text);
    if (++minute < 60) continue;
    minute = 0;
    if (++hour < 24) continue;
    hour = 0;
    if (++day <= days_in_month[month - 1]) continue;
    day = 1;
    if (++month <= 12) continue;
    month = 1;
    ++year;
  }
  return out;
}

void BM_ParseDecimal(benchmark::State& state) {
  const auto texts = decimal_texts();
  int64_t values = 0;
  for (auto _ : state) {
    int64_t sum = 0;
    for (const auto& t : texts) sum += vigie::table::parse_decimal(t).value();
    benchmark::DoNotOptimize(sum);
    values += kValues;
  }
  state.counters["values/s"] = benchmark::Counter(static_cast<double>(values),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseDecimal)->Unit(benchmark::kMillisecond);

void BM_ParseTimestamp(benchmark::State& state) {
  const auto texts = timestamp_texts();
  vigie::table::TimestampParser parser(state.range(0) ? "Europe/Paris" : "UTC");
  int64_t values = 0;
  for (auto _ : state) {
    int64_t sum = 0;
    for (const auto& t : texts) sum += parser.parse(t).value();
    benchmark::DoNotOptimize(sum);
    values += kValues;
  }
  state.counters["values/s"] = benchmark::Counter(static_cast<double>(values),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseTimestamp)
    ->ArgName("paris")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
