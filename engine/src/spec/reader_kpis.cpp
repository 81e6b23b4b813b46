#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include "derive/catalog.hpp"
#include "spec/options.hpp"
#include "spec/suggest.hpp"
#include "table/canonical.hpp"

namespace vigie::spec {
namespace {

std::vector<std::string> output_ids(const PluginDescriptor& plugin) {
  std::vector<std::string> ids;
  for (const auto& output : plugin.outputs) ids.push_back(output.id);
  return ids;
}

// Parameter values of all KPIs together, once report-wide ones are
// copied into each KPI: bounds the memory a short spec can ask for (a
// large map parameter times many KPIs).
constexpr std::size_t kMaxParameterValues = 100000;

}  // namespace

std::vector<Kpi> SpecReader::read_kpis(const Cursor& at) {
  std::vector<Kpi> kpis;
  if (!doc_.expect_list(at)) return kpis;
  UniqueIds ids("KPI");
  for (const auto& item : doc_.items(at)) {
    std::optional<Cursor> id_at;
    std::optional<OutputKind> kind;
    kpis.push_back(read_kpi(item, id_at, kind));
    const std::string& id = kpis.back().id;
    if (id_at && !id.empty() && ids.add(doc_, *id_at, id)) {
      kpi_kinds_[id] = kind;
      if (const auto* indicator = kpi_contexts_.back().indicator) {
        if (const auto* output = indicator->find_output(kpis.back().output))
          kpi_outputs_[id] = output;
      } else if (kpis.back().metric) {
        if (const auto* output = metric_output(kpis.back()))
          kpi_outputs_[id] = output;
      }
    }
  }
  return kpis;
}

Kpi SpecReader::read_kpi(const Cursor& at, std::optional<Cursor>& id_at,
                         std::optional<OutputKind>& kind) {
  Kpi kpi;
  kpi.location = doc_.where(at);
  KpiContext context{at, std::nullopt, nullptr};
  if (doc_.expect_map(at, "a KPI: a map with id and indicator")) {
    Fields f(doc_, at,
             {"id", "output", "indicator", "metric", "label", "parameters",
              "target"});
    id_at = f.required("id",
                       "the id of one of the indicator's outputs, or a name "
                       "of the report's with `output:` naming the output");
    read_id(kpi.id, id_at);
    if (auto metric_at = f.optional("metric")) {
      // Computed by the engine from the spec's words: nothing of a plugin.
      for (const char* key : {"indicator", "output", "parameters"})
        if (auto k = f.optional(key))
          doc_.error(*k, fmt::format("a KPI has either `indicator:` or "
                                     "`metric:`; `{}:` goes with an "
                                     "indicator",
                                     key));
      kpi.output = kpi.id;
      context.metric = true;
      kpi.metric = read_metric(*metric_at, kpi.id, kind);
      doc_.assign(kpi.label, f.optional("label"));
      if (auto t = f.optional("target")) kpi.target = read_target(*t);
      kpi_contexts_.push_back(context);
      return kpi;
    }
    // `output:` lets one output appear under several ids, each with its
    // own parameters (two funnels of one indicator, say).
    std::optional<Cursor> output_at = f.optional("output");
    if (output_at)
      read_id(kpi.output, output_at);
    else
      output_at = id_at;
    if (kpi.output.empty()) kpi.output = kpi.id;
    if (auto i = f.required("indicator",
                            "the name of an indicator plugin, or a metric "
                            "written in the spec under `metric:`")) {
      context.indicator = read_plugin(*i, PluginKind::Indicator, kpi.indicator);
      if (context.indicator != nullptr) check_inputs(*i, *context.indicator);
    }
    doc_.assign(kpi.label, f.optional("label"));
    if (context.indicator != nullptr && output_at && !kpi.output.empty())
      kind = output_kind(*output_at, *context.indicator, kpi.output);
    context.parameters = f.optional("parameters");
    if (auto t = f.optional("target")) kpi.target = read_target(*t);
  }
  kpi_contexts_.push_back(context);
  return kpi;
}

void SpecReader::check_inputs(const Cursor& at,
                              const PluginDescriptor& indicator) {
  if (!inputs_checked_.insert(indicator.name).second) return;
  for (const auto& input : indicator.inputs) {
    const std::string_view name = input.dataset;
    if (!input.required || table::find_dataset(name) ||
        derive::find_derived(name))
      continue;
    std::vector<std::string> derived;
    for (const auto& d : derive::derived_datasets())
      derived.emplace_back(d.name);
    doc_.error(at, fmt::format("{} needs dataset '{}', which is neither a "
                               "canonical dataset ({}) nor a derived one "
                               "({})",
                               plugin_label(indicator), name,
                               join(dataset_names()), join(derived)));
  }
}

std::optional<OutputKind> SpecReader::output_kind(
    const Cursor& at, const PluginDescriptor& indicator,
    const std::string& id) {
  if (const auto* output = indicator.find_output(id)) return output->kind;
  auto ids = output_ids(indicator);
  doc_.error(at, fmt::format("{} has no output '{}';{} its outputs: {}",
                             plugin_label(indicator), id, did_you_mean(id, ids),
                             join(ids)));
  return std::nullopt;
}

std::optional<Target> SpecReader::read_target(const Cursor& at) {
  if (!doc_.expect_map(at, "a map with value, direction, warning, alert"))
    return std::nullopt;
  Fields f(doc_, at, {"value", "direction", "warning", "alert"});
  Target target;
  std::optional<double> objective;
  if (auto v = f.required("value", "a number")) objective = doc_.number(*v);
  target.objective = objective.value_or(0);
  if (auto d = f.optional("direction"))
    if (auto i = doc_.choice(*d, {"higher", "lower"}))
      target.direction = *i == 0 ? Direction::Higher : Direction::Lower;
  auto warning_at = f.optional("warning");
  auto alert_at = f.optional("alert");
  if (warning_at) target.warning = doc_.number(*warning_at);
  if (alert_at) target.alert = doc_.number(*alert_at);
  if (objective) check_zones(target, warning_at, alert_at);
  return target;
}

void SpecReader::check_zones(const Target& target,
                             const std::optional<Cursor>& warning_at,
                             const std::optional<Cursor>& alert_at) {
  bool higher = target.direction == Direction::Higher;
  auto out_of_order = [&](double low, double high) {
    return higher ? low > high : low < high;
  };
  const char* bound = higher ? "at most" : "at least";
  const char* direction = higher ? "higher" : "lower";
  if (target.warning && out_of_order(*target.warning, target.objective))
    doc_.error(*warning_at,
               fmt::format("expected {} the target value when direction "
                           "is {}",
                           bound, direction));
  double warning = target.warning.value_or(target.objective);
  if (target.alert && out_of_order(*target.alert, warning))
    doc_.error(*alert_at,
               fmt::format("expected {} the warning threshold (or the "
                           "value when there is none) when direction is {}",
                           bound, direction));
}

std::map<std::string, const PluginDescriptor*> SpecReader::used_indicators()
    const {
  std::map<std::string, const PluginDescriptor*> used;
  for (const auto& c : kpi_contexts_)
    if (c.indicator != nullptr) used[c.indicator->name] = c.indicator;
  return used;
}

bool SpecReader::all_indicators_known() const {
  for (const auto& c : kpi_contexts_)
    if (c.indicator == nullptr && !c.metric) return false;
  return true;
}

Settings SpecReader::read_report_parameters(const std::optional<Cursor>& at) {
  Settings out;
  if (!at || !doc_.expect_map(*at, "a map of parameters")) return out;
  auto used = used_indicators();
  std::set<std::string> declared_set;
  for (const auto& [name, indicator] : used)
    for (auto& key : option_keys(*indicator)) declared_set.insert(key);
  std::vector<std::string> declared(declared_set.begin(), declared_set.end());
  const bool indicators_known = all_indicators_known();
  for (const auto& e : doc_.entries(*at)) {
    std::vector<const OptionDescriptor*> options;
    for (const auto& [name, indicator] : used)
      if (const auto* o = find_option(*indicator, e.key)) options.push_back(o);
    if (options.empty() && indicators_known) {
      std::vector<std::string> names;
      for (const auto& [name, indicator] : used) names.push_back(name);
      doc_.error(e.key_at,
                 fmt::format("parameter '{}' is not declared by any "
                             "indicator of this spec ({});{} their "
                             "parameters: {}",
                             e.key, join(names), did_you_mean(e.key, declared),
                             join(declared)));
      continue;
    }
    Cursor value = e.value;
    value.environment = true;  // options are where secrets go
    for (const auto* o : options) value.sensitive |= o->secret;
    for (const auto* o : options) check_type(doc_, value, *o);
    flatten(doc_, value, e.key, value.sensitive, out);
    out.locations[e.key] = doc_.where(value);
  }
  return out;
}

void SpecReader::resolve_kpi_parameters(Spec& spec) {
  std::size_t values = 0;  // in all KPIs so far
  for (std::size_t i = 0; i < spec.kpis.size(); ++i) {
    Settings& out = spec.kpis[i].parameters;
    resolve_parameters(spec, kpi_contexts_[i], out);
    values += out.values.size();
    if (values > kMaxParameterValues) {
      doc_.error(kpi_contexts_[i].map,
                 fmt::format("the KPIs' parameters add up to more than {} "
                             "values (report-wide parameters are copied "
                             "into each KPI of their indicator): use fewer "
                             "KPIs or smaller map and list parameters",
                             kMaxParameterValues));
      return;
    }
  }
}

void SpecReader::resolve_parameters(const Spec& spec, const KpiContext& context,
                                    Settings& out) {
  if (context.indicator == nullptr) {
    if (context.parameters && doc_.expect_map(*context.parameters))
      for (const auto& e : doc_.entries(*context.parameters))
        flatten(doc_, e.value, e.key, false, out);
    return;
  }
  const PluginDescriptor& indicator = *context.indicator;
  for (const auto& key : option_keys(indicator))
    copy_option(spec.parameters, key, out);
  if (context.parameters)
    read_options(doc_, *context.parameters, indicator, "parameter", out);
  complete_options(doc_, context.map, "parameters", indicator, "parameter",
                   out);
}

}  // namespace vigie::spec
