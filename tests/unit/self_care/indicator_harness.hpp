// Runs an indicator plugin the way the engine does: dlopen the built .so,
// read its descriptor, create an instance from text parameters, compute
// over tables exported as Arrow, and collect what it hands the sink.
#pragma once

#include <dlfcn.h>

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "vigie/sdk.hpp"

namespace vigie::testing {

// A table the plugin handed over: the harness owns its Arrow structs.
class ReceivedTable {
 public:
  ReceivedTable(ArrowSchema* schema, ArrowArray* array)
      : schema_(*schema), array_(*array) {
    schema->release = nullptr;  // moved: the releases are ours now
    array->release = nullptr;
    view_ = TableView(&schema_, &array_);
  }
  ReceivedTable(const ReceivedTable&) = delete;
  ReceivedTable& operator=(const ReceivedTable&) = delete;
  ~ReceivedTable() {
    if (array_.release) array_.release(&array_);
    if (schema_.release) schema_.release(&schema_);
  }
  const TableView& view() const { return view_; }
  const ColumnView& column(const std::string& name) const {
    return view_.column(name);
  }

 private:
  ArrowSchema schema_;
  ArrowArray array_;
  TableView view_;
};

struct Results {
  std::map<std::pair<std::string, uint32_t>, std::optional<double>> values;
  int value_calls = 0;
  std::map<std::string, std::unique_ptr<ReceivedTable>> tables;
  std::map<std::string, std::string> notes;

  bool has(const std::string& kpi, uint32_t period) const {
    return values.count({kpi, period}) != 0;
  }
  // The value emitted for (kpi, period); throws if none was emitted.
  std::optional<double> value(const std::string& kpi, uint32_t period) const {
    auto it = values.find({kpi, period});
    if (it == values.end())
      throw std::runtime_error("no value emitted for " + kpi + " period " +
                               std::to_string(period));
    return it->second;
  }
  const ReceivedTable& table(const std::string& kpi) const {
    auto it = tables.find(kpi);
    if (it == tables.end())
      throw std::runtime_error("no table emitted for " + kpi);
    return *it->second;
  }
};

class IndicatorPlugin {
 public:
  explicit IndicatorPlugin(const std::string& path) {
    handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) throw std::runtime_error(dlerror());
    auto get_info = reinterpret_cast<vigie_plugin_info_fn>(
        dlsym(handle_, VIGIE_PLUGIN_INFO_SYMBOL));
    if (get_info == nullptr) throw std::runtime_error("no info symbol");
    info_ = get_info();
    api_ = static_cast<const vigie_indicator_api*>(info_->api);
  }
  IndicatorPlugin(const IndicatorPlugin&) = delete;
  IndicatorPlugin& operator=(const IndicatorPlugin&) = delete;
  ~IndicatorPlugin() { dlclose(handle_); }

  const vigie_plugin_info& info() const { return *info_; }

  // Creates an instance; on failure returns the status and the message.
  std::pair<int32_t, std::string> try_create(
      const std::map<std::string, std::string>& parameters,
      void** instance) const {
    std::vector<vigie_kv> items;
    for (const auto& [k, v] : parameters)
      items.push_back({k.c_str(), v.c_str()});
    vigie_config config{sizeof(vigie_config),
                        static_cast<uint32_t>(items.size()), items.data()};
    vigie_error error{};
    int32_t status = api_->create(&config, instance, &error);
    return {status, error.message};
  }

  // Exports the datasets, computes, and returns what reached the sink.
  Results run(const std::map<std::string, std::string>& parameters,
              std::vector<std::pair<std::string, Table>> datasets,
              const std::vector<vigie_period>& periods,
              uint32_t current) const {
    void* instance = nullptr;
    auto [status, message] = try_create(parameters, &instance);
    if (status != VIGIE_OK) throw std::runtime_error("create: " + message);

    std::vector<ArrowSchema> schemas(datasets.size());
    std::vector<ArrowArray> arrays(datasets.size());
    std::vector<vigie_dataset> exported;
    for (size_t i = 0; i < datasets.size(); ++i) {
      export_table(std::move(datasets[i].second), &arrays[i], &schemas[i]);
      exported.push_back({datasets[i].first.c_str(), &schemas[i], &arrays[i]});
    }
    vigie_compute_request request{sizeof(vigie_compute_request),
                                  static_cast<uint32_t>(exported.size()),
                                  exported.data(),
                                  static_cast<uint32_t>(periods.size()),
                                  periods.data(),
                                  current,
                                  0,
                                  nullptr};
    Results results;
    vigie_result_sink sink{sizeof(vigie_result_sink), &results, &on_value,
                           &on_table, &on_note};
    vigie_error error{};
    status = api_->compute(instance, &request, &sink, &error);
    api_->destroy(instance);
    for (size_t i = 0; i < datasets.size(); ++i) {
      arrays[i].release(&arrays[i]);
      schemas[i].release(&schemas[i]);
    }
    if (status != VIGIE_OK)
      throw std::runtime_error(std::string("compute: ") + error.message);
    return results;
  }

 private:
  static void on_value(void* context, const char* kpi, uint32_t period,
                       int32_t has_value, double value) {
    auto* r = static_cast<Results*>(context);
    ++r->value_calls;
    r->values[{kpi, period}] =
        has_value ? std::optional<double>(value) : std::nullopt;
  }
  static void on_table(void* context, const char* kpi, ArrowSchema* schema,
                       ArrowArray* array) {
    auto* r = static_cast<Results*>(context);
    r->tables[kpi] = std::make_unique<ReceivedTable>(schema, array);
  }
  static void on_note(void* context, const char* kpi, const char* text) {
    static_cast<Results*>(context)->notes[kpi] = text;
  }

  void* handle_ = nullptr;
  const vigie_plugin_info* info_ = nullptr;
  const vigie_indicator_api* api_ = nullptr;
};

}  // namespace vigie::testing
