// Loads a built plugin module the way the engine does (dlopen, then
// vigie_get_plugin_info) and drives it through its C function tables, so
// that a test sees exactly what the engine will: the descriptor, a
// connector's batches, an indicator's values. Nothing of the engine is
// needed: only the SDK's headers and the C ABI.
#pragma once

#include <dlfcn.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <vigie/sdk.hpp>

namespace plugin_test {

// A step of the plugin that did not return VIGIE_OK: which step, its
// status (VIGIE_ERROR, VIGIE_RETRYABLE, or an errno from a stream) and the
// plugin's message.
class PluginFailure : public std::runtime_error {
 public:
  PluginFailure(std::string step, int status, const std::string& message)
      : std::runtime_error(step + ": " + message),
        step_(std::move(step)),
        status_(status),
        message_(message) {}
  const std::string& step() const { return step_; }
  int status() const { return status_; }
  const std::string& message() const { return message_; }

 private:
  std::string step_;
  int status_;
  std::string message_;
};

class PluginModule {
 public:
  // RTLD_NOW, as the engine: a symbol the module lacks fails here.
  explicit PluginModule(const std::string& file)
      : handle_(dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL)) {
    if (handle_ == nullptr) throw std::runtime_error(dlerror());
    auto* get_info = reinterpret_cast<vigie_plugin_info_fn>(
        dlsym(handle_, VIGIE_PLUGIN_INFO_SYMBOL));
    if (get_info == nullptr)
      throw std::runtime_error(file + " exports no " VIGIE_PLUGIN_INFO_SYMBOL);
    info_ = get_info();
  }
  // Never dlclose'd, as in the engine: unloading a module whose
  // thread-local destructors or atexit handlers are pending crashes at exit.
  PluginModule(const PluginModule&) = delete;
  PluginModule& operator=(const PluginModule&) = delete;

  const vigie_plugin_info& info() const { return *info_; }

 private:
  void* handle_;
  const vigie_plugin_info* info_ = nullptr;
};

using Settings = std::map<std::string, std::string>;

// The engine hands options as text entries "key" = "value".
class ConfigEntries {
 public:
  explicit ConfigEntries(const Settings& settings) {
    for (const auto& [key, value] : settings)
      items_.push_back({key.c_str(), value.c_str()});
    config_ = {sizeof(vigie_config), static_cast<uint32_t>(items_.size()),
               items_.data()};
  }
  const vigie_config* get() const { return &config_; }

 private:
  std::vector<vigie_kv> items_;
  vigie_config config_{};
};

// ---- connectors -------------------------------------------------------

// A row as text: each column's value, nothing for a null; `_line` as its
// number written in decimal.
using Row = std::map<std::string, std::optional<std::string>>;

struct ConnectorResult {
  std::string origin;
  std::vector<std::string> columns;  // the stream's schema, in order
  std::vector<Row> rows;
  int batches = 0;
};

inline std::optional<std::string> text_at(const vigie::ColumnView& column,
                                          int64_t row) {
  if (!column.is_valid(row)) return std::nullopt;
  switch (column.type()) {
    case vigie::Type::String:
    case vigie::Type::Dictionary:
      return std::string(column.string_at(row));
    case vigie::Type::Int64:
      return std::to_string(column.ints()[row]);
    default:
      return std::to_string(column.number_at(row));
  }
}

// create, open, every batch until the end, destroy: what the engine does
// with a source. A step that fails throws PluginFailure.
inline ConnectorResult read_connector(const PluginModule& module,
                                      const Settings& settings) {
  if (module.info().kind != VIGIE_KIND_CONNECTOR)
    throw std::runtime_error("the module is not a connector");
  const auto* api = static_cast<const vigie_connector_api*>(module.info().api);
  ConfigEntries config(settings);
  vigie_error error{};
  void* instance = nullptr;
  if (int status = api->create(config.get(), &instance, &error))
    throw PluginFailure("create", status, error.message);
  struct Instance {
    const vigie_connector_api* api;
    void* object;
    ~Instance() { api->destroy(object); }
  } owned{api, instance};

  ConnectorResult result;
  result.origin = api->origin(instance);
  ArrowArrayStream stream{};
  if (int status = api->open(instance, &stream, &error))
    throw PluginFailure("open", status, error.message);
  struct Stream {
    ArrowArrayStream* s;
    ~Stream() { s->release(s); }
  } owned_stream{&stream};
  auto failure = [&](const char* step, int code) {
    const char* why = stream.get_last_error(&stream);
    return PluginFailure(step, code, why ? why : "(no message)");
  };

  ArrowSchema schema{};
  if (int code = stream.get_schema(&stream, &schema))
    throw failure("get_schema", code);
  struct Schema {
    ArrowSchema* s;
    ~Schema() { s->release(s); }
  } owned_schema{&schema};
  for (int64_t c = 0; c < schema.n_children; ++c)
    result.columns.emplace_back(schema.children[c]->name);

  for (;;) {
    ArrowArray batch{};
    if (int code = stream.get_next(&stream, &batch))
      throw failure("get_next", code);
    if (batch.release == nullptr) break;  // the end of the source
    struct Batch {
      ArrowArray* a;
      ~Batch() { a->release(a); }
    } owned_batch{&batch};
    ++result.batches;
    const vigie::TableView view(&schema, &batch);
    for (int64_t r = 0; r < view.rows(); ++r) {
      Row row;
      for (const auto& column : view.columns())
        row[column.name()] = text_at(column, r);
      result.rows.push_back(std::move(row));
    }
  }
  return result;
}

