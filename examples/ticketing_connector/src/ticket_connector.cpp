// The `ticketing` connector: reads a help desk's export of tickets, one
// JSON object a line (NDJSON; gzip allowed), and hands the engine one row
// of the canonical `calls` dataset a ticket (ticket_row.hpp says which
// field becomes which column). A line that is not a ticket it can read is a
// row with `_reject` set: the report lists it at file:line. A file that is
// not NDJSON at all (a JSON array, a CSV) is an error at its first line.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <vigie/sdk.hpp>

#include "line_reader.hpp"
#include "ticket_row.hpp"

namespace ticketing {
namespace {

namespace sdk = vigie::sdk;
using vigie::Type;

struct Settings {
  std::string path;
  int64_t batch_rows = 65536;
};

constexpr sdk::Option<Settings> kOptions[] = {
    sdk::field<&Settings::path>("path", nullptr,
                                "the export: one ticket a line (NDJSON); a "
                                ".gz file is inflated")
        .required(),
    sdk::field<&Settings::batch_rows>("batch_rows", "65536", "tickets a batch")
        .at_least(1),
};
constexpr auto kOptionEntries = sdk::option_entries(kOptions);

constexpr const char* kColumns[] = {
    "call_id", "started_at", "customer_id", "customer_email", "direction",
    "channel", "outcome",    "wait_s",      "handle_s",       "csat"};

void push(vigie::Column& column, const std::optional<std::string>& text) {
  if (text)
    column.push_string(*text);
  else
    column.push_null();
}
void push(vigie::Column& column, const std::optional<int64_t>& number) {
  if (number)
    column.push_string(std::to_string(*number));
  else
    column.push_null();
}

class TicketReader : public sdk::BatchReader {
 public:
  explicit TicketReader(const Settings& settings)
      : lines_(settings.path),
        path_(settings.path),
        batch_rows_(settings.batch_rows) {}

  std::vector<sdk::Field> schema() override {
    std::vector<sdk::Field> fields;
    for (const char* name : kColumns) fields.push_back({name, Type::String});
    fields.push_back({"_line", Type::Int64});
    fields.push_back({"_reject", Type::String});
    return fields;
  }

  std::optional<vigie::Table> next() override {
    vigie::Table batch;
    for (const char* name : kColumns) batch.add(name, Type::String);
    auto& line_number = batch.add("_line", Type::Int64);
    auto& reject = batch.add("_reject", Type::String);
    auto& c = batch.columns;
    int64_t rows = 0;
    std::string_view line;
    while (rows < batch_rows_ && lines_.next(line)) {
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      ++rows;
      line_number.push_int(lines_.line_number());
      const std::optional<std::string> problem = read_line(line);
      if (problem) {
        for (size_t i = 0; i < std::size(kColumns); ++i) c[i].push_null();
        reject.push_string(*problem);
        continue;
      }
      c[0].push_string(row_.call_id);
      c[1].push_string(row_.started_at);
      push(c[2], row_.customer_id);
      push(c[3], row_.customer_email);
      c[4].push_string("inbound");
      push(c[5], row_.channel);
      c[6].push_string(row_.outcome);
      push(c[7], row_.wait_s);
      push(c[8], row_.handle_s);
      push(c[9], row_.csat);
      reject.push_null();
    }
    if (rows == 0) return std::nullopt;
    return batch;
  }

 private:
  // Parses one line into row_; the reason when it is no ticket.
  std::optional<std::string> read_line(std::string_view line) {
    const bool first = !seen_a_ticket_;
    seen_a_ticket_ = true;
    const nlohmann::json ticket =
        nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (first && !ticket.is_object()) wrong_layout(line);
    if (ticket.is_discarded())
      return lines_.ended() ? "not JSON"
                            : "not JSON: the file ends inside this line "
                              "(cut short by a copy?)";
    return read_ticket(ticket, row_);
  }

  // The first line tells a file that is not one ticket a line: stop there
  // rather than reject every line of it.
  [[noreturn]] void wrong_layout(std::string_view line) const {
    const std::string where =
        path_ + ":" + std::to_string(lines_.line_number()) + ": ";
    if (line.find_first_not_of(" \t") != std::string_view::npos &&
        line[line.find_first_not_of(" \t")] == '[')
      throw std::runtime_error(
          where +
          "a JSON array; this connector reads one ticket a line (NDJSON): "
          "convert it with jq -c '.[]'");
    throw std::runtime_error(
        where + "not a JSON object: expected one ticket a line (NDJSON)");
  }

  LineReader lines_;
  std::string path_;
  int64_t batch_rows_;
  bool seen_a_ticket_ = false;
  TicketRow row_;  // reused from ticket to ticket
};

class TicketConnector : public sdk::Connector {
 public:
  explicit TicketConnector(const sdk::Config& config)
      : settings_(sdk::bind_options(kOptions, config)) {}

  std::unique_ptr<sdk::BatchReader> open() override {
    return std::make_unique<TicketReader>(settings_);
  }

  std::string origin() const override { return settings_.path; }

 private:
  Settings settings_;
};

}  // namespace
}  // namespace ticketing

VIGIE_CONNECTOR_PLUGIN(ticketing::TicketConnector, "ticketing", "1.0.0",
                       "Reads a help desk's export of tickets (NDJSON, gzip "
                       "allowed) as the calls dataset, one contact a ticket",
                       ticketing::kOptionEntries)
