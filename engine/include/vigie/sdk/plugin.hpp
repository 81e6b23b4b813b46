// The C++ side of the plugin ABI: write an ordinary class, let these
// adapters turn it into the C function tables of vigie/plugin.h. Exceptions
// never cross the boundary: they become an error code and a message.
//
//   class MyConnector : public vigie::sdk::Connector {
//    public:
//     explicit MyConnector(const vigie::sdk::Config& config);
//     std::unique_ptr<vigie::sdk::BatchReader> open() override;
//     std::string origin() const override;
//   };
//   constexpr vigie_option kOptions[] = {
//       vigie::sdk::option(VIGIE_OPTION_STRING, "path", nullptr, true,
//                          "file to read")};
//   VIGIE_CONNECTOR_PLUGIN(MyConnector, "my_connector", "1.0.0",
//                          "Reads my format", kOptions)
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/plugin.h"
#include "vigie/sdk/arrow_view.hpp"
#include "vigie/sdk/column.hpp"
#include "vigie/sdk/config.hpp"

namespace vigie::sdk {

// Thrown for a transient failure (a server not yet up, a locked file).
class RetryableError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr vigie_option option(vigie_option_type type, const char* key,
                              const char* default_value, bool required,
                              const char* description, bool secret = false) {
  return vigie_option{sizeof(vigie_option),
                      type,
                      key,
                      default_value,
                      required ? 1 : 0,
                      secret ? 1 : 0,
                      description,
                      0,
                      0.0,
                      0.0,
                      0,
                      nullptr};
}

constexpr vigie_output output(vigie_output_kind kind, const char* id,
                              const char* label, const char* unit,
                              const char* description,
                              vigie_better better = VIGIE_BETTER_HIGHER) {
  return vigie_output{sizeof(vigie_output),
                      kind,
                      id,
                      label,
                      unit,
                      description,
                      better,
                      0,
                      nullptr,
                      0,
                      nullptr};
}

constexpr vigie_input input(const char* dataset, bool required) {
  return vigie_input{sizeof(vigie_input), dataset, required ? 1 : 0};
}

inline void write_error(vigie_error* error, std::string_view message) {
  if (error == nullptr) return;
  size_t n = std::min(message.size(), sizeof(error->message) - 1);
  message.copy(error->message, n);
  error->message[n] = '\0';
}

// ---- connectors -------------------------------------------------------

struct Field {
  std::string name;
  Type type;
};

class BatchReader {
 public:
  virtual ~BatchReader() = default;
  // The columns of every batch, in order; asked once, before next().
  virtual std::vector<Field> schema() = 0;
  // The next batch, or nothing at the end of the source.
  virtual std::optional<Table> next() = 0;
};

class Connector {
 public:
  virtual ~Connector() = default;
  virtual std::unique_ptr<BatchReader> open() = 0;
  // What is read, for messages: a file name, a table; never a secret.
  virtual std::string origin() const = 0;
};

namespace detail {

struct StreamState {
  std::unique_ptr<BatchReader> reader;
  std::string last_error;
};

inline int stream_get_schema(ArrowArrayStream* s, ArrowSchema* out) {
  auto* st = static_cast<StreamState*>(s->private_data);
  try {
    Table empty;
    for (auto& f : st->reader->schema()) empty.add(f.name, f.type);
    for (auto& c : empty.columns)
      if (c.type == Type::Dictionary)
        c.dictionary = std::make_shared<StringPool>();
    ArrowArray unused;
    export_table(std::move(empty), &unused, out);
    unused.release(&unused);
    return 0;
  } catch (const std::exception& e) {
    st->last_error = e.what();
    return EIO;
  }
}

inline int stream_get_next(ArrowArrayStream* s, ArrowArray* out) {
  auto* st = static_cast<StreamState*>(s->private_data);
  try {
    std::optional<Table> batch = st->reader->next();
    if (!batch) {
      out->release = nullptr;  // end of stream
      return 0;
    }
    ArrowSchema schema;
    export_table(std::move(*batch), out, &schema);
    schema.release(&schema);
    return 0;
  } catch (const RetryableError& e) {
    st->last_error = e.what();
    return EAGAIN;
  } catch (const std::exception& e) {
    st->last_error = e.what();
    return EIO;
  } catch (...) {
    st->last_error = "unknown exception";
    return EIO;
  }
}

inline const char* stream_last_error(ArrowArrayStream* s) {
  auto* st = static_cast<StreamState*>(s->private_data);
  return st->last_error.empty() ? nullptr : st->last_error.c_str();
}

inline void stream_release(ArrowArrayStream* s) {
  if (s->release == nullptr) return;
  delete static_cast<StreamState*>(s->private_data);
  s->release = nullptr;
}

template <class Fn>
int32_t guarded(vigie_error* error, Fn&& fn) {
  try {
    fn();
    return VIGIE_OK;
  } catch (const RetryableError& e) {
    write_error(error, e.what());
    return VIGIE_RETRYABLE;
  } catch (const std::exception& e) {
    write_error(error, e.what());
    return VIGIE_ERROR;
  } catch (...) {
    write_error(error, "unknown exception");
    return VIGIE_ERROR;
  }
}

template <class C>
struct ConnectorAdapter {
  struct Instance {
    std::unique_ptr<C> object;
    std::string origin;
  };
  static int32_t create(const vigie_config* config, void** instance,
                        vigie_error* error) {
    return guarded(error, [&] {
      auto inst = std::make_unique<Instance>();
      inst->object = std::make_unique<C>(Config(config));
      inst->origin = inst->object->origin();
      *instance = inst.release();
    });
  }
  static int32_t open(void* instance, ArrowArrayStream* out,
                      vigie_error* error) {
    return guarded(error, [&] {
      auto st = std::make_unique<StreamState>();
      st->reader = static_cast<Instance*>(instance)->object->open();
      *out =
          ArrowArrayStream{&stream_get_schema, &stream_get_next,
                           &stream_last_error, &stream_release, st.release()};
    });
  }
  static const char* origin(void* instance) {
    return static_cast<Instance*>(instance)->origin.c_str();
  }
  static void destroy(void* instance) {
    delete static_cast<Instance*>(instance);
  }
  static constexpr vigie_connector_api api{sizeof(vigie_connector_api), &create,
                                           &open, &origin, &destroy};
};

}  // namespace detail

// ---- indicators -------------------------------------------------------

struct Request {
  std::vector<std::pair<std::string, TableView>> datasets;
  std::vector<vigie_period> periods;  // oldest first
  uint32_t current = 0;               // index of the report period P
  // Index of P', the period P is compared with (ABI 1.2; from an older
  // engine, the one before P, or P itself when P is the first).
  uint32_t previous = 0;
  std::vector<std::string> kpis;
  std::string locale = "en";  // the report's, e.g. "fr_FR"
  // The report's time zone (IANA), whose calendar months the periods are;
  // "UTC" from an engine older than ABI 1.1.
  std::string time_zone = "UTC";

