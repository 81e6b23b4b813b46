// What the asterisk_cdr tests share: the real files of shared/realdata,
// copies of them cut or compressed in a temporary folder, and a run of the
// built plugin through the engine's host with its rows as text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "unit/csv/temp_dir.hpp"

namespace vigie::testing {

// shared/realdata/asterisk/<name>.
std::string asterisk_file(const std::string& name);

// The sample column order of cdr_custom_19col_Master.csv, as the plugin's
// options ("columns.0", "columns.1", ...).
std::map<std::string, std::string> custom_19_columns();

// A copy of the cdr_csv file `source` keeping the first `width` fields of
// every row, every field quoted (as cdr_csv quotes its text fields).
std::filesystem::path cut_columns(const TempDir& dir, const std::string& source,
                                  size_t width, const std::string& name);

// A gzip copy of `source`, by zlib's own writer.
std::filesystem::path gzip_copy(const TempDir& dir, const std::string& source,
                                const std::string& name);

// One row the plugin gave: a call (its columns) or a reject.
struct CdrOutputRow {
  int64_t line = 0;
  std::optional<std::string> reject;
  std::map<std::string, std::optional<std::string>> cells;

  std::optional<std::string> operator[](const std::string& column) const;
};

struct CdrPluginRun {
  // The failure's text after the host's "plugin ... (source ..., path): ";
  // empty when the run went through.
  std::string error;
  std::vector<std::string> columns;
  std::vector<CdrOutputRow> rows;
  // The sum of the `_repaired` column: what the engine counts for the
  // source.
  int64_t repaired = 0;

  std::vector<const CdrOutputRow*> calls() const;
  std::vector<const CdrOutputRow*> rejects() const;
  // The call of that id; fails the test when there is none or several.
  const CdrOutputRow& call(const std::string& call_id) const;
  int64_t count(const std::string& column, const std::string& value) const;
};

CdrPluginRun run_asterisk_cdr(
    const std::map<std::string, std::string>& options);

}  // namespace vigie::testing
