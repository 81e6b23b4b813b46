// The SDK's compute kernels on 10 M web events (about a scale-10 demo):
// a one-pass group-by feeding five aggregates by (period, device), and a
// per-visitor timeline built then asked a question a row. The "ns/row"
// counter is the wall time of one iteration divided by the rows.
// docs/architecture.md ("Kernels") quotes the figures.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "vigie/sdk.hpp"

namespace {

namespace k = vigie::sdk::kernels;

constexpr int64_t kRows = 10'000'000;
constexpr int32_t kVisitors = 1'000'000;
constexpr int32_t kDevices = 4;
constexpr int64_t kMonth = 30 * vigie::kMicrosPerDay;
constexpr int64_t kMonths = 15;
constexpr int64_t kHour = 3600 * vigie::kMicrosPerSecond;

// A deterministic generator (64-bit LCG, Knuth's constants).
struct Random {
  uint64_t state = 42;
  uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 17;
  }
  int64_t below(int64_t n) {
    return static_cast<int64_t>(next() % static_cast<uint64_t>(n));
  }
};

std::shared_ptr<vigie::StringPool> pool(int32_t size, const char* prefix) {
  auto p = std::make_shared<vigie::StringPool>();
  for (int32_t i = 0; i < size; ++i)
    p->append(std::string(prefix) + std::to_string(i));
  return p;
}

// web_events as the engine lends them: rows roughly in time order (sources
// are exported by day), a load time on page views only.
class WebEvents {
 public:
  WebEvents() {
    vigie::Table t;
    auto& visitor = t.add("visitor_id", vigie::Type::Dictionary);
    auto& device = t.add("device", vigie::Type::Dictionary);
    auto& ts = t.add("ts", vigie::Type::Timestamp);
    auto& load = t.add("load_time_ms", vigie::Type::Int64);
    visitor.dictionary = pool(kVisitors, "v");
    device.dictionary = pool(kDevices, "d");
    Random random;
    const int64_t step = kMonths * kMonth / kRows;
    for (int64_t row = 0; row < kRows; ++row) {
      visitor.push_code(static_cast<int32_t>(random.below(kVisitors)));
      if (random.below(50) == 0)
        device.push_null();
      else
        device.push_code(static_cast<int32_t>(random.below(kDevices)));
      ts.push_int(row * step + random.below(kHour));
      if (random.below(3) == 0)
        load.push_null();
      else
        load.push_int(100 + random.below(5000));
    }
    vigie::export_table(std::move(t), &array_, &schema_);
    view_ = vigie::TableView(&schema_, &array_);
    for (int64_t m = 2; m < kMonths; ++m)
      periods_.push_back({m * kMonth, (m + 1) * kMonth});
  }
  ~WebEvents() {
    array_.release(&array_);
    schema_.release(&schema_);
  }
  WebEvents(const WebEvents&) = delete;
  WebEvents& operator=(const WebEvents&) = delete;

  const vigie::TableView& view() const { return view_; }
  const std::vector<vigie_period>& periods() const { return periods_; }

 private:
  ArrowArray array_{};
  ArrowSchema schema_{};
  vigie::TableView view_;
  std::vector<vigie_period> periods_;
};

const WebEvents& events() {
  static const WebEvents data;
  return data;
}

void per_row(benchmark::State& state) {
  state.counters["ns/row"] =
      benchmark::Counter(static_cast<double>(kRows) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate |
                             benchmark::Counter::kInvert);
}

// The keys: each row's period (13 months), then (period, device).
void BM_GroupKeysPeriodDevice(benchmark::State& state) {
  const auto& web = events().view();
  k::PeriodIndex periods(events().periods());
  for (auto _ : state) {
    auto keys = k::GroupKeys::by_period_and_code(
        periods.assign(web.column("ts")), periods.size(), web.column("device"));
    benchmark::DoNotOptimize(keys.groups().data());
  }
  per_row(state);
}
BENCHMARK(BM_GroupKeysPeriodDevice)->Unit(benchmark::kMillisecond);

// One pass, five aggregates: events, distinct visitors, load time sum,
// mean and min/max, by (period, device).
void BM_AggregatePeriodDevice(benchmark::State& state) {
  const auto& web = events().view();
  k::PeriodIndex periods(events().periods());
  auto keys = k::GroupKeys::by_period_and_code(
      periods.assign(web.column("ts")), periods.size(), web.column("device"));
  for (auto _ : state) {
    k::Count rows(keys.group_count());
    k::DistinctCount visitors(keys.group_count(), web.column("visitor_id"));
    k::Sum load(keys.group_count(), web.column("load_time_ms"));
    k::Mean mean_load(keys.group_count(), web.column("load_time_ms"));
    k::MinMax load_range(keys.group_count(), web.column("load_time_ms"));
    k::aggregate(keys, rows, visitors, load, mean_load, load_range);
    benchmark::DoNotOptimize(visitors[0]);
  }
  per_row(state);
}
BENCHMARK(BM_AggregatePeriodDevice)->Unit(benchmark::kMillisecond);

// The per-visitor timeline of every event.
void BM_TimelineBuild(benchmark::State& state) {
  const auto& web = events().view();
  for (auto _ : state) {
    k::Timeline timeline(web.column("visitor_id"), web.column("ts"));
    benchmark::DoNotOptimize(timeline.size());
  }
  per_row(state);
}
BENCHMARK(BM_TimelineBuild)->Unit(benchmark::kMillisecond);

// A question a row: is there another event of the visitor within 30
// minutes after this one (the session rule), and the last event before it.
void BM_TimelineQueries(benchmark::State& state) {
  const auto& web = events().view();
  k::Timeline timeline(web.column("visitor_id"), web.column("ts"));
  const int32_t* visitor = web.column("visitor_id").codes();
  const int64_t* ts = web.column("ts").ints();
  for (auto _ : state) {
    int64_t followed = 0;
    int64_t preceded = 0;
    for (int64_t row = 0; row < kRows; ++row) {
      followed +=
          timeline.next_within(visitor[row], ts[row], kHour / 2) ? 1 : 0;
      preceded += timeline.last_before(visitor[row], ts[row]) ? 1 : 0;
    }
    benchmark::DoNotOptimize(followed + preceded);
  }
  per_row(state);
}
BENCHMARK(BM_TimelineQueries)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
