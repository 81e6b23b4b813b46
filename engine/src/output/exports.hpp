// The machine-readable outputs of a run: kpis.json (schema in
// docs/kpis-json.md), one CSV and one XLSX a list, and rejects.csv. Each
// is written with io::FileWriter: a failure names the file and the
// system's reason.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/kpi_runner.hpp"
#include "ingest/rejects.hpp"
#include "spec/spec.hpp"
#include "table/csv_field.hpp"

namespace vigie::output {

struct RunInfo {
  std::string report_id;
  std::string title;
  std::string time_zone;
  std::string generated_at;      // ISO 8601 with offset
  std::string comparison;        // "previous" or "year"
  std::string run_id;            // output/run_id.hpp
  std::string locale = "fr_FR";  // report.locale
};

void write_kpis_json(const std::filesystem::path& path, const RunInfo& run,
                     const compute::PeriodPlan& plan,
                     const std::vector<compute::KpiResult>& kpis,
                     const ingest::RejectLog& rejects,
                     const std::vector<std::string>& notes);

// RFC 4180 (table/csv_field.hpp), a header line, UTF-8; values as in
// kpis.json, with the dialect's separator, decimal mark and byte order
// mark.
void write_table_csv(const std::filesystem::path& path, const Table& table,
                     const std::string& time_zone,
                     const table::CsvDialect& dialect = {});

// The dialect of the list CSVs: what the spec's outputs.lists_csv gives,
// the rest from the report's locale (French: ';', ',' and a byte order
// mark; English: ',', '.', none). A separator never equals the decimal
// mark: given alone, separator ',' makes the decimal mark '.', decimal ','
// makes the separator ';'.
table::CsvDialect list_csv_dialect(const spec::CsvFormat& format,
                                   const std::string& locale);

// One worksheet named `sheet`: a bold header row, frozen, under an
// autofilter; typed cells (numbers with number formats, timestamps as
// dates in `time_zone`, text as text, nulls empty); each column as wide
// as its longest text, up to a cap. `created`: the workbook's creation
// time (the run's generation time, so that a run's file is the same
// bytes every time it is written); 0 for now.
void write_table_xlsx(const std::filesystem::path& path, const Table& table,
                      const std::string& time_zone, const std::string& sheet,
                      std::time_t created);

// rejects.csv: source,origin,line,reason (docs/data-model.md), RFC 4180
// like the list CSVs.
void write_rejects_csv(const std::filesystem::path& path,
                       const ingest::RejectLog& rejects);

}  // namespace vigie::output
