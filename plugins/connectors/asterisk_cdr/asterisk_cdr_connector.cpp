// The `asterisk_cdr` connector: reads an Asterisk CDR file (cdr_csv's
// Master.csv in any of its layouts, or a cdr_custom file in a given column
// order; gzip allowed) and gives the canonical `calls` dataset, one row a
// call made of its legs (cdr_reader.hpp), with the source line of the
// call's first row (`_line`) and, for a row that could not be read, why
// (`_reject`). See docs/connectors.md, "asterisk_cdr".
#include <array>
#include <string>
#include <vector>

#include "cdr_reader.hpp"
#include "vigie/sdk.hpp"
#include "vigie/sdk/options.hpp"

namespace {

using vigie::asterisk_cdr::CdrField;

// A batch stops early past this many bytes of input, so that the int32
// offsets of its string columns cannot overflow whatever the field sizes.
constexpr int64_t kMaxBatchBytes = int64_t{256} << 20;

struct Parameters {
  std::string path;
  std::string layout = "auto";
  std::vector<std::string> columns;
  std::string queue_from = "dcontext";
  std::vector<std::string> inbound_contexts;
  std::vector<std::string> outbound_contexts;
  std::vector<std::string> trunk_channels;
  int64_t call_window_hours = 12;
  int64_t answered_min_billsec = 0;
  bool utc = false;
  int64_t batch_rows = 65536;

  void check() const {
    if (!columns.empty() && layout != "auto")
      throw std::runtime_error(
          "options 'layout' and 'columns' exclude each other: 'columns' is "
          "the order of a cdr_custom file, 'layout' a cdr_csv width");
  }
};

constexpr const char* kLayouts[] = {"auto", "16", "17", "18", "21"};
// The names a cdr_custom column order accepts: the CDR fields, and `-`.
constexpr auto kColumnNames = [] {
  using vigie::asterisk_cdr::kFieldCount;
  std::array<const char*, kFieldCount + 1> names{};
  for (size_t i = 0; i < kFieldCount; ++i)
    names[i] = vigie::asterisk_cdr::kFieldNames[i];
  names[kFieldCount] = "-";  // kSkippedColumn
  return names;
}();
constexpr const char* kQueueSources[] = {"dcontext", "dst", "accountcode",
                                         "userfield", "none"};

using vigie::sdk::field;
constexpr vigie::sdk::Option<Parameters> kOptions[] = {
    field<&Parameters::path>("path", nullptr,
                             "the CDR file (Master.csv); a .gz file is "
                             "inflated")
        .required(),
    field<&Parameters::layout>("layout", "auto",
                               "cdr_csv's field count: 16, 17, 18 or 21, or "
                               "auto to tell each row's from its field count")
        .one_of(kLayouts),
    field<&Parameters::columns>(
        "columns", nullptr,
        "a cdr_custom file's column order: CDR field names, - for a column "
        "to skip (needs start, answer, end, billsec, disposition and one of "
        "linkedid, uniqueid, channel)")
        .one_of(kColumnNames),
    field<&Parameters::queue_from>("queue_from", "dcontext",
                                   "the field of the call's first leg that "
                                   "names its queue, or none")
        .one_of(kQueueSources),
    field<&Parameters::inbound_contexts>(
        "inbound_contexts", nullptr,
        "patterns (* for any text) of the dialplan contexts of inbound "
        "calls; with none (and no trunk_channels) every call not outbound "
        "is inbound"),
    field<&Parameters::outbound_contexts>(
        "outbound_contexts", nullptr,
        "patterns of the dialplan contexts of outbound calls"),
    field<&Parameters::trunk_channels>(
        "trunk_channels", nullptr,
        "patterns of the trunks' channel names (PJSIP/ovh-*): a call coming "
        "from one is inbound, one dialling one outbound"),
    field<&Parameters::call_window_hours>(
        "call_window_hours", "12",
        "the longest call: a call is complete once a row ends this many "
        "hours after it started")
        .at_least(1)
        .at_most(168),
    field<&Parameters::answered_min_billsec>(
        "answered_min_billsec", "0",
        "billed seconds an ANSWERED leg needs to count as answered")
        .at_least(0)
        .at_most(86400),
    field<&Parameters::utc>("utc", "false",
                            "the file's times are UTC (cdr.conf usegmtime)"),
    field<&Parameters::batch_rows>("batch_rows", "65536", "rows a batch")
        .at_least(1),
};
constexpr auto kOptionEntries = vigie::sdk::option_entries(kOptions);

vigie::asterisk_cdr::CdrOptions reader_options(const Parameters& p) {
  vigie::asterisk_cdr::CdrOptions o;
  if (p.layout != "auto") o.cdr_csv_width = std::stoul(p.layout);
  o.columns = p.columns;
  o.queue_field = p.queue_from == "none"
                      ? std::nullopt
                      : vigie::asterisk_cdr::field_named(p.queue_from);
  o.direction = {p.inbound_contexts, p.outbound_contexts, p.trunk_channels};
  o.call_window_seconds = p.call_window_hours * 3600;
  o.answered_min_billsec = p.answered_min_billsec;
  o.utc = p.utc;
  return o;
}

class CdrBatchReader : public vigie::sdk::BatchReader {
 public:
  CdrBatchReader(const Parameters& p)
      : reader_(p.path, reader_options(p)),
        batch_rows_(static_cast<size_t>(p.batch_rows)) {}