  // Whether notes should be in French (else English).
  bool french() const { return locale.rfind("fr", 0) == 0; }

  const TableView* dataset(std::string_view name) const {
    for (const auto& [n, t] : datasets)
      if (n == name) return &t;
    return nullptr;
  }
  const TableView& required(std::string_view name) const {
    if (const auto* t = dataset(name)) return *t;
    throw std::runtime_error("dataset '" + std::string(name) + "' is missing");
  }
  bool wants(std::string_view kpi) const {
    for (const auto& k : kpis)
      if (k == kpi) return true;
    return false;
  }
  const vigie_period& period() const { return periods[current]; }
  const vigie_period& compared_period() const { return periods[previous]; }
};

// A named value of a message (Sink::message), formatted by the engine in
// the report's locale: arg::hours("window", 48) fills "{window}".
struct MessageArg {
  std::string name;
  vigie_message_arg_type type = VIGIE_ARG_TEXT;
  double number = 0;
  int64_t timestamp_us = 0;
  std::string text;
};

namespace arg {
inline MessageArg number(std::string name, double v) {
  return {std::move(name), VIGIE_ARG_NUMBER, v, 0, {}};
}
inline MessageArg count(std::string name, double v) {
  return {std::move(name), VIGIE_ARG_COUNT, v, 0, {}};
}
inline MessageArg hours(std::string name, double v) {
  return {std::move(name), VIGIE_ARG_HOURS, v, 0, {}};
}
inline MessageArg percent(std::string name, double ratio) {
  return {std::move(name), VIGIE_ARG_PERCENT, ratio, 0, {}};
}
inline MessageArg money(std::string name, double v) {
  return {std::move(name), VIGIE_ARG_MONEY, v, 0, {}};
}
inline MessageArg text(std::string name, std::string v) {
  return {std::move(name), VIGIE_ARG_TEXT, 0, 0, std::move(v)};
}
inline MessageArg timestamp(std::string name, int64_t us) {
  return {std::move(name), VIGIE_ARG_TIMESTAMP, 0, us, {}};
}
}  // namespace arg

class Sink {
 public:
  explicit Sink(const vigie_result_sink* s) : sink_(s) {}
  void value(const std::string& kpi, uint32_t period,
             std::optional<double> v) const {
    sink_->value(sink_->context, kpi.c_str(), period, v ? 1 : 0, v ? *v : 0.0);
  }
  void table(const std::string& kpi, Table&& t) const {
    ArrowArray array;
    ArrowSchema schema;
    export_table(std::move(t), &array, &schema);
    sink_->table(sink_->context, kpi.c_str(), &schema, &array);
    if (array.release) array.release(&array);
    if (schema.release) schema.release(&schema);
  }
  // A remark as prose, written by the plugin in request.locale's
  // language: for plugins whose words are not in the engine's catalog.
  void note(const std::string& kpi, const std::string& text) const {
    sink_->note(sink_->context, kpi.c_str(), text.c_str());
  }
  // Whether the engine takes messages (ABI 1.1 and later).
  bool takes_messages() const {
    return sink_->struct_size >=
               offsetof(vigie_result_sink, message) + sizeof(sink_->message) &&
           sink_->message != nullptr;
  }
  // A remark as a message id of the engine's catalog and its values
  // (docs/architecture.md, "An indicator"); the engine writes it in the
  // report's language. Throws on an engine older than ABI 1.1 (which
  // refuses to load a 1.1 plugin anyway).
  void message(const std::string& kpi, const std::string& id,
               std::initializer_list<MessageArg> args = {}) const {
    if (!takes_messages())
      throw std::runtime_error(
          "the engine takes no message ids (ABI 1.0): "
          "cannot give the note '" +
          id + "'");
    std::vector<vigie_message_arg> c_args;
    c_args.reserve(args.size());
    for (const MessageArg& a : args)
      c_args.push_back({sizeof(vigie_message_arg), a.type, a.name.c_str(),
                        a.number, a.timestamp_us, a.text.c_str()});
    sink_->message(sink_->context, kpi.c_str(), id.c_str(),
                   static_cast<uint32_t>(c_args.size()), c_args.data());
  }

