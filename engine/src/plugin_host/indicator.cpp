#include "plugin_host/indicator.hpp"

#include <fmt/format.h>

#include <cmath>

#include "locale/catalog.hpp"
#include "plugin_host/arrow_import.hpp"
#include "plugin_host/plugin_config.hpp"
#include "plugin_host/plugin_error.hpp"
#include "vigie/sdk/declared_columns.hpp"

namespace vigie::plugin_host {
namespace {

// Collects what the plugin hands back; the first problem is kept and
// reported once compute returns (a C callback must not throw).
struct Collector {
  const vigie_plugin_info* info;
  size_t periods;
  const locale::Locale* locale;
  IndicatorResults results;
  std::string problem;

  const vigie_output* output(const char* kpi) const {
    for (uint32_t i = 0; i < info->output_count; ++i)
      if (std::string_view(info->outputs[i].id) == kpi)
        return &info->outputs[i];
    return nullptr;
  }
  void complain(std::string text) {
    if (problem.empty()) problem = std::move(text);
  }

  static void on_value(void* ctx, const char* kpi, uint32_t period,
                       int32_t has_value, double value) {
    auto* self = static_cast<Collector*>(ctx);
    const vigie_output* out = self->output(kpi);
    if (out == nullptr || out->kind != VIGIE_OUTPUT_VALUE)
      return self->complain(
          fmt::format("gave a value for '{}', which is not "
                      "one of its value KPIs",
                      kpi));
    if (period >= self->periods)
      return self->complain(fmt::format("gave '{}' for period {} of {}", kpi,
                                        period, self->periods));
    if (has_value && !std::isfinite(value))
      return self->complain(
          fmt::format("gave a non-finite value for '{}'", kpi));
    auto& series = self->results.values[kpi];
    series.resize(self->periods);
    series[period] = has_value ? std::optional<double>(value) : std::nullopt;
  }

  static void on_table(void* ctx, const char* kpi, ArrowSchema* schema,
                       ArrowArray* array) {
    auto* self = static_cast<Collector*>(ctx);
    // The engine takes ownership: release whatever happens.
    ArrowSchema s = *schema;
    ArrowArray a = *array;
    schema->release = nullptr;
    array->release = nullptr;
    const vigie_output* out = self->output(kpi);
    if (out == nullptr || out->kind == VIGIE_OUTPUT_VALUE) {
      self->complain(fmt::format(
          "gave a table for '{}', which is not one of its table or list KPIs",
          kpi));
    } else {
      try {
        Table table = import_table(s, a);
        if (auto problem = sdk::undeclared_columns(*out, table))
          self->complain(
              fmt::format("gave a table for '{}' that does not "
                          "match its declaration: {}",
                          kpi, *problem));
        else
          self->results.tables[kpi] = std::move(table);
      } catch (const std::exception& e) {
        self->complain(
            fmt::format("gave a bad table for '{}': {}", kpi, e.what()));
      }
    }
    if (a.release) a.release(&a);
    if (s.release) s.release(&s);
  }

  static void on_note(void* ctx, const char* kpi, const char* text) {
    auto* self = static_cast<Collector*>(ctx);
    self->results.notes[kpi ? kpi : ""].emplace_back(text ? text : "");
  }

  // A value of a message, read in the plugin's own entry layout.
  static locale::Arg arg_of(const vigie_message_arg& a) {
    const std::string name = a.name ? a.name : "";
    switch (a.type) {
      case VIGIE_ARG_NUMBER:
        return locale::Arg::of_number(name, locale::ArgType::Number, a.number);
      case VIGIE_ARG_COUNT:
        return locale::Arg::of_number(name, locale::ArgType::Count, a.number);
      case VIGIE_ARG_HOURS:
        return locale::Arg::of_number(name, locale::ArgType::Hours, a.number);
      case VIGIE_ARG_PERCENT:
        return locale::Arg::of_number(name, locale::ArgType::Percent, a.number);
      case VIGIE_ARG_MONEY:
        return locale::Arg::of_number(name, locale::ArgType::Money, a.number);
      case VIGIE_ARG_TEXT:
        return locale::Arg::of_text(name, a.text ? a.text : "");
      case VIGIE_ARG_TIMESTAMP:
        return locale::Arg::of_instant(name, a.timestamp_us);
      default:
        throw std::invalid_argument(
            fmt::format("value '{}' has an unknown type {}", name, a.type));
    }
  }

