// Throughput of the ga4_export connector's reading, without the engine:
// the real GA4 export (460 events, 1.3 MB: about 2.9 KB a line) read
// through the line reader alone, then each line decoded into the
// web_events columns (simdjson DOM, validation of the whole line). The
// counters give events per second and the bytes of NDJSON per second.
// `vigie run` on a million events measures the whole path (docs of the
// connector).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ga4_event.hpp"
#include "line_reader.hpp"

namespace {

const std::string kRealFile =
    std::string(VIGIE_SHARED_DIR) + "/realdata/ga4/ga4_sample_460rows.ndjson";

void report(benchmark::State& state, int64_t rows, int64_t bytes) {
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows),
                                                benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}

void BM_LineReaderRealFile(benchmark::State& state) {
  int64_t rows = 0, bytes = 0;
  std::string_view line;
  for (auto _ : state) {
    vigie::text::LineReader reader(
        kRealFile, {.padding = vigie::ga4::EventDecoder::padding()});
    while (reader.next(line)) {
      benchmark::DoNotOptimize(line.data());
      ++rows;
    }
    bytes += reader.bytes_read();
  }
  report(state, rows, bytes);
}
BENCHMARK(BM_LineReaderRealFile)->Unit(benchmark::kMillisecond);

void BM_DecodeRealFile(benchmark::State& state) {
  int64_t rows = 0, bytes = 0;
  std::string_view line;
  vigie::ga4::EventDecoder decoder({});
  vigie::ga4::Event event;
  for (auto _ : state) {
    vigie::text::LineReader reader(
        kRealFile, {.padding = vigie::ga4::EventDecoder::padding()});
    while (reader.next(line)) {
      if (decoder.decode(line, event)) state.SkipWithError("a reject");
      benchmark::DoNotOptimize(event.ts.data());
      ++rows;
    }
    bytes += reader.bytes_read();
  }
  report(state, rows, bytes);
}
BENCHMARK(BM_DecodeRealFile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