 private:
  const vigie_result_sink* sink_;
};

class Indicator {
 public:
  virtual ~Indicator() = default;
  virtual void compute(const Request& request, const Sink& sink) = 0;
};

namespace detail {

template <class I>
struct IndicatorAdapter {
  static int32_t create(const vigie_config* parameters, void** instance,
                        vigie_error* error) {
    return guarded(error, [&] { *instance = new I(Config(parameters)); });
  }
  static int32_t compute(void* instance, const vigie_compute_request* req,
                         const vigie_result_sink* sink, vigie_error* error) {
    return guarded(error, [&] {
      Request r;
      for (uint32_t i = 0; i < req->dataset_count; ++i)
        r.datasets.emplace_back(
            req->datasets[i].name,
            TableView(req->datasets[i].schema, req->datasets[i].array));
      r.periods.assign(req->periods, req->periods + req->period_count);
      r.current = req->current;
      r.previous = req->current > 0 ? req->current - 1 : req->current;
      if (req->struct_size >= offsetof(vigie_compute_request, previous) +
                                  sizeof(req->previous) &&
          req->previous < req->period_count)
        r.previous = req->previous;
      for (uint32_t i = 0; i < req->kpi_count; ++i)
        r.kpis.emplace_back(req->kpis[i]);
      if (req->struct_size >=
              offsetof(vigie_compute_request, locale) + sizeof(req->locale) &&
          req->locale != nullptr)
        r.locale = req->locale;
      if (req->struct_size >= offsetof(vigie_compute_request, time_zone) +
                                  sizeof(req->time_zone) &&
          req->time_zone != nullptr)
        r.time_zone = req->time_zone;
      static_cast<I*>(instance)->compute(r, Sink(sink));
    });
  }
  static void destroy(void* instance) { delete static_cast<I*>(instance); }
  static constexpr vigie_indicator_api api{sizeof(vigie_indicator_api), &create,
                                           &compute, &destroy};
};

}  // namespace detail

// A descriptor's table given as an array, a std::array or nullptr (none).
template <class T>
constexpr std::span<const T> entries(std::span<const T> table) {
  return table;
}
template <class T>
constexpr std::span<const T> entries(std::nullptr_t) {
  return {};
}

// The descriptor every plugin macro exports: this ABI's version, the
// plugin's kind and words, its tables and its function table.
constexpr vigie_plugin_info plugin_info(vigie_plugin_kind kind,
                                        const char* name, const char* version,
                                        const char* summary,
                                        std::span<const vigie_option> options,
                                        std::span<const vigie_output> outputs,
                                        std::span<const vigie_input> inputs,
                                        const void* api) {
  auto data = [](auto table) { return table.empty() ? nullptr : table.data(); };
  return vigie_plugin_info{sizeof(vigie_plugin_info),
                           VIGIE_ABI_MAJOR,
                           VIGIE_ABI_MINOR,
                           kind,
                           name,
                           version,
                           summary,
                           static_cast<uint32_t>(options.size()),
                           data(options),
                           static_cast<uint32_t>(outputs.size()),
                           data(outputs),
                           static_cast<uint32_t>(inputs.size()),
                           data(inputs),
                           api};
}

}  // namespace vigie::sdk

