// The machine-readable outputs of a run: kpis.json (schema in
// docs/kpis-json.md) and one CSV a list.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/kpi_runner.hpp"
#include "ingest/rejects.hpp"

namespace vigie::output {

struct RunInfo {
  std::string report_id;
  std::string title;
  std::string time_zone;
  std::string generated_at;  // ISO 8601 with offset
  std::string comparison;    // "previous" or "year"
};

void write_kpis_json(const std::filesystem::path& path, const RunInfo& run,
                     const compute::PeriodPlan& plan,
                     const std::vector<compute::KpiResult>& kpis,
                     const ingest::RejectLog& rejects,
                     const std::vector<std::string>& notes);

// RFC 4180, a header line, UTF-8; values as in kpis.json.
void write_table_csv(const std::filesystem::path& path, const Table& table,
                     const std::string& time_zone);

}  // namespace vigie::output
