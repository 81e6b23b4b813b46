#include "spec/reader.hpp"

#include "table/date_tz.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "derive/catalog.hpp"
#include "secrets/redactor.hpp"
#include "spec/document.hpp"
#include "spec/options.hpp"
#include "spec/substitute.hpp"
#include "spec/suggest.hpp"
#include "spec/yaml_load.hpp"
#include "table/canonical.hpp"

namespace vigie::spec {
namespace {

bool known_time_zone(const std::string& name) {
  try {
    date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

namespace {

// Periods in a trend: ten years of months is already more than a chart
// shows legibly, and each period is computed by every indicator.
constexpr int kMaxSeries = 120;

// A session gap longer than a day would join a visitor's visits of
// different days into one.
constexpr int kMaxSessionGapMinutes = 1440;

// Parameter values of all KPIs together, once report-wide ones are
// copied into each KPI: bounds the memory a short spec can ask for (a
// large map parameter times many KPIs).
constexpr std::size_t kMaxParameterValues = 100000;

// A note is a remark beside the figures: a few lines, a paragraph or two
// (about four pages of text at most).
constexpr std::size_t kMaxNoteCharacters = 10000;

// Characters (code points) of UTF-8 text: the bytes that start one.
std::size_t utf8_length(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(),
      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// In the order of BlockKind: a block's key gives its kind by position.
const std::vector<std::string> kBlockKinds = {
    "tiles", "line_chart", "bar_chart", "table", "list", "note"};

std::vector<std::string> dataset_names() {
  std::vector<std::string> names;
  for (const auto& d : table::canonical_datasets()) names.emplace_back(d.name);
  return names;
}

std::vector<std::string> column_names(const table::CanonicalDataset& d) {
  std::vector<std::string> names;
  for (const auto& c : d.columns) names.emplace_back(c.name);
  return names;
}

std::vector<std::string> output_ids(const vigie_plugin_info& plugin) {
  std::vector<std::string> ids;
  for (uint32_t i = 0; i < plugin.output_count; ++i)
    ids.emplace_back(plugin.outputs[i].id);
  return ids;
}

std::string_view output_kind_name(int32_t kind) {
  switch (kind) {
    case VIGIE_OUTPUT_TABLE:
      return "a table";
    case VIGIE_OUTPUT_LIST:
      return "a list";
    default:
      return "a single value";
  }
}

// Tiles and line charts show one number a period; the other blocks show
// the rows of a table or list KPI.
bool block_accepts(BlockKind block, int32_t output_kind) {
  bool value = output_kind == VIGIE_OUTPUT_VALUE;
  return block == BlockKind::Tiles || block == BlockKind::LineChart ? value
                                                                    : !value;
}

// Remembers the first place each id was defined, to report the next ones.
class UniqueIds {
 public:
  explicit UniqueIds(std::string noun) : noun_(std::move(noun)) {}
  // False (after reporting) when `id` was already defined.
  bool add(Document& doc, const Cursor& at, const std::string& id) {
    auto [it, inserted] = first_lines_.emplace(id, at.mark.line + 1);
    if (!inserted)
      doc.error(at, fmt::format("duplicate {} id '{}' (first defined at line "
                                "{})",
                                noun_, id, it->second));
    return inserted;
  }

 private:
  std::string noun_;
  std::map<std::string, int> first_lines_;
};

class SpecReader {
 public:
  SpecReader(Document& doc, const PluginCatalog& plugins)
      : doc_(doc), plugins_(plugins) {}

  Spec read(const Cursor& root) {
    Spec spec;
    if (!doc_.expect_map(root,
                         "a report spec: a map with report, sources, kpis "
                         "and sections"))
      return spec;
    Fields f(
        doc_, root,
        {"report", "sources", "parameters", "kpis", "sections", "outputs"});
    if (auto at = f.required("report", "a map with at least id and title"))
      spec.report = read_report(*at);
    if (auto at = f.required("sources", "a list of sources"))
      spec.sources = read_sources(*at);
    if (auto at = f.required("kpis", "a list of KPIs"))
      spec.kpis = read_kpis(*at);
    spec.parameters = read_report_parameters(f.optional("parameters"));
    resolve_kpi_parameters(spec);
    if (auto at = f.required("sections", "a list of sections"))
      spec.sections = read_sections(*at);
    if (auto at = f.optional("outputs")) spec.outputs = read_outputs(*at);
    return spec;
  }

 private:
  // What reading a KPI leaves for the later passes (parameters, blocks).
  struct KpiContext {
    Cursor map;
    std::optional<Cursor> parameters;
    const vigie_plugin_info* indicator = nullptr;
  };

  // ---- shared pieces ------------------------------------------------

  // A name that must not be empty (ids).
  void read_id(std::string& out, const std::optional<Cursor>& at) {
    if (!at) return;
    doc_.assign(out, at);
    if (out.empty()) doc_.error(*at, "expected a non-empty name");
  }

  // The plugin named at `at`, of the given kind; nullptr after reporting.
  const vigie_plugin_info* read_plugin(const Cursor& at, vigie_plugin_kind kind,
                                       std::string& name) {
    auto t = doc_.text(at);
    if (!t) return nullptr;
    name = t->value;
    const char* noun = kind == VIGIE_KIND_CONNECTOR ? "connector" : "indicator";
    const vigie_plugin_info* plugin = plugins_.find(name);
    if (plugin == nullptr) {
      // The refusal names the file, hence the name: not for a value that
      // came from the environment, which is never printed.
      if (const std::string refusal =
              t->from_environment ? "" : plugins_.refusal(name);
          !refusal.empty()) {
        doc_.error(at, fmt::format("{} {} was not loaded: {}", noun,
                                   doc_.quote(at, *t), refusal));
        return nullptr;
      }
      auto names = plugins_.names(kind);
      std::string hint = t->from_environment ? "" : did_you_mean(name, names);
      doc_.error(at, fmt::format("unknown {} {};{} available: {}", noun,
                                 doc_.quote(at, *t), hint,
                                 names.empty() ? "none" : join(names)));
      return nullptr;
    }
    if (plugin->kind != kind) {
      bool is_connector = plugin->kind == VIGIE_KIND_CONNECTOR;
      doc_.error(at,
                 fmt::format("{} is {}, not {}", doc_.quote(at, *t),
                             is_connector ? "a connector" : "an indicator",
                             is_connector ? "an indicator" : "a connector"));
      return nullptr;
    }
    return plugin;
  }

  // ---- report ---------------------------------------------------------

  Report read_report(const Cursor& at) {
    Report report;
    if (!doc_.expect_map(at)) return report;
    Fields f(doc_, at,
             {"id", "title", "locale", "time_zone", "period", "comparison",
              "series", "session_gap_minutes", "reject_threshold"});
    read_id(report.id, f.required("id", "a name, used in file names"));
    doc_.assign(report.title, f.required("title", "a string"));
    if (auto l = f.optional("locale"))
      if (auto i = doc_.choice(*l, kLocales)) report.locale = kLocales[*i];
    if (auto tz = f.optional("time_zone")) {
      doc_.assign(report.time_zone, tz);
      if (!known_time_zone(report.time_zone))
        doc_.error(*tz, fmt::format("unknown time zone '{}': expected an "
                                    "IANA name such as Europe/Paris or UTC",
                                    report.time_zone));
    }
    if (auto p = f.optional("period"))
      if (doc_.choice(*p, {"month"})) report.period = "month";
    if (auto c = f.optional("comparison"))
      if (auto i = doc_.choice(*c, {"previous", "year"}))
        report.comparison =
            *i == 0 ? Comparison::PreviousPeriod : Comparison::PreviousYear;
    if (auto s = f.optional("series")) {
      doc_.assign(report.series, s);
      if (report.series < 1 || report.series > kMaxSeries)
        doc_.error(*s, fmt::format("expected between 1 and {} periods (ten "
                                   "years of months)",
                                   kMaxSeries));
    }
    if (auto g = f.optional("session_gap_minutes")) {
      doc_.assign(report.session_gap_minutes, g);
      if (report.session_gap_minutes < 1 ||
          report.session_gap_minutes > kMaxSessionGapMinutes)
        doc_.error(*g, fmt::format("expected whole minutes between 1 and {} "
                                   "(a day)",
                                   kMaxSessionGapMinutes));
    }
    if (auto r = f.optional("reject_threshold")) {
      doc_.assign(report.reject_threshold, r);
      if (report.reject_threshold < 0 || report.reject_threshold > 1)
        doc_.error(*r, "expected a share between 0 and 1 (0.01 is 1%)");
    }
    return report;
  }

  // ---- sources --------------------------------------------------------

  std::vector<Source> read_sources(const Cursor& at) {
    std::vector<Source> sources;
    if (!doc_.expect_list(at)) return sources;
    UniqueIds ids("source");
    for (const auto& item : doc_.items(at)) {
      std::optional<Cursor> id_at;
      sources.push_back(read_source(item, id_at));
      if (id_at && !sources.back().id.empty())
        ids.add(doc_, *id_at, sources.back().id);
    }
    return sources;
  }

  Source read_source(const Cursor& at, std::optional<Cursor>& id_at) {
    Source source;
    source.location = doc_.where(at);
    if (!doc_.expect_map(at, "a source: a map with id, connector, dataset"))
      return source;
    Fields f(doc_, at, {"id", "connector", "dataset", "config", "mapping"});
    id_at = f.required("id", "a name for the source");
    read_id(source.id, id_at);
    const vigie_plugin_info* connector = nullptr;
    if (auto c = f.required("connector", "the name of a connector plugin"))
      connector = read_plugin(*c, VIGIE_KIND_CONNECTOR, source.connector);
    const table::CanonicalDataset* dataset = nullptr;
    if (auto d = f.required("dataset", "one of " + join(dataset_names())))
      dataset = read_dataset(*d, source.dataset);
    read_config(at, f.optional("config"), connector, source.config);
    if (auto m = f.optional("mapping")) read_mapping(*m, dataset, source);
    return source;
  }

  const table::CanonicalDataset* read_dataset(const Cursor& at,
                                              std::string& name) {
    auto t = doc_.text(at);
    if (!t) return nullptr;
    name = t->value;
    if (const auto* dataset = table::find_dataset(name)) return dataset;
    auto names = dataset_names();
    doc_.error(at,
               fmt::format("unknown dataset {};{} canonical datasets: {}",
                           doc_.quote(at, *t),
                           t->from_environment ? "" : did_you_mean(name, names),
                           join(names)));
    return nullptr;
  }

  void read_config(const Cursor& source, const std::optional<Cursor>& config,
                   const vigie_plugin_info* connector, Settings& out) {
    if (connector == nullptr) {
      // Nothing to check against; still substitute, to report unset
      // variables now rather than after the connector is fixed.
      if (config && doc_.expect_map(*config))
        for (const auto& e : doc_.entries(*config))
          flatten(doc_, e.value, e.key, false, out);
      return;
    }
    if (config) read_options(doc_, *config, *connector, "option", out);
    complete_options(doc_, source, "config", *connector, "option", out);
  }

  void read_mapping(const Cursor& at, const table::CanonicalDataset* dataset,
                    Source& source) {
    if (!doc_.expect_map(at, "a map of canonical column: source expression"))
      return;
    for (const auto& e : doc_.entries(at)) {
      if (dataset != nullptr && dataset->find(e.key) == nullptr) {
        auto columns = column_names(*dataset);
        doc_.error(e.key_at,
                   fmt::format("'{}' is not a column of dataset '{}';{} "
                               "columns: {}",
                               e.key, dataset->name,
                               did_you_mean(e.key, columns), join(columns)));
        continue;
      }
      if (auto t = doc_.text(e.value)) {
        source.mapping[e.key] = t->value;
        source.mapping_locations[e.key] = doc_.where(e.value);
      }
    }
  }

  // ---- KPIs -----------------------------------------------------------

  std::vector<Kpi> read_kpis(const Cursor& at) {
    std::vector<Kpi> kpis;
    if (!doc_.expect_list(at)) return kpis;
    UniqueIds ids("KPI");
    for (const auto& item : doc_.items(at)) {
      std::optional<Cursor> id_at;
      std::optional<int32_t> kind;
      kpis.push_back(read_kpi(item, id_at, kind));
      const std::string& id = kpis.back().id;
      if (id_at && !id.empty() && ids.add(doc_, *id_at, id))
        kpi_kinds_[id] = kind;
    }
    return kpis;
  }

  Kpi read_kpi(const Cursor& at, std::optional<Cursor>& id_at,
               std::optional<int32_t>& kind) {
    Kpi kpi;
    kpi.location = doc_.where(at);
    KpiContext context{at, std::nullopt, nullptr};
    if (doc_.expect_map(at, "a KPI: a map with id and indicator")) {
      Fields f(doc_, at, {"id", "indicator", "label", "parameters", "target"});
      id_at = f.required("id", "the id of one of the indicator's outputs");
      read_id(kpi.id, id_at);
      if (auto i = f.required("indicator", "the name of an indicator plugin")) {
        context.indicator =
            read_plugin(*i, VIGIE_KIND_INDICATOR, kpi.indicator);
        if (context.indicator != nullptr) check_inputs(*i, *context.indicator);
      }
      doc_.assign(kpi.label, f.optional("label"));
      if (context.indicator != nullptr && id_at && !kpi.id.empty())
        kind = output_kind(*id_at, *context.indicator, kpi.id);
      context.parameters = f.optional("parameters");
      if (auto t = f.optional("target")) kpi.target = read_target(*t);
    }
    kpi_contexts_.push_back(context);
    return kpi;
  }

  // An indicator reads canonical datasets and the engine's derived ones;
  // a required input of any other name could never be given to it. Said
  // once an indicator, at its first KPI.
  void check_inputs(const Cursor& at, const vigie_plugin_info& indicator) {
    if (!inputs_checked_.insert(indicator.name).second) return;
    for (uint32_t i = 0; i < indicator.input_count; ++i) {
      const char* dataset = indicator.inputs[i].dataset;
      const std::string_view name = dataset != nullptr ? dataset : "";
      if (!indicator.inputs[i].required || table::find_dataset(name) ||
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

  std::optional<int32_t> output_kind(const Cursor& at,
                                     const vigie_plugin_info& indicator,
                                     const std::string& id) {
    for (uint32_t i = 0; i < indicator.output_count; ++i)
      if (id == indicator.outputs[i].id) return indicator.outputs[i].kind;
    auto ids = output_ids(indicator);
    doc_.error(at, fmt::format("{} has no output '{}';{} its outputs: {}",
                               plugin_label(indicator), id,
                               did_you_mean(id, ids), join(ids)));
    return std::nullopt;
  }

  std::optional<Target> read_target(const Cursor& at) {
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

  // With `higher`, alert <= warning <= value; `lower` mirrors it.
  void check_zones(const Target& target,
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

  // ---- parameters -----------------------------------------------------

  // The indicators the KPIs use, each once, by name.
  std::map<std::string, const vigie_plugin_info*> used_indicators() const {
    std::map<std::string, const vigie_plugin_info*> used;
    for (const auto& c : kpi_contexts_)
      if (c.indicator != nullptr) used[c.indicator->name] = c.indicator;
    return used;
  }

  bool all_indicators_known() const {
    for (const auto& c : kpi_contexts_)
      if (c.indicator == nullptr) return false;
    return true;
  }

  // Report-wide parameters: each must be declared by an indicator the
  // spec uses, and have the type every such indicator declares.
  Settings read_report_parameters(const std::optional<Cursor>& at) {
    Settings out;
    if (!at || !doc_.expect_map(*at, "a map of parameters")) return out;
    auto used = used_indicators();
    std::set<std::string> declared_set;
    for (const auto& [name, indicator] : used)
      for (auto& key : option_keys(*indicator)) declared_set.insert(key);
    std::vector<std::string> declared(declared_set.begin(), declared_set.end());
    const bool indicators_known = all_indicators_known();
    for (const auto& e : doc_.entries(*at)) {
      std::vector<const vigie_option*> options;
      for (const auto& [name, indicator] : used)
        if (const auto* o = find_option(*indicator, e.key))
          options.push_back(o);
      if (options.empty() && indicators_known) {
        std::vector<std::string> names;
        for (const auto& [name, indicator] : used) names.push_back(name);
        doc_.error(e.key_at,
                   fmt::format("parameter '{}' is not declared by any "
                               "indicator of this spec ({});{} their "
                               "parameters: {}",
                               e.key, join(names),
                               did_you_mean(e.key, declared), join(declared)));
        continue;
      }
      Cursor value = e.value;
      value.environment = true;  // options are where secrets go
      for (const auto* o : options) value.sensitive |= o->secret != 0;
      for (const auto* o : options) check_type(doc_, value, *o);
      flatten(doc_, value, e.key, value.sensitive, out);
      out.locations[e.key] = doc_.where(value);
    }
    return out;
  }

  // A KPI's parameters: the report-wide ones its indicator declares,
  // overridden by its own, then the indicator's defaults.
  void resolve_kpi_parameters(Spec& spec) {
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

  void resolve_parameters(const Spec& spec, const KpiContext& context,
                          Settings& out) {
    if (context.indicator == nullptr) {
      if (context.parameters && doc_.expect_map(*context.parameters))
        for (const auto& e : doc_.entries(*context.parameters))
          flatten(doc_, e.value, e.key, false, out);
      return;
    }
    const vigie_plugin_info& indicator = *context.indicator;
    for (const auto& key : option_keys(indicator))
      copy_option(spec.parameters, key, out);
    if (context.parameters)
      read_options(doc_, *context.parameters, indicator, "parameter", out);
    complete_options(doc_, context.map, "parameters", indicator, "parameter",
                     out);
  }

  // ---- sections and blocks --------------------------------------------

  std::vector<Section> read_sections(const Cursor& at) {
    std::vector<Section> sections;
    if (!doc_.expect_list(at)) return sections;
    for (const auto& item : doc_.items(at)) {
      Section section;
      section.location = doc_.where(item);
      if (doc_.expect_map(item, "a section: a map with title and blocks")) {
        Fields f(doc_, item, {"title", "blocks"});
        doc_.assign(section.title, f.required("title", "a string"));
        if (auto blocks = f.required("blocks", "a list of blocks"))
          if (doc_.expect_list(*blocks))
            for (const auto& b : doc_.items(*blocks))
              if (auto block = read_block(b))
                section.blocks.push_back(std::move(*block));
      }
      sections.push_back(std::move(section));
    }
    return sections;
  }

  std::optional<Block> read_block(const Cursor& at) {
    if (!doc_.expect_map(at, "a block, e.g. {tiles: [kpi, ...]}"))
      return std::nullopt;
    Fields f(doc_, at, kBlockKinds);
    if (at.node.size() == 0)
      doc_.error(at, "expected one block kind: " + join(kBlockKinds));
    if (f.entries().empty()) return std::nullopt;
    for (std::size_t i = 1; i < f.entries().size(); ++i)
      doc_.error(f.entries()[i].key_at,
                 fmt::format("a block has one kind, and this one is already "
                             "'{}': start a new block with '- '",
                             f.entries()[0].key));
    const Entry& entry = f.entries()[0];
    Block block;
    block.location = doc_.where(at);
    auto index = std::find(kBlockKinds.begin(), kBlockKinds.end(), entry.key) -
                 kBlockKinds.begin();
    block.kind = static_cast<BlockKind>(index);
    switch (block.kind) {
      case BlockKind::Tiles:
        read_tiles(entry.value, block);
        break;
      case BlockKind::LineChart:
        read_single_kpi(entry.value, block, {});
        break;
      case BlockKind::Table:
      case BlockKind::List:
        read_single_kpi(entry.value, block, {"columns", "max_rows"});
        break;
      case BlockKind::BarChart:
        read_bar_chart(entry.value, block);
        break;
      case BlockKind::Note:
        read_note(entry.value, block);
        break;
    }
    return block;
  }

  void read_note(const Cursor& at, Block& block) {
    doc_.assign(block.text, at);
    const std::size_t characters = utf8_length(block.text);
    if (characters > kMaxNoteCharacters)
      doc_.error(at, fmt::format("a note holds at most {} characters, this "
                                 "one has {}; a longer text belongs in a "
                                 "document of its own",
                                 kMaxNoteCharacters, characters));
  }

  // [kpi, ...] or {kpis: [kpi, ...], title: "..."}
  void read_tiles(const Cursor& at, Block& block) {
    std::optional<Cursor> list = at;
    if (at.node.IsMap()) {
      Fields f(doc_, at, {"kpis", "title"});
      list = f.required("kpis", "a list of KPI ids");
      doc_.assign(block.title, f.optional("title"));
    }
    if (!list || !doc_.expect_list(*list, "a list of KPI ids")) return;
    if (list->node.size() == 0) doc_.error(*list, "expected at least one KPI");
    for (const auto& item : doc_.items(*list)) read_kpi_reference(item, block);
  }

  // kpi or {kpi: ..., title: ..., <extra keys>}
  void read_single_kpi(const Cursor& at, Block& block,
                       std::vector<std::string> extra_keys) {
    if (!at.node.IsMap()) {
      read_kpi_reference(at, block);
      return;
    }
    extra_keys.insert(extra_keys.end(), {"kpi", "title"});
    Fields f(doc_, at, extra_keys);
    if (auto kpi = f.required("kpi", "a KPI id"))
      read_kpi_reference(*kpi, block);
    doc_.assign(block.title, f.optional("title"));
    if (auto columns = f.optional("columns")) read_columns(*columns, block);
    if (auto max_rows = f.optional("max_rows")) {
      doc_.assign(block.max_rows, max_rows);
      if (block.max_rows < 1) doc_.error(*max_rows, "expected at least 1 row");
    }
  }

  void read_bar_chart(const Cursor& at, Block& block) {
    if (!doc_.expect_map(at, "a map with kpi, label and value")) return;
    Fields f(doc_, at, {"kpi", "label", "value", "title"});
    if (auto kpi = f.required("kpi", "a KPI id"))
      read_kpi_reference(*kpi, block);
    doc_.assign(block.label_column,
                f.required("label", "the column giving the bars' labels"));
    doc_.assign(block.value_column,
                f.required("value", "the column giving the bars' values"));
    doc_.assign(block.title, f.optional("title"));
  }

  // [column, {column: "Header"}, ...]: a column name, or a one-entry map
  // giving its header.
  void read_columns(const Cursor& at, Block& block) {
    if (!doc_.expect_list(at, "a list of column names")) return;
    for (const auto& item : doc_.items(at)) {
      if (item.node.IsMap()) {
        auto entries = doc_.entries(item);
        if (entries.size() != 1) {
          doc_.error(item, "expected a column name or {column: \"Header\"}");
          continue;
        }
        std::string header;
        doc_.assign(header, entries[0].value);
        block.columns.push_back(entries[0].key);
        block.column_headers.push_back(header);
      } else if (auto t = doc_.text(item)) {
        block.columns.push_back(t->value);
        block.column_headers.emplace_back();
      }
    }
  }

  // A KPI id in a block: defined under kpis, of an output kind the block
  // can show.
  void read_kpi_reference(const Cursor& at, Block& block) {
    auto t = doc_.text(at);
    if (!t) return;
    const std::string& id = t->value;
    block.kpis.push_back(id);
    auto it = kpi_kinds_.find(id);
    if (it == kpi_kinds_.end()) {
      if (doc_.full()) {
        // Not kept: the search for a suggestion would cost the most.
        doc_.error(at, "unknown KPI");
        return;
      }
      const std::vector<std::string>& defined = defined_kpis();
      doc_.error(
          at, fmt::format("unknown KPI {};{} define it under kpis "
                          "(defined: {})",
                          doc_.quote(at, *t),
                          t->from_environment ? "" : did_you_mean(id, defined),
                          defined.empty() ? "none" : join_some(defined)));
      return;
    }
    if (!it->second || block_accepts(block.kind, *it->second)) return;
    const std::string& kind_name = kBlockKinds[static_cast<int>(block.kind)];
    bool wants_value =
        block.kind == BlockKind::Tiles || block.kind == BlockKind::LineChart;
    doc_.error(at, fmt::format("KPI '{}' is {}, but a {} block shows {}", id,
                               output_kind_name(*it->second), kind_name,
                               wants_value ? "single values (use a table, "
                                             "list or bar_chart block)"
                                           : "tables or lists (use tiles or "
                                             "a line_chart block)"));
  }

  // The KPI ids defined, sorted; read once, when the first unknown one is
  // met (kpi_kinds_ is complete by then).
  const std::vector<std::string>& defined_kpis() {
    if (defined_kpis_.empty())
      for (const auto& [k, kind] : kpi_kinds_) defined_kpis_.push_back(k);
    return defined_kpis_;
  }

  // ---- outputs --------------------------------------------------------

  Outputs read_outputs(const Cursor& at) {
    Outputs outputs;
    if (!doc_.expect_map(at)) return outputs;
    Fields f(doc_, at,
             {"pdf", "svg", "json", "lists", "raw_customer_id",
              "raw_customer_id_reason", "hmac_key_env"});
    doc_.assign(outputs.pdf, f.optional("pdf"));
    doc_.assign(outputs.svg, f.optional("svg"));
    doc_.assign(outputs.json, f.optional("json"));
    doc_.assign(outputs.lists, f.optional("lists"));
    auto raw_at = f.optional("raw_customer_id");
    doc_.assign(outputs.raw_customer_id, raw_at);
    doc_.assign(outputs.raw_customer_id_reason,
                f.optional("raw_customer_id_reason"));
    if (outputs.raw_customer_id &&
        outputs.raw_customer_id_reason.find_first_not_of(" \t\n") ==
            std::string::npos)
      doc_.error(*raw_at,
                 "raw_customer_id: true needs raw_customer_id_reason: why "
                 "the lists must carry raw customer ids rather than their "
                 "keyed hash");
    if (auto h = f.optional("hmac_key_env")) {
      doc_.assign(outputs.hmac_key_env, h);
      if (!is_variable_name(outputs.hmac_key_env))
        doc_.error(*h,
                   "expected the name of an environment variable (letters, "
                   "digits and '_')");
    }
    return outputs;
  }

  Document& doc_;
  const PluginCatalog& plugins_;
  // One a KPI, in the order of spec.kpis.
  std::vector<KpiContext> kpi_contexts_;
  // KPI id -> kind of its output (nullopt when its indicator or output is
  // unknown, already reported).
  std::map<std::string, std::optional<int32_t>> kpi_kinds_;
  std::vector<std::string> defined_kpis_;
  std::set<std::string> inputs_checked_;  // indicator names
};

}  // namespace

Environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

ReadResult read_spec_text(const std::string& yaml, const std::string& file,
                          const PluginCatalog& plugins,
                          const Environment& env) {
  ReadResult result;
  // A text that is too big, breaks a bound or is not YAML stops the
  // reading: nothing after it can be trusted.
  LoadedYaml loaded = load_yaml(yaml, file);
  if (loaded.error) {
    result.errors.push_back(std::move(*loaded.error));
    return result;
  }
  const YAML::Node& root = loaded.root;
  Document doc(file, env);
  Spec spec = SpecReader(doc, plugins).read(Document::root(root));
  spec.file = file;
  result.errors = doc.take_errors();
  if (result.errors.empty()) result.spec = std::move(spec);
  return result;
}

ReadResult read_spec(const std::filesystem::path& file,
                     const PluginCatalog& plugins, const Environment& env) {
  // The size is checked before anything is read.
  std::error_code size_error;
  const auto size = std::filesystem::file_size(file, size_error);
  if (!size_error)
    if (auto too_big = check_size(size, file.string()))
      return ReadResult{std::nullopt, {std::move(*too_big)}};
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    ReadResult result;
    result.errors.push_back(Diagnostic{
        Location{file.string(), 0, 0, ""},
        fmt::format("cannot read the spec: {}", std::strerror(errno))});
    return result;
  }
  // At most one byte over the bound, whatever the file is (a pipe has no
  // size to check first).
  std::string text(YamlLimits::kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return read_spec_text(text, file.string(), plugins, env);
}

std::string format_diagnostic(const Diagnostic& d) {
  // Redacted here, the one way a diagnostic becomes text: a spec path or
  // a message may quote a value that is secret.
  if (d.where.path.empty())
    return secrets::redact(fmt::format("{}: {}", d.where.str(), d.message));
  return secrets::redact(
      fmt::format("{}: {}: {}", d.where.str(), d.where.path, d.message));
}

}  // namespace vigie::spec
