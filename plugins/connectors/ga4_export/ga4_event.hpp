// One line of the Google Analytics 4 BigQuery export (NDJSON: one event a
// line) read into the columns of the canonical web_events dataset, as text.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::ga4 {

// Where an event's traffic source comes from.
enum class SourceField {
  // traffic_source.source and .medium: what first acquired the user.
  kTrafficSource,
  // The event's own `source` and `medium` parameters (set on the events
  // of a session a campaign, a referral or a search brought).
  kEventParams,
};

struct DecoderOptions {
  // The event parameter holding a page's load time in milliseconds;
  // empty: no load_time_ms.
  std::string load_time_param;
  SourceField source = SourceField::kTrafficSource;
};

// The columns of one event; nothing is a null. The views point into the
// decoder, valid until its next decode().
struct Event {
  std::string_view ts;  // ISO 8601 UTC with microseconds and `Z`
  std::string_view visitor_id;
  std::optional<std::string_view> customer_id;
  std::string_view event_type;
  std::optional<std::string_view> page;
  std::optional<std::string_view> device;
  std::optional<std::string_view> source;
  std::optional<std::string_view> load_time_ms;
  std::optional<std::string_view> ga_session_id;
};

class EventDecoder {
 public:
  explicit EventDecoder(DecoderOptions options);
  ~EventDecoder();
  EventDecoder(const EventDecoder&) = delete;
  EventDecoder& operator=(const EventDecoder&) = delete;

  // The readable bytes `line` must have after its end (simdjson reads
  // ahead by this much, and so takes the line where it lies, uncopied).
  static size_t padding();

  // Reads one line into `event`. Returns why the line is no event instead
  // ("line is not JSON: ...", "no event_timestamp", ...): the row is then
  // rejected, the stream goes on.
  std::optional<std::string> decode(std::string_view line, Event& event);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::ga4
