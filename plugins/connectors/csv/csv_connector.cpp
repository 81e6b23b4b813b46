// The `csv` connector: streams a delimited text file (gzip allowed) as
// batches of dictionary-encoded string columns named by its header line
// (vigie/sdk/dictionary_builder.hpp: a batch's distinct values once). Mapping
// the columns to a canonical dataset and typing their values is the engine's
// job; the connector only says where each record came from (`_line`) and why it
// could not be read (`_reject`, when its field count is not the header's).
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "vigie/sdk.hpp"
#include "vigie/sdk/dictionary_builder.hpp"

namespace {

// A batch stops early past this many bytes of input, so that the int32
// offsets of its string columns cannot overflow whatever the field sizes.
constexpr int64_t kMaxBatchBytes = int64_t{256} << 20;

char delimiter_option(const std::string& value) {
  if (value.empty()) return 0;  // detect from the header line
  if (value == "," || value == ";") return value[0];
  if (value == "tab" || value == "\t") return '\t';
  throw std::runtime_error(
      "option 'delimiter' must be \",\", \";\" or "
      "\"tab\", got '" +
      value + "'");
}

bool blank(const std::string& name) {
  return name.find_first_not_of(" \t") == std::string::npos;
}

class CsvBatchReader : public vigie::sdk::BatchReader {
 public:
  CsvBatchReader(const std::filesystem::path& path, char delimiter,
                 size_t batch_rows)
      : reader_(path, {delimiter, true}), batch_rows_(batch_rows) {
    const auto& names = reader_.header();
    columns_.resize(names.size());
    if (names.empty())
      throw std::runtime_error(path.string() + ": no header line");
    std::set<std::string> seen{"_line", "_reject"};
    for (size_t i = 0; i < names.size(); ++i) {
      if (blank(names[i]))
        throw std::runtime_error(path.string() + ": column " +
                                 std::to_string(i + 1) +
                                 " of the header has no name");
      // NULs in the header mean UTF-16 or binary data, not UTF-8 text: say
      // so rather than fail later on column names nobody can see.
      if (names[i].find('\0') != std::string::npos)
        throw std::runtime_error(path.string() + ": column " +
                                 std::to_string(i + 1) +
                                 " of the header holds a NUL byte: the file "
                                 "is not UTF-8 text (UTF-16?)");
      if (!seen.insert(names[i]).second)
        throw std::runtime_error(path.string() + ": the header names '" +
                                 names[i] + "' twice");
    }
  }

  std::vector<vigie::sdk::Field> schema() override {
    std::vector<vigie::sdk::Field> fields;
    for (const auto& name : reader_.header())
      fields.push_back({name, vigie::Type::Dictionary});
    fields.push_back({"_line", vigie::Type::Int64});
    fields.push_back({"_reject", vigie::Type::String});
    return fields;
  }

  std::optional<vigie::Table> next() override {
    if (done_) return std::nullopt;
    const size_t width = reader_.header().size();
    vigie::Table batch;
    for (size_t c = 0; c < width; ++c)
      columns_[c].begin(
          batch.add(reader_.header()[c], vigie::Type::Dictionary));
    auto& line = batch.add("_line", vigie::Type::Int64);
    auto& reject = batch.add("_reject", vigie::Type::String);
    const int64_t batch_start = reader_.bytes_read();
    size_t rows = 0;
    while (rows < batch_rows_ &&
           reader_.bytes_read() - batch_start < kMaxBatchBytes) {
      if (!reader_.next(fields_)) {
        done_ = true;
        break;
      }
      ++rows;
      line.push_int(reader_.line());
      if (fields_.size() == width) {
        for (size_t c = 0; c < width; ++c) {
          if (fields_[c].empty())
            columns_[c].push_null();
          else
            columns_[c].push(fields_[c]);
        }
        reject.push_null();
      } else {
        for (size_t c = 0; c < width; ++c) columns_[c].push_null();
        reject.push_string("expected " + std::to_string(width) +
                           " fields, found " + std::to_string(fields_.size()));
      }
    }
    for (auto& column : columns_) column.finish();
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  vigie::csv::CsvReader reader_;
  size_t batch_rows_;
  std::vector<std::string_view> fields_;
  std::vector<vigie::DictionaryBuilder> columns_;  // by header column
  bool done_ = false;
};

class CsvConnector : public vigie::sdk::Connector {
 public:
  explicit CsvConnector(const vigie::sdk::Config& config)
      : path_(config.required("path")),
        delimiter_(delimiter_option(config.string("delimiter"))),
        batch_rows_(config.integer("batch_rows", 65536)) {
    if (batch_rows_ <= 0)
      throw std::runtime_error("option 'batch_rows' must be positive, got " +
                               std::to_string(batch_rows_));
  }

  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    return std::make_unique<CsvBatchReader>(path_, delimiter_,
                                            static_cast<size_t>(batch_rows_));
  }

  std::string origin() const override { return path_; }

 private:
  std::string path_;
  char delimiter_;
  int64_t batch_rows_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "path", nullptr, true,
                       "the file to read; a .gz file is inflated"),
    vigie::sdk::option(VIGIE_OPTION_STRING, "delimiter", nullptr, false,
                       "\",\", \";\" or \"tab\"; detected from the header "
                       "line when absent"),
    vigie::sdk::option(VIGIE_OPTION_INT, "batch_rows", "65536", false,
                       "records a batch"),
};

}  // namespace

VIGIE_CONNECTOR_PLUGIN(CsvConnector, "csv", "1.0.0",
                       "Reads a delimited text file (CSV, gzip allowed) with "
                       "a header line",
                       kOptions)
