// The spec reader's state and its passes, one source file a section of
// the spec: reader.cpp (the whole and the shared pieces), reader_report.cpp,
// reader_sources.cpp, reader_kpis.cpp (KPIs, targets, parameters),
// reader_sections.cpp (sections and blocks), reader_outputs.cpp,
// reader_schedule.cpp, reader_delivery.cpp (e-mail and bursting). Internal
// to the spec module: read_spec() (reader.hpp) is its interface.
#pragma once

#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "spec/block_columns.hpp"
#include "spec/document.hpp"
#include "spec/plugin_catalog.hpp"
#include "spec/reader.hpp"
#include "spec/spec.hpp"
#include "table/canonical.hpp"

namespace vigie::spec {

// The canonical datasets' names, in their order.
std::vector<std::string> dataset_names();

// Remembers the first place each id was defined, to report the next ones.
class UniqueIds {
 public:
  explicit UniqueIds(std::string noun) : noun_(std::move(noun)) {}
  // False (after reporting) when `id` was already defined.
  bool add(Document& doc, const Cursor& at, const std::string& id);

 private:
  std::string noun_;
  std::map<std::string, int> first_lines_;
};

// Which kind of KPI a block (or one of its keys) shows.
enum class BlockShows { Values, Tables, Either };

class SpecReader {
 public:
  SpecReader(Document& doc, const PluginCatalog& plugins)
      : doc_(doc), plugins_(plugins) {}
  Spec read(const Cursor& root);

 private:
  // What reading a KPI leaves for the later passes (parameters, blocks).
  struct KpiContext {
    Cursor map;
    std::optional<Cursor> parameters;
    const PluginDescriptor* indicator = nullptr;
    bool metric = false;  // written in the spec: no indicator, no parameters
  };

  // A KPI a metric refers to, where the spec names it.
  struct MetricReference {
    std::string kpi;  // the metric's id
    std::string id;   // the KPI it refers to
    Cursor at;
  };

  // ---- shared pieces (reader.cpp)
  // A name that must not be empty (ids).
  void read_id(std::string& out, const std::optional<Cursor>& at);
  // The plugin named at `at`, of the given kind; nullptr after reporting.
  const PluginDescriptor* read_plugin(const Cursor& at, PluginKind kind,
                                      std::string& name);

  // ---- report (reader_report.cpp)
  Report read_report(const Cursor& at);

  // ---- the report's look (reader_theme.cpp)
  // report.template's values, then report.theme's over them.
  void read_look(const std::optional<Cursor>& template_at,
                 const std::optional<Cursor>& theme_at, Report& report);
  // The file of the template named at `at`: a path (relative to the
  // spec), or a name looked for in VIGIE_TEMPLATE_PATH and the
  // installation's templates/report.
  std::optional<std::filesystem::path> find_template(const Cursor& at,
                                                     const std::string& name);
  // Its diagnostics at its own file:line:column.
  void read_template_file(const Cursor& at, const std::filesystem::path& file,
                          render::Theme& theme);

  // ---- lookups (reader_lookups.cpp)
  std::vector<Lookup> read_lookups(const Cursor& at);

  // ---- sources (reader_sources.cpp)
  std::vector<Source> read_sources(const Cursor& at);
  Source read_source(const Cursor& at, std::optional<Cursor>& id_at);
  const table::CanonicalDataset* read_dataset(const Cursor& at,
                                              std::string& name);
  void read_config(const Cursor& source, const std::optional<Cursor>& config,
                   const PluginDescriptor* connector, Settings& out);
  // Every lookup('id', ...) of a mapping names one of the spec's lookups.
  void check_lookup_ids(const Cursor& at, const std::string& expression);
  void read_mapping(const Cursor& at, const table::CanonicalDataset* dataset,
                    Source& source);

