// The machine-readable outputs of a run: kpis.json (schema in
// docs/kpis-json.md), one CSV a list and rejects.csv. Each is written
// with io::FileWriter: a failure names the file and the system's reason.
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
  std::string run_id;        // output/run_id.hpp
};

void write_kpis_json(const std::filesystem::path& path, const RunInfo& run,
                     const compute::PeriodPlan& plan,
                     const std::vector<compute::KpiResult>& kpis,
                     const ingest::RejectLog& rejects,
                     const std::vector<std::string>& notes);

// RFC 4180 (table/csv_field.hpp), a header line, UTF-8; values as in
// kpis.json.
void write_table_csv(const std::filesystem::path& path, const Table& table,
                     const std::string& time_zone);

// rejects.csv: source,origin,line,reason (docs/data-model.md), RFC 4180
// like the list CSVs.
void write_rejects_csv(const std::filesystem::path& path,
                       const ingest::RejectLog& rejects);

}  // namespace vigie::output