#define VIGIE_SDK_EXPORT extern "C" __attribute__((visibility("default")))

// Defines the plugin's info function for a connector class.
#define VIGIE_CONNECTOR_PLUGIN(Class, name, version, summary, options)    \
  VIGIE_SDK_EXPORT const vigie_plugin_info* vigie_get_plugin_info(void) { \
    static constexpr vigie_plugin_info info = ::vigie::sdk::plugin_info(  \
        VIGIE_KIND_CONNECTOR, name, version, summary,                     \
        ::vigie::sdk::entries<vigie_option>(options), {}, {},             \
        &::vigie::sdk::detail::ConnectorAdapter<Class>::api);             \
    return &info;                                                         \
  }

// Defines the plugin's info function for an indicator class written on
// vigie::sdk::Indicator, its tables as vigie_option, vigie_output and
// vigie_input arrays (or nullptr). An indicator made of declared KPIs uses
// VIGIE_KPI_INDICATOR_PLUGIN (kpi.hpp).
#define VIGIE_INDICATOR_PLUGIN(Class, name, version, summary, options,    \
                               outputs, inputs)                           \
  VIGIE_SDK_EXPORT const vigie_plugin_info* vigie_get_plugin_info(void) { \
    static constexpr vigie_plugin_info info = ::vigie::sdk::plugin_info(  \
        VIGIE_KIND_INDICATOR, name, version, summary,                     \
        ::vigie::sdk::entries<vigie_option>(options),                     \
        ::vigie::sdk::entries<vigie_output>(outputs),                     \
        ::vigie::sdk::entries<vigie_input>(inputs),                       \
        &::vigie::sdk::detail::IndicatorAdapter<Class>::api);             \
    return &info;                                                         \
  }