// ---- indicators -------------------------------------------------------

// What the engine lends an indicator: canonical datasets typed as the
// engine types them (timestamps in microseconds UTC, ints, decimals at
// 10^4, ids as dictionary codes), the periods oldest first, the KPIs asked.
struct ComputeInput {
  std::vector<std::pair<std::string, vigie::Table>> datasets;
  std::vector<vigie_period> periods;
  uint32_t current = 0;   // the report period P
  uint32_t previous = 0;  // P', the period P is compared with
  std::vector<std::string> kpis;
  std::string locale = "en_GB";
  std::string time_zone = "UTC";
};

struct ComputeResult {
  // Each value KPI's value a period (nothing: no value).
  std::map<std::string, std::map<uint32_t, std::optional<double>>> values;
  std::map<std::string, int> tables;  // rows of each table KPI
  std::vector<std::string> notes;     // prose notes and message ids
};

namespace detail {

inline void take_value(void* context, const char* kpi, uint32_t period,
                       int32_t has_value, double value) {
  auto* result = static_cast<ComputeResult*>(context);
  result->values[kpi][period] =
      has_value ? std::optional<double>(value) : std::nullopt;
}
inline void take_table(void* context, const char* kpi, ArrowSchema* schema,
                       ArrowArray* array) {
  static_cast<ComputeResult*>(context)->tables[kpi] =
      static_cast<int>(array->length);
  array->release(array);
  schema->release(schema);
}
inline void take_note(void* context, const char*, const char* text) {
  static_cast<ComputeResult*>(context)->notes.emplace_back(text);
}
inline void take_message(void* context, const char*, const char* id, uint32_t,
                         const vigie_message_arg*) {
  static_cast<ComputeResult*>(context)->notes.emplace_back(id);
}

}  // namespace detail

// create with `parameters`, compute once, destroy. A step that fails
// throws PluginFailure.
inline ComputeResult compute_indicator(const PluginModule& module,
                                       const Settings& parameters,
                                       ComputeInput input) {
  if (module.info().kind != VIGIE_KIND_INDICATOR)
    throw std::runtime_error("the module is not an indicator");
  const auto* api = static_cast<const vigie_indicator_api*>(module.info().api);

  // The datasets as Arrow, released when this function returns.
  struct Exported {
    ArrowArray array{};
    ArrowSchema schema{};
    ~Exported() {
      if (array.release) array.release(&array);
      if (schema.release) schema.release(&schema);
    }
  };
  std::vector<Exported> exported(input.datasets.size());
  std::vector<vigie_dataset> datasets;
  for (size_t i = 0; i < input.datasets.size(); ++i) {
    vigie::export_table(std::move(input.datasets[i].second), &exported[i].array,
                        &exported[i].schema);
    datasets.push_back({input.datasets[i].first.c_str(), &exported[i].schema,
                        &exported[i].array});
  }
  std::vector<const char*> kpis;
  for (const auto& kpi : input.kpis) kpis.push_back(kpi.c_str());
  const vigie_compute_request request{
      sizeof(vigie_compute_request),
      static_cast<uint32_t>(datasets.size()),
      datasets.data(),
      static_cast<uint32_t>(input.periods.size()),
      input.periods.data(),
      input.current,
      static_cast<uint32_t>(kpis.size()),
      kpis.data(),
      input.locale.c_str(),
      input.time_zone.c_str(),
      input.previous};

  ComputeResult result;
  const vigie_result_sink sink{
      sizeof(vigie_result_sink), &result,
      &detail::take_value,       &detail::take_table,
      &detail::take_note,        &detail::take_message};
  ConfigEntries config(parameters);
  vigie_error error{};
  void* instance = nullptr;
  if (int status = api->create(config.get(), &instance, &error))
    throw PluginFailure("create", status, error.message);
  const int status = api->compute(instance, &request, &sink, &error);
  api->destroy(instance);
  if (status != VIGIE_OK) throw PluginFailure("compute", status, error.message);
  return result;
}

}  // namespace plugin_test
