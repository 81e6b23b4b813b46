// simdjson's DOM parser rather than its On-Demand one: On-Demand only
// checks the parts of a document it is asked for, so a line broken inside
// a field we skip (geo, items, ...) would pass as an event. The DOM parser
// validates the whole line (structure, numbers, UTF-8) at well over a
// gigabyte a second, and the line is parsed where the line reader holds it.
#include "ga4_event.hpp"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

#include "url_path.hpp"
#include "vigie/sdk/utc_text.hpp"

namespace vigie::ga4 {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// How a value that should be an integer reads.
enum class Integer { kNull, kOk, kBad };

// An INT64 of the export: a JSON number, or a string of digits (BigQuery's
// JSON export writes INT64 as strings, "1604192073036492", since a double
// cannot hold every one); null is kNull.
Integer read_integer(element value, int64_t& out) {
  switch (value.type()) {
    case element_type::INT64:
      out = value.get_int64().value_unsafe();
      return Integer::kOk;
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      const char* end = text.data() + text.size();
      auto [stop, error] = std::from_chars(text.data(), end, out);
      return error == std::errc() && stop == end && !text.empty()
                 ? Integer::kOk
                 : Integer::kBad;
    }
    case element_type::NULL_VALUE:
      return Integer::kNull;
    default:  // a fraction, past int64, true, an array, an object
      return Integer::kBad;
  }
}

