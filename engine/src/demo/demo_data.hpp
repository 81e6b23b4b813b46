// Demo data: a fictional company's CRM (SQLite), web analytics and
// call-centre logs (CSV) over 15 months, realistic enough that every KPI of
// the customer-base and self-care sections has something to show.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace vigie::demo {

struct DemoOptions {
  std::filesystem::path out;
  double scale = 1.0;  // 1: about 20k customers, 150k order lines, 1M web
                       // events, 100k calls; counts grow linearly with it
  uint64_t seed = 42;
  std::string end_month = "2026-10";  // last full month of data, YYYY-MM
  std::string time_zone = "Europe/Paris";
};

struct DemoSummary {
  int64_t customers, order_lines, web_events, calls, surveys;
};

// Writes crm.sqlite, web_events.csv, calls.csv and README.txt into
// options.out (created if needed). The same options give byte-identical
// files. Each file appears complete or not at all (written under a
// temporary name, then renamed).
DemoSummary write_demo_data(const DemoOptions& options);

}  // namespace vigie::demo
