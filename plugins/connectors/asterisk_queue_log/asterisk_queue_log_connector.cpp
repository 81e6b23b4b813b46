// The `asterisk_queue_log` connector: reads Asterisk's queue_log, the raw
// file (`epoch|callid|queue|agent|event|data...`) or a database export of
// it (PBXware's CSV, header uid,date_time,callid,...), and hands the engine
// one row a call of the canonical `calls` dataset: call_id, started_at
// (UTC), direction, queue, outcome, wait_s, handle_s, plus caller, agent
// and end_event, which a spec may map. Lines that cannot be read, and calls
// that never end in the file, are rows with `_reject` set: they show in the
// report's rejects as source:line. See call_tracker.hpp for what a call is.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "call_tracker.hpp"
#include "csv_reader.hpp"
#include "event_layout.hpp"
#include "form_detection.hpp"
#include "vigie/sdk.hpp"

namespace vigie::queue_log {
namespace {

// A batch stops early past this many bytes of input, so that the int32
// offsets of its string columns cannot overflow whatever the field sizes.
constexpr int64_t kMaxBatchBytes = int64_t{256} << 20;

constexpr const char* kCallColumns[] = {
    "call_id", "started_at", "direction", "queue", "outcome",
    "wait_s",  "handle_s",   "caller",    "agent", "end_event"};

std::optional<QueueLogForm> format_option(const std::string& value) {
  if (value.empty() || value == "auto") return std::nullopt;
  if (value == "raw") return QueueLogForm::kRaw;
  if (value == "export") return QueueLogForm::kExport;
  throw std::runtime_error(
      "option 'format' must be \"auto\", \"raw\" or \"export\", got '" + value +
      "'");
}

csv::CsvReader::Options reader_options(QueueLogForm form) {
  csv::CsvReader::Options options;
  if (form == QueueLogForm::kRaw) {
    options.delimiter = '|';
    options.header = false;
    options.quoting = false;
  } else {
    options.delimiter = ',';
  }
  return options;
}

void push_text(Column& column, std::string_view text) {
  if (text.empty())
    column.push_null();
  else
    column.push_string(text);
}

void push_seconds(Column& column, const std::optional<int64_t>& seconds) {
  if (seconds)
    column.push_string(std::to_string(*seconds));
  else
    column.push_null();
}

class QueueLogReader : public sdk::BatchReader {
 public:
  QueueLogReader(const std::filesystem::path& path,
                 std::optional<QueueLogForm> format, size_t batch_rows)
      : batch_rows_(batch_rows) {
    std::optional<QueueLogForm> form = detect_form(path, format);
    if (!form) {  // nothing but blank lines: no calls
      done_ = true;
      return;
    }
    reader_ = std::make_unique<csv::CsvReader>(path, reader_options(*form));
    // Asterisk ends every line it writes; an export need not end its last
    // one, and its fields are counted against the header.
    cut_lines_are_rejects_ = *form == QueueLogForm::kRaw;
    layout_ = *form == QueueLogForm::kRaw
                  ? raw_layout()
                  : export_layout(reader_->header(), path.string());
  }

  std::vector<sdk::Field> schema() override {
    std::vector<sdk::Field> fields;
    for (const char* name : kCallColumns)
      fields.push_back({name, Type::String});
    fields.push_back({"_line", Type::Int64});
    fields.push_back({"_reject", Type::String});
    return fields;
  }

  std::optional<Table> next() override {
    if (done_) return std::nullopt;
    rows_.clear();
    const int64_t batch_start = reader_->bytes_read();
    while (rows_.size() < batch_rows_ &&
           reader_->bytes_read() - batch_start < kMaxBatchBytes) {
      if (!reader_->next(fields_)) {
        tracker_.finish(rows_);
        done_ = true;
        break;
      }
      if (cut_lines_are_rejects_ && !reader_->ended_by_line_break())
        // Its last field may be a figure cut short (847 read as 84).
        rows_.push_back(CallRow::rejected(
            reader_->line(),
            "the file ends inside this line (no line end: cut by a copy, or "
            "still being written); its event is not used"));
      else if (layout_->read(fields_, reader_->line(), event_, problem_))
        tracker_.take(event_, rows_);
      else
        rows_.push_back(CallRow::rejected(reader_->line(), problem_));
    }
    if (rows_.empty()) return std::nullopt;
    return batch_of(rows_);
  }