  static void on_message(void* ctx, const char* kpi, const char* id,
                         uint32_t arg_count, const vigie_message_arg* args) {
    auto* self = static_cast<Collector*>(ctx);
    const std::string message_id = id ? id : "";
    try {
      std::vector<locale::Arg> values;
      // Entries are stepped by the plugin's own struct_size, so that a
      // later minor may grow them.
      const auto* at = reinterpret_cast<const char*>(args);
      for (uint32_t i = 0; i < arg_count; ++i) {
        const auto* a = reinterpret_cast<const vigie_message_arg*>(at);
        if (a->struct_size < sizeof(vigie_message_arg))
          throw std::invalid_argument(
              fmt::format("value {} has struct_size {}, less than ABI 1.1's {}",
                          i, a->struct_size, sizeof(vigie_message_arg)));
        values.push_back(arg_of(*a));
        at += a->struct_size;
      }
      self->results.notes[kpi ? kpi : ""].push_back(
          locale::message(*self->locale, message_id, values));
    } catch (const locale::UnknownMessage&) {
      self->complain(fmt::format(
          "gave the note '{}', which is no message id of the engine's catalog",
          message_id));
    } catch (const std::exception& e) {
      self->complain(
          fmt::format("gave the note '{}' wrongly: {}", message_id, e.what()));
    }
  }
};

}  // namespace

Indicator::Indicator(std::shared_ptr<const Library> library,
                     const std::map<std::string, std::string>& parameters,
                     std::string who)
    : library_(std::move(library)),
      api_(static_cast<const vigie_indicator_api*>(library_->info().api)),
      who_(std::move(who)) {
  if (library_->info().kind != VIGIE_KIND_INDICATOR)
    throw PluginError(fmt::format("{}: is not an indicator", who_));
  PluginConfig c(parameters);
  vigie_error error{};
  if (api_->create(c.get(), &instance_, &error) != VIGIE_OK)
    throw PluginError(
        fmt::format("{}: rejected its parameters: {}", who_, error.message));
}

Indicator::~Indicator() {
  if (instance_) api_->destroy(instance_);
}

IndicatorResults Indicator::compute(
    const std::vector<InputDataset>& datasets,
    const std::vector<RequestPeriod>& request_periods, uint32_t current,
    const std::vector<std::string>& kpis, const locale::Locale& locale,
    std::optional<uint32_t> previous) const {
  // Lend each table as Arrow for the call; released right after.
  struct Lent {
    ArrowSchema schema{};
    ArrowArray array{};
    ~Lent() {
      if (array.release) array.release(&array);
      if (schema.release) schema.release(&schema);
    }
  };
  std::vector<Lent> lent(datasets.size());
  std::vector<vigie_dataset> inputs;
  for (size_t i = 0; i < datasets.size(); ++i) {
    export_table(datasets[i].table, &lent[i].array, &lent[i].schema);
    inputs.push_back(
        {datasets[i].name.c_str(), &lent[i].schema, &lent[i].array});
  }
  std::vector<const char*> kpi_ids;
  for (const auto& k : kpis) kpi_ids.push_back(k.c_str());
  std::vector<vigie_period> periods;
  for (const auto& p : request_periods)
    periods.push_back({p.start_us, p.end_us});

  vigie_compute_request request{
      sizeof(vigie_compute_request),
      static_cast<uint32_t>(inputs.size()),
      inputs.data(),
      static_cast<uint32_t>(periods.size()),
      periods.data(),
      current,
      static_cast<uint32_t>(kpi_ids.size()),
      kpi_ids.data(),
      locale.name().c_str(),
      locale.time_zone().c_str(),
      previous.value_or(current > 0 ? current - 1 : current)};
  Collector collector{&library_->info(), periods.size(), &locale, {}, {}};
  vigie_result_sink sink{sizeof(vigie_result_sink), &collector,
                         &Collector::on_value,      &Collector::on_table,
                         &Collector::on_note,       &Collector::on_message};
  vigie_error error{};
  if (api_->compute(instance_, &request, &sink, &error) != VIGIE_OK)
    throw PluginError(fmt::format("{}: failed: {}", who_, error.message));
  if (!collector.problem.empty())
    throw PluginError(fmt::format("{}: {}", who_, collector.problem));
  return std::move(collector.results);
}

}  // namespace vigie::plugin_host
