#include "cdr_test_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "csv_reader.hpp"
#include "support/run_connector.hpp"

namespace vigie::testing {

std::string asterisk_file(const std::string& name) {
  return std::string(VIGIE_SHARED_DIR) + "/realdata/asterisk/" + name;
}

std::map<std::string, std::string> custom_19_columns() {
  const char* names[] = {"clid",     "src",         "dst",      "dcontext",
                         "channel",  "dstchannel",  "lastapp",  "lastdata",
                         "start",    "answer",      "end",      "duration",
                         "billsec",  "disposition", "amaflags", "accountcode",
                         "uniqueid", "userfield",   "sequence"};
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < std::size(names); ++i)
    out["columns." + std::to_string(i)] = names[i];
  return out;
}

std::filesystem::path cut_columns(const TempDir& dir, const std::string& source,
                                  size_t width, const std::string& name) {
  csv::CsvReader reader(source, {',', false});
  std::vector<std::string_view> fields;
  std::string text;
  while (reader.next(fields)) {
    if (fields.size() < width)
      throw std::runtime_error(source + " has a row of fewer fields");
    for (size_t i = 0; i < width; ++i) {
      text += i ? ",\"" : "\"";
      for (char c : fields[i])
        text += c == '"' ? std::string("\"\"") : std::string(1, c);
      text += '"';
    }
    text += '\n';
  }
  return dir.write(name, text);
}

std::filesystem::path gzip_copy(const TempDir& dir, const std::string& source,
                                const std::string& name) {
  std::ifstream in(source, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  auto path = dir.path() / name;
  gzFile gz = gzopen(path.c_str(), "wb");
  if (gz == nullptr) throw std::runtime_error("gzopen failed");
  if (gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) !=
      static_cast<int>(bytes.size()))
    throw std::runtime_error("gzwrite failed");
  if (gzclose(gz) != Z_OK) throw std::runtime_error("gzclose failed");
  return path;
}

std::optional<std::string> CdrOutputRow::operator[](
    const std::string& column) const {
  auto it = cells.find(column);
  if (it == cells.end()) {
    ADD_FAILURE() << "no column " << column;
    return std::nullopt;
  }
  return it->second;
}

std::vector<const CdrOutputRow*> CdrPluginRun::calls() const {
  std::vector<const CdrOutputRow*> out;
  for (const auto& r : rows)
    if (!r.reject) out.push_back(&r);
  return out;
}

std::vector<const CdrOutputRow*> CdrPluginRun::rejects() const {
  std::vector<const CdrOutputRow*> out;
  for (const auto& r : rows)
    if (r.reject) out.push_back(&r);
  return out;
}

const CdrOutputRow& CdrPluginRun::call(const std::string& call_id) const {
  const CdrOutputRow* found = nullptr;
  int n = 0;
  for (const auto& r : rows)
    if (!r.reject && r.cells.at("call_id") == call_id) {
      found = &r;
      ++n;
    }
  if (n != 1) throw std::runtime_error(std::to_string(n) + " calls " + call_id);
  return *found;
}

int64_t CdrPluginRun::count(const std::string& column,
                            const std::string& value) const {
  int64_t n = 0;
  for (const auto& r : rows)
    if (!r.reject && r.cells.at(column) == value) ++n;
  return n;
}

CdrPluginRun run_asterisk_cdr(
    const std::map<std::string, std::string>& options) {
  ConnectorRun run = run_connector("asterisk_cdr", options);
  CdrPluginRun out;
  out.error = run.reason;
  out.columns = run.columns;
  for (const Table& batch : run.batches) {
    const Column* line = batch.find("_line");
    const Column* reject = batch.find("_reject");
    const Column* repaired = batch.find("_repaired");
    if (line == nullptr || reject == nullptr || repaired == nullptr)
      throw std::runtime_error("no _line, _reject or _repaired column");
    for (int64_t value : repaired->ints) out.repaired += value;
    for (int64_t r = 0; r < batch.rows(); ++r) {
      CdrOutputRow row;
      row.line = line->ints[static_cast<size_t>(r)];
      if (reject->is_valid(r)) row.reject = std::string(reject->string_at(r));
      for (const Column& c : batch.columns) {
        if (c.name == "_line" || c.name == "_reject" || c.name == "_repaired")
          continue;
        row.cells[c.name] = c.is_valid(r)
                                ? std::optional<std::string>(c.string_at(r))
                                : std::nullopt;
      }
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace vigie::testing
