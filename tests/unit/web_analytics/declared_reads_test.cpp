// Each web KPI declares the columns it reads, exactly: run on its declared
// columns only (every other column nulls), it gives what it gives on the
// whole tables; and each declared column is one it needs (nulling it too
// changes the KPI's results on data where every column matters).
#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "declared_reads.hpp"
#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kOct = 1;  // P; September is P'

// Visits in both months touching every column a web KPI can read: page
// groups and life moments, load times, devices, customers on two devices,
// a bounce, a lone action, journeys ending in an action and a conversion.
WebLog every_column_matters() {
  WebLog d;
  d.view(utc(2026, 9, 10, 9), "v4", "/espace-client/resiliation", "c2",
         "desktop", 250);
  d.view(utc(2026, 9, 10, 9, 5), "v4", "/offres", "c2", "desktop", 350);
  d.view(utc(2026, 9, 12, 14), "v5", "/", "", "tablet", 120);
  d.view(utc(2026, 10, 20, 10), "v1", "/", "c1", "desktop", 100);
  d.view(utc(2026, 10, 20, 10, 5), "v1", "/offres", "c1", "desktop", 300);
  d.view(utc(2026, 10, 20, 10, 9), "v1", "/espace-client/demenagement", "c1",
         "desktop", 200);
  d.act(utc(2026, 10, 20, 10, 12), "v1", "action", "c1", "desktop");
  d.view(utc(2026, 10, 21, 8), "v2", "/aide", "", "mobile", 500);
  d.view(utc(2026, 10, 22, 19), "v3", "/panier", "c1", "mobile", 700);
  d.act(utc(2026, 10, 22, 19, 3), "v3", "conversion", "c1", "mobile");
  d.act(utc(2026, 10, 23, 12), "v6", "action", "", "");
  d.view(utc(2026, 10, 25, 9), "v4", "/", "c2", "desktop", 150);
  return d;
}

IndicatorRun run_kpi(const std::string& kpi, NamedTables datasets) {
  return run_indicator("web_analytics", demo_parameters(), std::move(datasets),
                       months(9, 10), kOct, {kpi});
}

// The KPI's results on `datasets`, or the error it fails with.
std::string outcome(const std::string& kpi, NamedTables datasets) {
  try {
    return results_text(run_kpi(kpi, std::move(datasets)));
  } catch (const std::exception& e) {
    return std::string("error: ") + e.what();
  }
}

// Whether a run says something a missing column could change: a value
// other than zero or none, or a table with a row.
bool informative(const IndicatorRun& run) {
  for (const auto& [kpi, values] : run.values)
    for (const auto& v : values)
      if (v && *v != 0) return true;
  for (const auto& [kpi, table] : run.tables)
    if (table.view().rows() > 0) return true;
  return false;
}

TEST(WebDeclaredReads, EveryKpiDeclaresWhatItReads) {
  const std::vector<std::string> kpis = declared_kpis("web_analytics");
  ASSERT_EQ(kpis.size(), 15u);
  for (const std::string& kpi : kpis)
    EXPECT_FALSE(declared_reads("web_analytics", kpi).empty()) << kpi;
}

TEST(WebDeclaredReads, EachKpiGivesTheSameResultsFromItsDeclaredColumnsOnly) {
  const WebLog data = every_column_matters();
  for (const std::string& kpi : declared_kpis("web_analytics")) {
    SCOPED_TRACE(kpi);
    const IndicatorRun whole = run_kpi(kpi, data.datasets());
    ASSERT_TRUE(informative(whole)) << results_text(whole);
    const std::vector<std::string> reads = declared_reads("web_analytics", kpi);
    EXPECT_EQ(outcome(kpi, only_declared_columns(data.datasets(), reads)),
              results_text(whole));
  }
}

TEST(WebDeclaredReads, EachDeclaredColumnIsNeeded) {
  const WebLog data = every_column_matters();
  for (const std::string& kpi : declared_kpis("web_analytics")) {
    const std::string whole = results_text(run_kpi(kpi, data.datasets()));
    const std::vector<std::string> reads = declared_reads("web_analytics", kpi);
    for (const std::string& column : reads) {
      std::vector<std::string> fewer = reads;
      fewer.erase(std::find(fewer.begin(), fewer.end(), column));
      EXPECT_NE(outcome(kpi, only_declared_columns(data.datasets(), fewer)),
                whole)
          << kpi << " does not need " << column;
    }
  }
}

}  // namespace
}  // namespace vigie::testing