  // ---- KPIs (reader_kpis.cpp)
  std::vector<Kpi> read_kpis(const Cursor& at);
  Kpi read_kpi(const Cursor& at, std::optional<Cursor>& id_at,
               std::optional<OutputKind>& kind);
  // An indicator reads canonical datasets and the engine's derived ones;
  // a required input of any other name could never be given to it. Said
  // once an indicator, at its first KPI.
  void check_inputs(const Cursor& at, const PluginDescriptor& indicator);
  std::optional<OutputKind> output_kind(const Cursor& at,
                                        const PluginDescriptor& indicator,
                                        const std::string& id);
  std::optional<Target> read_target(const Cursor& at);
  // With `higher`, alert <= warning <= value; `lower` mirrors it.
  void check_zones(const Target& target,
                   const std::optional<Cursor>& warning_at,
                   const std::optional<Cursor>& alert_at);

  // ---- metrics written in the spec (reader_metrics.cpp)
  // The metric of KPI `kpi_id`; `kind` is a value, or a table with by or
  // series. Its references are checked once every KPI is read.
  std::optional<Metric> read_metric(const Cursor& at, const std::string& kpi_id,
                                    std::optional<OutputKind>& kind);
  void read_aggregate(const Fields& f, const Cursor& aggregate_at,
                      Metric& metric);
  // `by` naming a column of the customer's profile (derive/catalog.hpp):
  // sets metric.by and by_profile, errs when the dataset has no customer;
  // false when `at` names no profile column.
  bool profile_by(const Cursor& at, const table::CanonicalDataset& dataset,
                  Metric& metric);
  // A column of `dataset` named at `at`, into `name`; nullptr after
  // reporting.
  const table::CanonicalColumn* metric_column(
      const Cursor& at, const table::CanonicalDataset& dataset,
      std::string& name);
  void read_filter(const Cursor& at, const table::CanonicalDataset& dataset,
                   Metric& metric);
  void read_condition(const Cursor& at, const table::CanonicalColumn& column,
                      FilterOp op, Metric& metric);
  // A filter value parsed as ingest parses the column.
  std::optional<FilterValue> filter_value(const Cursor& at,
                                          const table::CanonicalColumn& column);
  void read_metric_reference(const Cursor& at, const std::string& kpi_id,
                             Metric& metric);
  // Parsed with muparser: a syntax error at its character, the names it
  // uses as references.
  void read_expression(const Cursor& at, const std::string& kpi_id,
                       Metric& metric);
  // Every reference names a value KPI; no cycle.
  void check_metric_references(const std::vector<Kpi>& kpis);
  // The columns of a table metric (by or series), for the blocks; nullptr
  // for a value metric.
  const OutputDescriptor* metric_output(const Kpi& kpi);

  // ---- parameters (reader_kpis.cpp)
  // The indicators the KPIs use, each once, by name.
  std::map<std::string, const PluginDescriptor*> used_indicators() const;
  bool all_indicators_known() const;
  // Report-wide parameters: each must be declared by an indicator the
  // spec uses, and have the type every such indicator declares.
  Settings read_report_parameters(const std::optional<Cursor>& at);
  // A KPI's parameters: the report-wide ones its indicator declares,
  // overridden by its own, then the indicator's defaults.
  void resolve_kpi_parameters(Spec& spec);
  void resolve_parameters(const Spec& spec, const KpiContext& context,
                          Settings& out);

