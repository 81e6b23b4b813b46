// A connector that serves rows written in its configuration, for tests:
// `columns` lists the column names, `rows.N` holds row N as `|`-separated
// values; every column is a string. `batch_rows` splits the rows into
// several batches, `fail_at_batch` makes next() throw at that batch.
#include <string>
#include <vector>

#include "vigie/sdk.hpp"

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

class MemoryReader : public vigie::sdk::BatchReader {
 public:
  MemoryReader(std::vector<std::string> columns,
               std::vector<std::vector<std::string>> rows, size_t batch_rows,
               int64_t fail_at_batch)
      : columns_(std::move(columns)),
        rows_(std::move(rows)),
        batch_rows_(batch_rows),
        fail_at_batch_(fail_at_batch) {}

  std::vector<vigie::sdk::Field> schema() override {
    std::vector<vigie::sdk::Field> fields;
    for (const auto& c : columns_) fields.push_back({c, vigie::Type::String});
    fields.push_back({"_line", vigie::Type::Int64});
    return fields;
  }

  std::optional<vigie::Table> next() override {
    if (batch_ == fail_at_batch_)
      throw std::runtime_error("memory connector failed on purpose");
    if (next_row_ >= rows_.size()) return std::nullopt;
    ++batch_;
    vigie::Table t;
    for (const auto& c : columns_) t.add(c, vigie::Type::String);
    auto& line = t.add("_line", vigie::Type::Int64);
    size_t end = std::min(rows_.size(), next_row_ + batch_rows_);
    for (; next_row_ < end; ++next_row_) {
      const auto& row = rows_[next_row_];
      for (size_t c = 0; c < columns_.size(); ++c) {
        if (c < row.size() && row[c] != "\\N")
          t.columns[c].push_string(row[c]);
        else
          t.columns[c].push_null();
      }
      line.push_int(static_cast<int64_t>(next_row_) + 1);
    }
    return t;
  }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  size_t batch_rows_;
  int64_t fail_at_batch_;
  size_t next_row_ = 0;
  int64_t batch_ = 0;
};

class MemoryConnector : public vigie::sdk::Connector {
 public:
  explicit MemoryConnector(const vigie::sdk::Config& config) : config_(config) {
    columns_ = split(config.required("columns"), ',');
    for (const auto& row : config.list("rows"))
      rows_.push_back(split(row, '|'));
  }
  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    return std::make_unique<MemoryReader>(
        columns_, rows_,
        static_cast<size_t>(config_.integer("batch_rows", 1000)),
        config_.integer("fail_at_batch", -1));
  }
  std::string origin() const override { return "memory"; }

 private:
  vigie::sdk::Config config_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "columns", nullptr, true,
                       "column names, comma-separated"),
    vigie::sdk::option(VIGIE_OPTION_LIST, "rows", nullptr, false,
                       "rows, values separated by |; \\N is null"),
    vigie::sdk::option(VIGIE_OPTION_INT, "batch_rows", "1000", false,
                       "rows a batch"),
    vigie::sdk::option(VIGIE_OPTION_INT, "fail_at_batch", "-1", false,
                       "throw when asked for this batch (0-based)"),
};

}  // namespace

VIGIE_CONNECTOR_PLUGIN(MemoryConnector, "memory", "1.0.0",
                       "Serves rows written in its configuration (tests)",
                       kOptions)
