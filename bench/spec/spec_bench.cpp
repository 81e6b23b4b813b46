// Reading a spec is linear in its size: specs of many keys at two sizes
// (100 KB and 1 MB, just under the 1 MiB bound), so that the ratio of
// their times shows the growth. One has a duplicate for every key (a
// diagnostic each: the duplicate-key check and the de-duplication of
// diagnostics), one has only distinct keys, one expands aliases up to
// their bound. docs/security.md quotes the figures.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "fake_catalog.hpp"
#include "spec/reader.hpp"

namespace {

const std::string kHead =
    "report: {id: r, title: T}\n"
    "sources: []\n"
    "kpis:\n"
    "  - {id: revenue, indicator: customer_base, parameters: {currency: "
    "EUR}}\n"
    "sections: []\n"
    "parameters:\n"
    "  action_costs:\n";

// A map parameter of keys "k0", "k1", ... up to `bytes` of text; with
// `twice`, each block of 1,000 keys is written twice.
std::string spec_of_keys(std::size_t bytes, bool twice) {
  std::string text = kHead;
  std::size_t next = 0;
  while (text.size() < bytes) {
    std::string block;
    for (int i = 0; i < 1000; ++i)
      block += "    k" + std::to_string(next++) + ": v\n";
    text += twice ? block + block : block;
  }
  return text;
}

void read_text(benchmark::State& state, const std::string& text) {
  static const vigie::spec::testing::FakeCatalog catalog;
  const auto env = [](const std::string&) -> std::optional<std::string> {
    return std::nullopt;
  };
  std::size_t errors = 0;
  for (auto _ : state) {
    auto result = vigie::spec::read_spec_text(text, "bench.yaml", catalog, env);
    errors = result.errors.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
  state.counters["errors"] = static_cast<double>(errors);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_ReadSpecDuplicateKeys(benchmark::State& state) {
  read_text(state,
            spec_of_keys(static_cast<std::size_t>(state.range(0)), true));
}
BENCHMARK(BM_ReadSpecDuplicateKeys)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

void BM_ReadSpecDistinctKeys(benchmark::State& state) {
  read_text(state,
            spec_of_keys(static_cast<std::size_t>(state.range(0)), false));
}
BENCHMARK(BM_ReadSpecDistinctKeys)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

// yaml-cpp's own YAML::Load of the same text, for comparison: the part of
// the reading the spec module does not control.
void BM_YamlCppLoadOnly(benchmark::State& state) {
  const std::string text =
      spec_of_keys(static_cast<std::size_t>(state.range(0)), false);
  for (auto _ : state) {
    YAML::Node root = YAML::Load(text);
    benchmark::DoNotOptimize(root);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_YamlCppLoadOnly)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

// Nine levels of ten aliases (10^9 values): stopped at the bound.
void BM_ReadSpecAliasBomb(benchmark::State& state) {
  std::string text = kHead + "    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 9; ++level) {
    text +=
        "    l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i)
      text += (i == 0 ? "*l" : ", *l") + std::to_string(level - 1);
    text += "]\n";
  }
  read_text(state, text);
}
BENCHMARK(BM_ReadSpecAliasBomb)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