 private:
  static Table batch_of(const std::vector<CallRow>& rows) {
    Table batch;
    for (const char* name : kCallColumns) batch.add(name, Type::String);
    auto& line = batch.add("_line", Type::Int64);
    auto& reject = batch.add("_reject", Type::String);
    auto& c = batch.columns;
    for (const CallRow& row : rows) {
      line.push_int(row.line);
      if (!row.reject.empty()) {
        for (size_t i = 0; i < std::size(kCallColumns); ++i) c[i].push_null();
        reject.push_string(row.reject);
        continue;
      }
      c[0].push_string(row.call_id);
      // The layouts refuse an epoch past kMaxEpoch (event_layout.hpp).
      c[1].push_string(
          sdk::utc_text(row.started_at, sdk::UtcUnit::kSeconds).value().view());
      c[2].push_string("inbound");
      push_text(c[3], row.queue);
      c[4].push_string(row.outcome);
      push_seconds(c[5], row.wait_s);
      push_seconds(c[6], row.handle_s);
      push_text(c[7], row.caller);
      push_text(c[8], row.agent);
      c[9].push_string(row.end_event);
      reject.push_null();
    }
    return batch;
  }

  std::unique_ptr<csv::CsvReader> reader_;
  std::unique_ptr<EventLayout> layout_;
  CallTracker tracker_;
  size_t batch_rows_;
  bool cut_lines_are_rejects_ = false;
  bool done_ = false;
  // Reused from line to line.
  std::vector<std::string_view> fields_;
  QueueEvent event_;
  std::string problem_;
  std::vector<CallRow> rows_;
};

class QueueLogConnector : public sdk::Connector {
 public:
  explicit QueueLogConnector(const sdk::Config& config)
      : path_(config.required("path")),
        format_(format_option(config.string("format"))),
        batch_rows_(config.integer("batch_rows", 65536)) {
    if (batch_rows_ <= 0)
      throw std::runtime_error("option 'batch_rows' must be positive, got " +
                               std::to_string(batch_rows_));
  }

  std::unique_ptr<sdk::BatchReader> open() override {
    return std::make_unique<QueueLogReader>(path_, format_,
                                            static_cast<size_t>(batch_rows_));
  }

  std::string origin() const override { return path_; }

 private:
  std::string path_;
  std::optional<QueueLogForm> format_;
  int64_t batch_rows_;
};

constexpr const char* kFormats[] = {"auto", "raw", "export"};

constexpr vigie_option format_choice() {
  vigie_option option = sdk::option(
      VIGIE_OPTION_STRING, "format", "auto", false,
      "raw (epoch|callid|queue|agent|event|data..., as Asterisk writes it), "
      "export (a database export with the header uid,date_time,callid,"
      "queue_name,type,event,param1..3,entpos,expos,htime,ttime,time) or "
      "auto (told from the first line); a file of the other form is an "
      "error");
  option.choice_count = std::size(kFormats);
  option.choices = kFormats;
  return option;
}

constexpr vigie_option kOptions[] = {
    sdk::option(VIGIE_OPTION_STRING, "path", nullptr, true,
                "the queue_log file to read; a .gz file is inflated"),
    format_choice(),
    sdk::option(VIGIE_OPTION_INT, "batch_rows", "65536", false,
                "calls a batch"),
};

}  // namespace
}  // namespace vigie::queue_log

VIGIE_CONNECTOR_PLUGIN(vigie::queue_log::QueueLogConnector,
                       "asterisk_queue_log", "1.0.0",
                       "Reads Asterisk's queue_log (the raw file or a "
                       "database export, gzip allowed) as one call a row",
                       vigie::queue_log::kOptions)
