// The derived datasets of one run (derive/derive.hpp) over a synthetic
// month of web events shaped like the demo data's: about 12 events a
// visitor in bursts of a few minutes (sessions), a quarter of the visitors
// logged in on a third of their events, rows in time order as an export
// writes them.
// Two sizes, 1 and 10 million events, so that the ratio shows the growth
// (at 10 million, most of the time is the first touch of the new arrays'
// pages, which is slow on a virtual machine). Counters: events a second, and
// the bytes the derived tables keep and the sort holds while it runs, per
// event.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "derive/derive.hpp"
#include "table/interner.hpp"

namespace {

using vigie::Column;
using vigie::Table;
using vigie::Type;

constexpr int64_t kMonthStart = 1790812800LL * 1000000;  // 2026-10-01 UTC
constexpr int64_t kMonth = 31LL * 86400 * 1000000;

struct Generated {
  vigie::table::Interner visitors, customers, types, devices, sources;
  Table table;
};

// `events` web events; deterministic (a fixed seed).
const Generated& web_events(int64_t events) {
  static std::map<int64_t, std::unique_ptr<Generated>> cache;
  auto& slot = cache[events];
  if (slot) return *slot;
  slot = std::make_unique<Generated>();
  Generated& g = *slot;
  std::mt19937_64 rng(20261001);
  const int64_t visitor_count = std::max<int64_t>(1, events / 12);
  const int64_t customer_count = std::max<int64_t>(1, visitor_count / 4);
  for (int64_t v = 0; v < visitor_count; ++v)
    g.visitors.intern("v" + std::to_string(v));
  for (const char* t : {"page_view", "action", "conversion"}) g.types.intern(t);
  for (const char* d : {"desktop", "mobile", "tablet", "app"})
    g.devices.intern(d);
  for (const char* s : {"google/organic", "direct", "newsletter/email"})
    g.sources.intern(s);

  // Bursts of 1 to 8 events a few seconds to minutes apart, at random
  // times of the month, by random visitors; then sorted by time.
  struct Row {
    int64_t ts;
    int32_t visitor, customer, type, device, source;
  };
  std::vector<Row> rows;
  rows.reserve(static_cast<size_t>(events));
  std::uniform_int_distribution<int64_t> when(0, kMonth - 1),
      visitor(0, visitor_count - 1), customer(0, customer_count - 1);
  std::uniform_int_distribution<int> burst(1, 8), step(5, 600), pick(0, 99);
  while (static_cast<int64_t>(rows.size()) < events) {
    const auto v = static_cast<int32_t>(visitor(rng));
    // A quarter of the visitors belong to a customer, who logs in on a
    // third of their events.
    const int32_t owner =
        v % 4 == 0 ? static_cast<int32_t>(v / 4 % customer_count) : -1;
    int64_t t = kMonthStart + when(rng);
    for (int n = burst(rng);
         n > 0 && static_cast<int64_t>(rows.size()) < events; --n) {
      const int p = pick(rng);
      rows.push_back({t, v, owner >= 0 && p < 33 ? owner : -1,
                      p < 85 ? 0 : (p < 97 ? 1 : 2), v % 4, v % 3});
      t += int64_t{step(rng)} * 1000000;
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.ts < b.ts; });

  Column& ts = g.table.add("ts", Type::Timestamp);
  Column& visitor_id = g.table.add("visitor_id", Type::Dictionary);
  Column& customer_id = g.table.add("customer_id", Type::Dictionary);
  Column& type = g.table.add("event_type", Type::Dictionary);
  Column& device = g.table.add("device", Type::Dictionary);
  Column& source = g.table.add("source", Type::Dictionary);
  for (int64_t c = 0; c < customer_count; ++c)
    g.customers.intern("K" + std::to_string(c));
  for (const Row& r : rows) {
    ts.push_int(r.ts);
    visitor_id.push_code(r.visitor);
    if (r.customer < 0)
      customer_id.push_null();
    else
      customer_id.push_code(r.customer);
    type.push_code(r.type);
    device.push_code(r.device);
    source.push_code(r.source);
  }
  visitor_id.dictionary = g.visitors.pool();
  customer_id.dictionary = g.customers.pool();
  type.dictionary = g.types.pool();
  device.dictionary = g.devices.pool();
  source.dictionary = g.sources.pool();
  return g;
}

int64_t bytes_of(const Table& table) {
  int64_t bytes = 0;
  for (const Column& c : table.columns)
    bytes += static_cast<int64_t>(c.ints.size() * 8 + c.codes.size() * 4 +
                                  c.valid.size());
  return bytes;
}

void derive(benchmark::State& state, std::vector<std::string> wanted) {
  const int64_t events = state.range(0);
  const Table& web = web_events(events).table;
  int64_t kept = 0, sessions = 0, links = 0;
  for (auto _ : state) {
    auto tables = vigie::derive::derive_datasets(wanted, web,
                                                 {.session_gap_minutes = 30});
    kept = 0;
    for (const auto& [name, table] : tables) kept += bytes_of(*table);
    if (auto s = tables.find("sessions"); s != tables.end())
      sessions = s->second->rows();
    if (auto l = tables.find("visitor_links"); l != tables.end())
      links = l->second->rows();
    benchmark::DoNotOptimize(tables);
  }
  state.SetItemsProcessed(state.iterations() * events);
  const auto n = static_cast<double>(events);
  state.counters["kept_B/event"] = static_cast<double>(kept) / n;
  // The visitor order: offsets (8 B a visitor), packed entries and ts (16 B
  // an event), next (8 B a visitor) while the counting sort places rows.
  const auto visitors =
      static_cast<double>(web.find("visitor_id")->dictionary->size());
  state.counters["sort_B/event"] = (16 * n + 16 * visitors) / n;
  state.counters["sessions"] = static_cast<double>(sessions);
  state.counters["links"] = static_cast<double>(links);
}

void all_three(benchmark::State& state) {
  derive(state, {"visitor_links", "sessions", "session_events"});
}
void sessions_only(benchmark::State& state) {
  derive(state, {"sessions", "session_events"});
}
void links_only(benchmark::State& state) { derive(state, {"visitor_links"}); }

}  // namespace

BENCHMARK(all_three)->Arg(1000000)->Arg(10000000)->Unit(
    benchmark::kMillisecond);
BENCHMARK(sessions_only)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(links_only)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