  // ---- sections (reader_sections.cpp)
  std::vector<Section> read_sections(const Cursor& at);
  std::optional<Block> read_block(const Cursor& at);
  void read_note(const Cursor& at, Block& block);
  // [kpi, ...] or {kpis: [kpi, ...], title: "...", <extra keys>}
  void read_kpi_list(const Cursor& at, Block& block,
                     std::vector<std::string> extra_keys);
  // kpi or {kpi: ..., title: ..., <extra keys>}
  void read_single_kpi(const Cursor& at, Block& block,
                       std::vector<std::string> extra_keys);
  // {column: {value, direction, warning, alert}, ...}
  void read_thresholds(const Cursor& at, Block& block);
  // kpi, {kpi | kpis, comparison, ...} or, of a table, {kpi, label,
  // values, ...}
  void read_line_chart(const Cursor& at, Block& block);
  // {kpis, comparison, ...} or, of a table, {kpi, category, label, value}
  void read_small_multiples(const Cursor& at, Block& block);
  // {kpi, <columns, all required>, title, <options>}: a chart of a table.
  void read_table_chart(const Cursor& at, Block& block,
                        const std::vector<std::string>& columns,
                        std::vector<std::string> options);
  // orientation, percent, comparison, sparkline, max_bars, max_slices,
  // and the axes' titles: those `f` allows and has.
  void read_chart_options(const Fields& f, Block& block);
  // `kpi` (any kind the block shows) or `kpis` (value KPIs), one of them.
  void read_kpi_or_kpis(Fields& f, Block& block);
  // The kind of the block's KPI: Value for several; nullopt when unknown.
  std::optional<OutputKind> block_kpi_kind(const Block& block);
  // A chart of a table names its columns; one of value KPIs names none.
  void check_table_keys(const Cursor& at, Block& block, bool has_label,
                        bool has_values);
  // The columns a block names, against its KPI's declared ones; with
  // `numbers`, each must be a number column too.
  void check_columns(const Block& block, const std::vector<NamedColumn>& named,
                     bool numbers = false);
  // The columns of a table chart that give values must be numbers.
  void check_value_columns(const Block& block,
                           const std::vector<NamedColumn>& named, bool table);
  // [column, {column: "Header"}, ...]: a column name, or a one-entry map
  // giving its header, into `columns` and `headers`.
  std::vector<NamedColumn> read_columns(const Cursor& at,
                                        std::vector<std::string>& columns,
                                        std::vector<std::string>& headers);
  // A KPI id in a block: defined under kpis, of an output kind the block
  // (or, with `wanted`, the key naming it) can show.
  void read_kpi_reference(const Cursor& at, Block& block);
  void read_kpi_reference(const Cursor& at, Block& block, BlockShows wanted);
  // The KPI ids defined, sorted; read once, when the first unknown one is
  // met (kpi_kinds_ is complete by then).
  const std::vector<std::string>& defined_kpis();

  // ---- outputs (reader_outputs.cpp)
  Outputs read_outputs(const Cursor& at);
  CsvFormat read_csv_format(const Cursor& at);

  // ---- schedule (reader_schedule.cpp)
  Schedule read_schedule(const Cursor& at, const Report& report);
  // "90s", "30m", "2h", "3d", "1w" into `out` (seconds).
  void read_duration(long long& out, const std::optional<Cursor>& at);

  // ---- delivery and bursting (reader_delivery.cpp)
  Delivery read_delivery(const Cursor& at, bool burst);
  SmtpServer read_smtp(const Cursor& at);
  // [address, "group:NAME", ...], groups expanded, each address once.
  std::vector<std::string> read_recipients(
      const Cursor& at,
      const std::map<std::string, std::vector<std::string>>& groups);
  Burst read_burst(const Cursor& at, const Spec& spec);

  Document& doc_;
  const PluginCatalog& plugins_;
  // One a KPI, in the order of spec.kpis.
  std::vector<KpiContext> kpi_contexts_;
  // KPI id -> kind of its output (nullopt when its indicator or output is
  // unknown, already reported).
  std::map<std::string, std::optional<OutputKind>> kpi_kinds_;
  // KPI id -> its output, when known: the columns a block may name.
  std::map<std::string, const OutputDescriptor*> kpi_outputs_;
  bool raw_customer_id_ = false;
  std::vector<std::string> defined_kpis_;
  std::set<std::string> inputs_checked_;  // indicator names
  // What metrics need of the rest of the spec, and what they leave.
  std::set<std::string> filled_datasets_;  // by some source
  std::set<std::string> lookup_ids_;       // of the spec's lookups
  std::string time_zone_;                  // report.time_zone
  std::vector<MetricReference> metric_references_;
  std::map<std::string, Cursor> metric_places_;  // KPI id -> its metric:
  std::deque<OutputDescriptor> metric_outputs_;  // stable addresses
};

}  // namespace vigie::spec
