// Wrapping a note: ordinary words, and one word without a break (the
// worst case for Pango, whose search for a break in a word too long for
// a line costs what is left of the word), at 10 KB and 100 KB.
// docs/security.md quotes the figures.
#include <benchmark/benchmark.h>

#include <string>

#include "render/text_measure.hpp"

namespace {

const vigie::render::Font kNoteFont{8.5, false};
constexpr double kWidth = 480;

void wrap(benchmark::State& state, const std::string& text) {
  const vigie::render::TextMeasurer measurer;
  std::size_t lines = 0;
  for (auto _ : state) lines = measurer.wrap(text, kNoteFont, kWidth).size();
  state.counters["lines"] = static_cast<double>(lines);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_WrapOneLongWord(benchmark::State& state) {
  wrap(state, std::string(static_cast<std::size_t>(state.range(0)), 'a'));
}
BENCHMARK(BM_WrapOneLongWord)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

void BM_WrapWords(benchmark::State& state) {
  std::string text;
  while (text.size() < static_cast<std::size_t>(state.range(0)))
    text += "Les clients occasionnels pèsent davantage. ";
  wrap(state, text);
}
BENCHMARK(BM_WrapWords)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