  std::vector<vigie::sdk::Field> schema() override {
    std::vector<vigie::sdk::Field> fields;
    for (const char* name : kColumns)
      fields.push_back({name, vigie::Type::String});
    fields.push_back({"_line", vigie::Type::Int64});
    fields.push_back({"_reject", vigie::Type::String});
    fields.push_back({"_repaired", vigie::Type::Int64});
    return fields;
  }

  std::optional<vigie::Table> next() override {
    if (done_) return std::nullopt;
    vigie::Table batch;
    for (const char* name : kColumns) batch.add(name, vigie::Type::String);
    auto& line = batch.add("_line", vigie::Type::Int64);
    auto& reject = batch.add("_reject", vigie::Type::String);
    auto& repaired = batch.add("_repaired", vigie::Type::Int64);
    auto text = [&](size_t column, std::string_view value) {
      if (value.empty())
        batch.columns[column].push_null();
      else
        batch.columns[column].push_string(value);
    };
    const int64_t batch_start = reader_.bytes_read();
    size_t rows = 0;
    while (rows < batch_rows_ &&
           reader_.bytes_read() - batch_start < kMaxBatchBytes) {
      if (!reader_.next(row_)) {
        done_ = true;
        break;
      }
      ++rows;
      line.push_int(row_.line);
      // The values repaired since the last row handed over: the engine
      // sums them by source, so the total is exact whichever row of the
      // batch carries them.
      repaired.push_int(reader_.repaired_values() - repaired_reported_);
      repaired_reported_ = reader_.repaired_values();
      if (!row_.reject.empty()) {
        for (size_t c = 0; c < std::size(kColumns); ++c)
          batch.columns[c].push_null();
        reject.push_string(row_.reject);
        continue;
      }
      const auto& call = row_.call;
      text(0, call.call_id);
      text(1, call.started_at);
      text(2, call.direction);
      text(3, call.queue);
      text(4, call.answered ? "answered" : "abandoned");
      text(5, call.wait_s ? std::to_string(*call.wait_s) : std::string());
      text(6, std::to_string(call.handle_s));
      text(7, call.caller_number);
      reject.push_null();
    }
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  // The calls dataset's names, and the caller's number (not in the data
  // model yet: the engine passes it by until a feature reads it).
  static constexpr const char* kColumns[] = {
      "call_id", "started_at", "direction", "queue",
      "outcome", "wait_s",     "handle_s",  "caller_number"};

  vigie::asterisk_cdr::CdrReader reader_;
  size_t batch_rows_;
  vigie::asterisk_cdr::CdrRow row_;
  bool done_ = false;
  int64_t repaired_reported_ = 0;
};

class AsteriskCdrConnector : public vigie::sdk::Connector {
 public:
  explicit AsteriskCdrConnector(const vigie::sdk::Config& config)
      : parameters_(vigie::sdk::bind_options(kOptions, config)) {}

  std::unique_ptr<vigie::sdk::BatchReader> open() override {
    return std::make_unique<CdrBatchReader>(parameters_);
  }

  std::string origin() const override { return parameters_.path; }

 private:
  Parameters parameters_;
};

}  // namespace

VIGIE_CONNECTOR_PLUGIN(AsteriskCdrConnector, "asterisk_cdr", "1.0.0",
                       "Reads Asterisk CDR files (cdr_csv Master.csv, "
                       "cdr_custom) as calls, the legs of a call grouped",
                       kOptionEntries)