// A value as the line writes it, shortened, for a message.
std::string quoted(element value) {
  std::string text = simdjson::minify(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// The fields of an event_params value ({string_value, int_value,
// float_value, double_value}) an event may use.
struct ParamValue {
  std::optional<element> string_value;
  std::optional<element> int_value;
  std::optional<element> float_value;
  std::optional<element> double_value;
};

// Holds a number written as text until the next decode().
class NumberText {
 public:
  template <class Whole>
  std::string_view of(Whole value) {
    // 24 characters hold any 64-bit integer: to_chars cannot fail here.
    auto result = std::to_chars(chars_, chars_ + sizeof chars_, value);
    return {chars_, static_cast<size_t>(result.ptr - chars_)};
  }

 private:
  char chars_[24];
};

}  // namespace

struct EventDecoder::Impl {
  DecoderOptions options;
  simdjson::dom::parser parser;
  std::optional<sdk::UtcText> ts;
  NumberText visitor_number, customer_number, session_number, load_number;
  std::string source_text;
  // The first problem with a field the event may do without: the row is
  // rejected with it once the required fields are known to be there.
  std::optional<std::string> layout_error;

  void wrong(std::string problem) {
    if (!layout_error) layout_error = std::move(problem);
  }

  std::optional<std::string_view> id_text(element value, const char* field,
                                          NumberText& number);
  std::optional<std::string_view> string_of(element value, const char* field);
  std::optional<ParamValue> param_value(element value, std::string_view key);
  void read_params(element params, Event& event);
  std::optional<std::string_view> param_integer(const ParamValue& value,
                                                std::string_view key,
                                                NumberText& number);
  std::optional<std::string_view> param_load_time(const ParamValue& value);
  std::optional<std::string_view> source_of(
      std::optional<std::string_view> source,
      std::optional<std::string_view> medium);
  void read_device(element device, Event& event);
  void read_traffic_source(element traffic_source, Event& event);
  std::optional<std::string> decode(std::string_view line, Event& event);
};

// An id: a string, or a whole number written as its digits; nothing for
// null or "". `field` names it in the message of anything else.
std::optional<std::string_view> EventDecoder::Impl::id_text(
    element value, const char* field, NumberText& number) {
  switch (value.type()) {
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      if (text.empty()) return std::nullopt;
      return text;
    }
    case element_type::INT64:
      return number.of(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return number.of(value.get_uint64().value_unsafe());
    case element_type::NULL_VALUE:
      return std::nullopt;
    default:
      wrong(std::string(field) + " is not a string: " + quoted(value));
      return std::nullopt;
  }
}

// A text field; nothing for null or "", and a layout error for anything
// but a string.
std::optional<std::string_view> EventDecoder::Impl::string_of(
    element value, const char* field) {
  if (value.is_null()) return std::nullopt;
  std::string_view text;
  if (value.get_string().get(text)) {
    wrong(std::string(field) + " is not a string: " + quoted(value));
    return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<ParamValue> EventDecoder::Impl::param_value(
    element value, std::string_view key) {
  if (value.is_null()) return std::nullopt;
  simdjson::dom::object fields;
  if (value.get_object().get(fields)) {
    wrong("event parameter " + std::string(key) +
          ": value is not an object {string_value, int_value, ...}: " +
          quoted(value));
    return std::nullopt;
  }
  ParamValue out;
  for (simdjson::dom::key_value_pair field : fields) {
    if (field.value.is_null()) continue;
    if (field.key == "string_value")
      out.string_value = field.value;
    else if (field.key == "int_value")
      out.int_value = field.value;
    else if (field.key == "float_value")
      out.float_value = field.value;
    else if (field.key == "double_value")
      out.double_value = field.value;
  }
  return out;
}

// An integer parameter (ga_session_id): its int_value, else its
// string_value as written.
std::optional<std::string_view> EventDecoder::Impl::param_integer(
    const ParamValue& value, std::string_view key, NumberText& number) {
  if (value.int_value) {
    int64_t n = 0;
    if (read_integer(*value.int_value, n) == Integer::kOk) return number.of(n);
    wrong("event parameter " + std::string(key) +
          ": int_value is not a whole number: " + quoted(*value.int_value));
    return std::nullopt;
  }
  if (value.string_value)
    return string_of(*value.string_value, "event parameter string_value");
  return std::nullopt;
}

// The load time in milliseconds: int_value, else double_value or
// float_value rounded to the nearest millisecond, else string_value as
// written (the engine then checks it is a whole number).
std::optional<std::string_view> EventDecoder::Impl::param_load_time(
    const ParamValue& value) {
  const std::string& key = options.load_time_param;
  if (value.int_value) return param_integer(value, key, load_number);
  for (const auto& real : {value.double_value, value.float_value}) {
    if (!real) continue;
    double ms = 0;
    if (real->get_double().get(ms) || !std::isfinite(ms) ||
        std::fabs(ms) >= 0x1p62) {
      wrong("event parameter " + key +
            ": not a number of milliseconds: " + quoted(*real));
      return std::nullopt;
    }
    return load_number.of(std::llround(ms));
  }
  if (value.string_value)
    return string_of(*value.string_value, "event parameter string_value");
  return std::nullopt;
}

// "source/medium" as GA4 reports write it ("google/organic",
// "(direct)/(none)"); the source alone without a medium; nothing without
// a source.
std::optional<std::string_view> EventDecoder::Impl::source_of(
    std::optional<std::string_view> source,
    std::optional<std::string_view> medium) {
  if (!source) return std::nullopt;
  if (!medium) return source;
  source_text.assign(*source);
  source_text += '/';
  source_text += *medium;
  return source_text;
}

void EventDecoder::Impl::read_params(element params, Event& event) {
  if (params.is_null()) return;
  simdjson::dom::array entries;
  if (params.get_array().get(entries)) {
    wrong("event_params is not an array: " + quoted(params));
    return;
  }
  const bool event_sources = options.source == SourceField::kEventParams;
  std::optional<std::string_view> source, medium;
  bool seen_location = false, seen_session = false, seen_load = false,
       seen_source = false, seen_medium = false;
  size_t index = 0;
  for (element entry : entries) {
    simdjson::dom::object fields;
    std::string_view key;
    std::optional<element> value;
    bool has_key = false;
    if (entry.get_object().get(fields) == simdjson::SUCCESS) {
      for (simdjson::dom::key_value_pair field : fields) {
        if (field.key == "key")
          has_key = field.value.get_string().get(key) == simdjson::SUCCESS;
        else if (field.key == "value")
          value = field.value;
      }
    }
    if (!has_key) {
      wrong("event_params[" + std::to_string(index) +
            "] is not an object {key, value} with a string key: " +
            quoted(entry));
      return;
    }
    ++index;
    // The first entry of a key counts (the export writes each key once).
    bool* seen = nullptr;
    if (key == "page_location")
      seen = &seen_location;
    else if (key == "ga_session_id")
      seen = &seen_session;
    else if (!options.load_time_param.empty() && key == options.load_time_param)
      seen = &seen_load;
    else if (event_sources && key == "source")
      seen = &seen_source;
    else if (event_sources && key == "medium")
      seen = &seen_medium;
    if (seen == nullptr || *seen) continue;
    *seen = true;
    if (!value) continue;  // no value: as if null
    std::optional<ParamValue> v = param_value(*value, key);
    if (!v) continue;
    if (seen == &seen_location) {
      if (v->string_value)
        if (auto location = string_of(*v->string_value, "page_location"))
          if (std::string_view path = url_path(*location); !path.empty())
            event.page = path;
    } else if (seen == &seen_session) {
      event.ga_session_id = param_integer(*v, key, session_number);
    } else if (seen == &seen_load) {
      event.load_time_ms = param_load_time(*v);
    } else if (seen == &seen_source) {
      if (v->string_value) source = string_of(*v->string_value, "source");
    } else if (v->string_value) {
      medium = string_of(*v->string_value, "medium");
    }
  }
  if (event_sources) event.source = source_of(source, medium);
}

void EventDecoder::Impl::read_device(element device, Event& event) {
  if (device.is_null()) return;
  simdjson::dom::object fields;
  if (device.get_object().get(fields)) {
    wrong("device is not an object: " + quoted(device));
    return;
  }
  element category;
  if (fields["category"].get(category) == simdjson::SUCCESS)
    event.device = string_of(category, "device.category");
}

void EventDecoder::Impl::read_traffic_source(element traffic_source,
                                             Event& event) {
  if (traffic_source.is_null()) return;
  simdjson::dom::object fields;
  if (traffic_source.get_object().get(fields)) {
    wrong("traffic_source is not an object: " + quoted(traffic_source));
    return;
  }
  std::optional<std::string_view> source, medium;
  element value;
  if (fields["source"].get(value) == simdjson::SUCCESS)
    source = string_of(value, "traffic_source.source");
  if (fields["medium"].get(value) == simdjson::SUCCESS)
    medium = string_of(value, "traffic_source.medium");
  event.source = source_of(source, medium);
}

std::optional<std::string> EventDecoder::Impl::decode(std::string_view line,
                                                      Event& event) {
  element root;
  const simdjson::padded_string_view padded(
      line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING);
  if (auto error = parser.parse(padded).get(root))
    return "line is not JSON: " + std::string(simdjson::error_message(error));
  simdjson::dom::object fields;
  if (root.get_object().get(fields))
    return "line is not a JSON object (one event a line): " + quoted(root);

  event = Event{};
  layout_error.reset();
  std::optional<element> timestamp, name, visitor;
  for (simdjson::dom::key_value_pair field : fields) {
    const std::string_view key = field.key;
    if (key == "event_timestamp") {
      if (!timestamp) timestamp = field.value;
    } else if (key == "event_name") {
      if (!name) name = field.value;
    } else if (key == "user_pseudo_id") {
      if (!visitor) visitor = field.value;
    } else if (key == "user_id") {
      event.customer_id = id_text(field.value, "user_id", customer_number);
    } else if (key == "event_params") {
      read_params(field.value, event);
    } else if (key == "device") {
      read_device(field.value, event);
    } else if (key == "traffic_source") {
      if (options.source == SourceField::kTrafficSource)
        read_traffic_source(field.value, event);
    }
  }

  int64_t micros = 0;
  switch (timestamp ? read_integer(*timestamp, micros) : Integer::kNull) {
    case Integer::kNull:
      return "no event_timestamp";
    case Integer::kBad:
      return "event_timestamp is not a whole number of microseconds: " +
             quoted(*timestamp);
    case Integer::kOk:
      break;
  }
  ts = sdk::utc_text(micros, sdk::UtcUnit::kMicroseconds);
  if (!ts)
    return "event_timestamp " + std::to_string(micros) +
           " is outside the years 0000 to 9999";
  event.ts = ts->view();

  std::string_view text;
  if (!name || name->is_null()) return "no event_name";
  if (name->get_string().get(text))
    return "event_name is not a string: " + quoted(*name);
  if (text.empty()) return "no event_name";
  event.event_type = text;

  if (!visitor) return "no user_pseudo_id";
  // A layout problem of the other fields is reported after the required
  // ones: the first of those says more about a wrong file.
  std::optional<std::string> other_problem = std::move(layout_error);
  layout_error.reset();
  std::optional<std::string_view> visitor_id =
      id_text(*visitor, "user_pseudo_id", visitor_number);
  if (layout_error) return layout_error;
  if (!visitor_id) return "no user_pseudo_id";
  event.visitor_id = *visitor_id;
  return other_problem;
}

EventDecoder::EventDecoder(DecoderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

EventDecoder::~EventDecoder() = default;

size_t EventDecoder::padding() { return simdjson::SIMDJSON_PADDING; }

std::optional<std::string> EventDecoder::decode(std::string_view line,
                                                Event& event) {
  return impl_->decode(line, event);
}

}  // namespace vigie::ga4
