// The `ndjson` connector: one JSON object a line (NDJSON, JSON Lines), plain
// or gzip, its columns found by JSON pointers (`columns: {ts: /time,
// customer_id: /user/id}`), or, without the option, the first object's
// top-level fields. Every value leaves as text (json_columns.hpp) and the
// engine maps and types it, as for a CSV file; a line that is not a JSON
// object is a row with `_reject` saying why, at its `_line`. Blank lines
// are skipped.
//
// simdjson's DOM parser checks each whole line, so that a line broken
// anywhere is a reject rather than a row read in part; the line reader
// keeps SIMDJSON_PADDING readable bytes after each line, so it is parsed
// where it lies.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <simdjson.h>

#include "json_columns.hpp"
#include "line_reader.hpp"
#include "vigie/sdk.hpp"

namespace vigie::ndjson {
namespace {

// A batch stops early past this many bytes of input, so that the int32
// offsets of its string columns cannot overflow whatever the field sizes.
constexpr int64_t kMaxBatchBytes = int64_t{256} << 20;

text::LineReader::Options reader_options() {
  text::LineReader::Options options;
  options.padding = simdjson::SIMDJSON_PADDING;
  return options;
}

class NdjsonReader : public sdk::BatchReader {
 public:
  NdjsonReader(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, std::string>>& option,
               size_t batch_rows)
      : reader_(path, reader_options()), batch_rows_(batch_rows) {
    // Without `columns`, the first object names them: read up to it, and
    // keep it to hand over as the first row.
    std::optional<simdjson::dom::object> first;
    if (option.empty()) {
      std::string_view line;
      while (reader_.next(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        pending_ = std::string(line);
        pending_line_ = reader_.line();
        simdjson::dom::object object;
        if (first_parser_.parse(*pending_).get_object().get(object) !=
            simdjson::SUCCESS)
          throw std::runtime_error(path.string() + ":" +
                                   std::to_string(pending_line_) +
                                   ": expected a JSON object a line (NDJSON) "
                                   "to name the columns, or the option "
                                   "'columns'");
        first = object;
        break;
      }
    }
    columns_ = json_columns(option, first);
  }

  std::vector<sdk::Field> schema() override {
    std::vector<sdk::Field> fields;
    for (const auto& c : columns_) fields.push_back({c.name, Type::String});
    fields.push_back({"_line", Type::Int64});
    fields.push_back({"_reject", Type::String});
    return fields;
  }

  std::optional<Table> next() override {
    if (done_) return std::nullopt;
    Table batch;
    for (const auto& c : columns_) batch.add(c.name, Type::String);
    auto& line_column = batch.add("_line", Type::Int64);
    auto& reject = batch.add("_reject", Type::String);
    const int64_t batch_start = reader_.bytes_read();
    size_t rows = 0;
    if (pending_) {
      // The first object, read to name the columns: parsed again from its
      // copy (a padded string of its own).
      add_row(simdjson::padded_string(*pending_), pending_line_, batch,
              line_column, reject);
      pending_.reset();
      ++rows;
    }
    std::string_view line;
    while (rows < batch_rows_ &&
           reader_.bytes_read() - batch_start < kMaxBatchBytes) {
      if (!reader_.next(line)) {
        done_ = true;
        break;
      }
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      add_row(simdjson::padded_string_view(
                  line.data(), line.size(),
                  line.size() + simdjson::SIMDJSON_PADDING),
              reader_.line(), batch, line_column, reject);
      ++rows;
    }
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  template <class Text>
  void add_row(const Text& text, int64_t line, Table& batch,
               Column& line_column, Column& reject) {
    line_column.push_int(line);
    simdjson::dom::element root;
    simdjson::error_code error = parser_.parse(text).get(root);
    std::string why;
    if (error != simdjson::SUCCESS)
      why = std::string("line is not JSON: ") + simdjson::error_message(error);
    else if (!root.is_object())
      why = "expected a JSON object, got another JSON value";
    if (!why.empty()) {
      for (size_t c = 0; c < columns_.size(); ++c) batch.columns[c].push_null();
      reject.push_string(why);
      return;
    }
    for (size_t c = 0; c < columns_.size(); ++c) {
      simdjson::dom::element value;
      std::optional<std::string> cell;
      // A pointer that finds nothing (a field this line lacks) is null.
      if (root.at_pointer(columns_[c].pointer).get(value) == simdjson::SUCCESS)
        cell = value_text(value);
      if (cell && !cell->empty())
        batch.columns[c].push_string(*cell);
      else
        batch.columns[c].push_null();
    }
    reject.push_null();
  }

  text::LineReader reader_;
  size_t batch_rows_;
  simdjson::dom::parser parser_;
  simdjson::dom::parser first_parser_;  // keeps the first object alive
  std::vector<JsonColumn> columns_;
  std::optional<std::string> pending_;
  int64_t pending_line_ = 0;
  bool done_ = false;
};

class NdjsonConnector : public sdk::Connector {
 public:
  explicit NdjsonConnector(const sdk::Config& config)
      : path_(config.required("path")),
        columns_(config.map("columns")),
        batch_rows_(config.integer("batch_rows", 65536)) {
    if (batch_rows_ <= 0)
      throw std::runtime_error("option 'batch_rows' must be positive, got " +
                               std::to_string(batch_rows_));
    json_columns(columns_, std::nullopt);  // checks the pointers now
  }

  std::unique_ptr<sdk::BatchReader> open() override {
    return std::make_unique<NdjsonReader>(path_, columns_,
                                          static_cast<size_t>(batch_rows_));
  }

  std::string origin() const override { return path_; }

 private:
  std::string path_;
  std::vector<std::pair<std::string, std::string>> columns_;
  int64_t batch_rows_;
};

constexpr vigie_option kOptions[] = {
    sdk::option(VIGIE_OPTION_STRING, "path", nullptr, true,
                "the NDJSON file (one JSON object a line); a .gz file is "
                "inflated"),
    sdk::option(VIGIE_OPTION_MAP, "columns", nullptr, false,
                "column name: JSON pointer into each object (\"/user/id\"); "
                "without it, the first object's top-level fields"),
    sdk::option(VIGIE_OPTION_INT, "batch_rows", "65536", false,
                "records a batch"),
};

}  // namespace
}  // namespace vigie::ndjson

VIGIE_CONNECTOR_PLUGIN(vigie::ndjson::NdjsonConnector, "ndjson", "1.0.0",
                       "Reads NDJSON (one JSON object a line, gzip allowed), "
                       "columns found by JSON pointers",
                       vigie::ndjson::kOptions)
