#include "demo/demo_data.hpp"

#include <cmath>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "demo/generate.hpp"
#include "demo/writers.hpp"

namespace vigie::demo {
namespace {

constexpr int kMonths = 15;

constexpr const char* kReadme =
    "crm.sqlite: SQLite CRM with tables customers, orders (one row per order "
    "line), "
    "marketing_spend and surveys; times are local, amounts exact 2-decimal "
    "text.\n"
    "web_events.csv and calls.csv: web analytics hits and call-centre contacts "
    "with "
    "the canonical column names of the Vigie data model.\n";

void write_text(const std::filesystem::path& path, const char* text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

DemoSummary write_demo_data(const DemoOptions& options) {
  if (!(options.scale > 0) || !std::isfinite(options.scale))
    throw std::runtime_error("demo scale must be a positive number");
  const std::optional<Month> end_month = table::parse_month(options.end_month);
  if (!end_month || end_month->year < 1971)
    throw std::runtime_error("month must be written YYYY-MM, got '" +
                             options.end_month + "'");
  const Month last = *end_month;
  DemoWorld world;
  world.start = month_start(last.plus(1 - kMonths));
  world.end = month_start(last.plus(1));
  // Customers may have been created up to two years before the range.
  LocalClock clock(options.time_zone, world.start - 800 * kDay, world.end);

  Rng rng(options.seed);
  make_population(world, rng, options.scale);
  make_journeys(world, rng, options.scale);
  make_surveys(world, rng);

  std::filesystem::create_directories(options.out);
  struct Output {
    const char* name;
    void (*write)(const DemoWorld&, const LocalClock&,
                  const std::filesystem::path&);
  };
  const Output outputs[] = {{"crm.sqlite", &write_crm_database},
                            {"web_events.csv", &write_web_events_csv},
                            {"calls.csv", &write_calls_csv}};
  for (const auto& o : outputs) {
    auto temporary = options.out / (std::string(o.name) + ".tmp");
    std::filesystem::remove(temporary);  // a leftover of an interrupted run
    o.write(world, clock, temporary);
  }
  write_text(options.out / "README.txt.tmp", kReadme);
  for (const auto& o : outputs)
    std::filesystem::rename(options.out / (std::string(o.name) + ".tmp"),
                            options.out / o.name);
  std::filesystem::rename(options.out / "README.txt.tmp",
                          options.out / "README.txt");

  return {static_cast<int64_t>(world.customers.size()),
          static_cast<int64_t>(world.orders.size()),
          static_cast<int64_t>(world.web_events.size()),
          static_cast<int64_t>(world.calls.size()),
          static_cast<int64_t>(world.surveys.size())};
}

}  // namespace vigie::demo
