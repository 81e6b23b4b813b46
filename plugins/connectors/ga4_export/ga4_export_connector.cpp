// The `ga4_export` connector: the Google Analytics 4 BigQuery export as
// NDJSON (one event a JSON object a line, gzip allowed), streamed as
// batches of the canonical web_events columns, as text. A line that is not
// an event (not JSON, no event_timestamp, ...) is a row with `_reject`
// saying why; blank lines are skipped. Only one line and one batch are held
// at a time.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ga4_event.hpp"
#include "line_reader.hpp"
#include "vigie/sdk.hpp"
#include "vigie/sdk/options.hpp"

namespace {

namespace sdk = vigie::sdk;

// A batch stops early past this many bytes of input, so that the int32
// offsets of its string columns cannot overflow whatever the line sizes.
constexpr int64_t kMaxBatchBytes = int64_t{256} << 20;

struct Settings {
  std::string path;
  std::string load_time_param;
  std::string source = "traffic_source";
  int64_t batch_rows = 65536;
};

constexpr const char* kSourceChoices[] = {"traffic_source", "event_params"};

constexpr sdk::Option<Settings> kOptions[] = {
    sdk::field<&Settings::path>("path", nullptr,
                                "the NDJSON file of the export (one event a "
                                "line); a .gz file is inflated")
        .required(),
    sdk::field<&Settings::load_time_param>(
        "load_time_param", nullptr,
        "the event parameter holding a page's load time in ms (its "
        "int_value; a double_value is rounded); without it, load_time_ms is "
        "null"),
    sdk::field<&Settings::source>(
        "source", "traffic_source",
        "where `source` comes from: \"traffic_source\" (source/medium that "
        "first acquired the user) or \"event_params\" (the event's own "
        "source and medium parameters)")
        .one_of(kSourceChoices),
    sdk::field<&Settings::batch_rows>("batch_rows", "65536", "events a batch")
        .at_least(1),
};
constexpr auto kOptionEntries = sdk::option_entries(kOptions);

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The columns of every batch, in order. load_time_ms is there even when
// no option names its parameter (all null then): the load-time KPIs then
// have no value, where an absent column would fail the indicator.
std::vector<sdk::Field> columns() {
  std::vector<sdk::Field> fields;
  for (const char* name :
       {"ts", "visitor_id", "customer_id", "event_type", "page", "device",
        "source", "load_time_ms", "ga_session_id"})
    fields.push_back({name, vigie::Type::String});
  fields.push_back({"_line", vigie::Type::Int64});
  fields.push_back({"_reject", vigie::Type::String});
  return fields;
}

void push(vigie::Column& column, std::optional<std::string_view> value) {
  if (value)
    column.push_string(*value);
  else
    column.push_null();
}

class Ga4BatchReader : public sdk::BatchReader {
 public:
  explicit Ga4BatchReader(const Settings& settings)
      : reader_(settings.path,
                {.padding = vigie::ga4::EventDecoder::padding()}),
        decoder_({settings.load_time_param,
                  settings.source == "event_params"
                      ? vigie::ga4::SourceField::kEventParams
                      : vigie::ga4::SourceField::kTrafficSource}),
        batch_rows_(static_cast<size_t>(settings.batch_rows)) {}

  std::vector<sdk::Field> schema() override { return columns(); }

  std::optional<vigie::Table> next() override {
    if (done_) return std::nullopt;
    vigie::Table batch;
    for (const auto& field : columns()) batch.add(field.name, field.type);
    vigie::Column& ts = *batch.find("ts");
    vigie::Column& visitor = *batch.find("visitor_id");
    vigie::Column& customer = *batch.find("customer_id");
    vigie::Column& event_type = *batch.find("event_type");
    vigie::Column& page = *batch.find("page");
    vigie::Column& device = *batch.find("device");
    vigie::Column& source = *batch.find("source");
    vigie::Column& load_time = *batch.find("load_time_ms");
    vigie::Column& session = *batch.find("ga_session_id");
    vigie::Column& line_number = *batch.find("_line");
    vigie::Column& reject = *batch.find("_reject");

    const int64_t batch_start = reader_.bytes_read();
    size_t rows = 0;
    std::string_view line;
    while (rows < batch_rows_ &&
           reader_.bytes_read() - batch_start < kMaxBatchBytes) {
      if (!reader_.next(line)) {
        done_ = true;
        break;
      }
      if (blank(line)) continue;
      ++rows;
      line_number.push_int(reader_.line());
      std::optional<std::string> why = decoder_.decode(line, event_);
      if (why) {
        // A last line without its line break that does not parse: the
        // file was most likely cut there.
        if (!reader_.ended_by_line_break() && why->starts_with("line is not"))
          *why += " (the file ends in the middle of this line: truncated?)";
        for (auto& column : batch.columns)
          if (&column != &line_number && &column != &reject) column.push_null();
        reject.push_string(*why);
        continue;
      }
      ts.push_string(event_.ts);
      visitor.push_string(event_.visitor_id);
      push(customer, event_.customer_id);
      event_type.push_string(event_.event_type);
      push(page, event_.page);
      push(device, event_.device);
      push(source, event_.source);
      push(load_time, event_.load_time_ms);
      push(session, event_.ga_session_id);
      reject.push_null();
    }
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  vigie::text::LineReader reader_;
  vigie::ga4::EventDecoder decoder_;
  vigie::ga4::Event event_;
  size_t batch_rows_;
  bool done_ = false;
};

class Ga4ExportConnector : public sdk::Connector {
 public:
  explicit Ga4ExportConnector(const sdk::Config& config)
      : settings_(sdk::bind_options(kOptions, config)) {}

  std::unique_ptr<sdk::BatchReader> open() override {
    return std::make_unique<Ga4BatchReader>(settings_);
  }

  std::string origin() const override { return settings_.path; }

 private:
  Settings settings_;
};

}  // namespace

VIGIE_CONNECTOR_PLUGIN(Ga4ExportConnector, "ga4_export", "1.0.0",
                       "Reads the Google Analytics 4 BigQuery export (NDJSON, "
                       "gzip allowed) as web events",
                       kOptionEntries)
