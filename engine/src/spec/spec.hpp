// A report spec once read and checked: what the YAML says, with the
// location of each piece for later messages. docs/spec-reference.md
// documents every key.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "render/theme.hpp"
#include "table/calendar_period.hpp"

namespace vigie::spec {

// Where something is written: file:line:column (1-based) and its path in
// the document, e.g. "kpis[3].target.direction".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string path;
  std::string str() const;  // "file:line:column"
};

// Configuration or parameters, flattened the way they cross the plugin ABI:
// a map becomes "key.sub" entries, a list "key.0", "key.1", ...
// `${NAME}` has been replaced by the environment's value. Keys of options
// the plugin declares secret, and any value that came from the environment,
// are listed in `secrets`: the engine never prints them.
struct Settings {
  std::map<std::string, std::string> values;
  std::map<std::string, Location> locations;  // by top-level key
  std::set<std::string> secrets;
};

struct Source {
  std::string id;
  std::string connector;  // plugin name
  std::string dataset;    // canonical dataset this source fills
  Settings config;
  // canonical column -> expression over source columns (see ingest/).
  std::map<std::string, std::string> mapping;
  std::map<std::string, Location> mapping_locations;
  Location location;
};

// A table of keys and values read before the sources, that a source's
// mapping consults with lookup('id', key): how a phone number, an e-mail
// hash or another system's key becomes the CRM's customer id.
struct Lookup {
  std::string id;
  std::string connector;  // plugin name
  Settings config;
  std::string key;    // expression over the lookup source's columns
  std::string value;  // the same
  Location location;
  Location key_location;
  Location value_location;
};

enum class Direction { Higher, Lower };

// Status zones: with Higher, ok when value >= warning (warning defaults to
// the objective), warning when alert <= value < warning, alert below
// alert (no alert zone when alert is not set). Lower mirrors it.
struct Target {
  double objective = 0;
  Direction direction = Direction::Higher;
  std::optional<double> warning;
  std::optional<double> alert;
};

// A KPI written in the spec (`metric:`), computed by the engine rather
// than an indicator (compute/metrics.hpp, docs/spec-reference.md).
enum class Aggregate { Count, CountDistinct, Sum, Mean, Min, Max, Percentile };

enum class FilterOp {
  Equal,
  NotEqual,
  Less,
  LessOrEqual,
  Greater,
  GreaterOrEqual
};

// A filter value parsed by its column's kind, as ingest parses the column:
// `number` for ints, decimals (x 10^4), timestamps (µs UTC), months (their
// code) and bools (0 or 1); `text` for text and id columns.
struct FilterValue {
  int64_t number = 0;
  std::string text;
};

// One condition of a metric's filter. With several values, `=` is "one
// of them" and `!=` "none of them"; the other operators take one value.
struct FilterCondition {
  std::string column;
  FilterOp op = FilterOp::Equal;
  std::vector<FilterValue> values;
};

struct Metric {
  enum class Kind { Aggregate, Ratio, Expression, Cumulative };
  Kind kind = Kind::Aggregate;
  // Kind::Aggregate: the aggregate of `column` (count: of rows, or of rows
  // where `column` has a value) over the rows of `dataset` that pass every
  // condition of `filter`, a period.
  Aggregate aggregate = Aggregate::Count;
  std::string dataset;
  std::string column;
  int64_t percentile = 0;  // x 10^4: 95 is 950000
  std::vector<FilterCondition> filter;
  std::string by;  // a table: one row a value of it
  // `by` names a column of the customer's profile (derived dataset
  // customer_profiles, KPI-CATALOG 8b), reached through the row's
  // customer_id, rather than a column of the dataset.
  bool by_profile = false;
  std::optional<table::Grain> series;  // a table: one row a period inside P
  // The KPIs it is computed from: ratio {numerator, denominator},
  // expression its variables, cumulative {kpi}.
  std::vector<std::string> references;
  std::string expression;  // muparser syntax
  // How its values are shown (kpis-json.md); empty for a cumulative
  // metric without `unit:`: the unit of the KPI it adds up.
  std::string unit;
};

struct Kpi {
  std::string id;         // the report's name for it, unique in the spec
  std::string output;     // the indicator's output it is; `id` if not given
  std::string indicator;  // plugin name; empty for a metric
  std::string label;      // optional override of the indicator's label
  Settings parameters;    // merged over the report's parameters
  std::optional<Target> target;
  std::optional<Metric> metric;  // set instead of `indicator`
  Location location;
};

// In the order of the block names (reader_sections.cpp).
enum class BlockKind {
  Tiles,
  LineChart,
  BarChart,
  Table,
  List,
  Note,
  AreaChart,
  StackedBarChart,
  DonutChart,
  FunnelChart,
  Heatmap,
  WaterfallChart,
  BulletChart,
  SmallMultiples,
  KpiTable,
};

enum class Orientation { Auto, Horizontal, Vertical };

// A table column's cells coloured by status, with a KPI target's zones
// (Target above: `objective` is where the good zone starts).
struct ColumnThresholds {
  std::string column;
  Target zones;
};

struct Block {
  BlockKind kind = BlockKind::Tiles;
  // tiles, bullet_chart, kpi_table, and line charts and small multiples
  // of value KPIs: several; the others: one (kpis[0]).
  std::vector<std::string> kpis;
  std::string title;
  // Charts of a table KPI: the column of the categories (bars, slices,
  // steps, the x axis of a line chart) and of their values.
  std::string label_column;
  std::string value_column;
  // Line and area charts, stacked bars: the value columns drawn as
  // series or parts, and their names in the legend (empty: the header
  // the column's name gives).
  std::vector<std::string> value_columns;
  std::vector<std::string> value_headers;
  std::string row_column;       // heatmap: one row of cells a value of it
  std::string column_column;    // heatmap: one column a value of it
  std::string category_column;  // small multiples of a table: a panel a value
  std::vector<std::string> columns;  // table/list: columns shown (all if empty)
  std::vector<std::string> column_headers;  // by column; empty: the name
  // table/list: rows shown in the report at most (0: all); the rest is
  // named in a note, and every row stays in kpis.json and the list CSV.
  int max_rows = 0;
  // table/list: cells coloured by their column's thresholds, and columns
  // whose cells carry a bar as long as their share of the largest.
  std::vector<ColumnThresholds> thresholds;
  std::vector<std::string> bar_columns;
  Orientation orientation = Orientation::Auto;  // bars
  bool percent = false;     // stacked bars: each bar as 100 %
  bool comparison = false;  // lines: the comparison period's, dashed
  bool sparkline = false;   // tiles: the trend under the value
  int max_categories = 0;   // bars, slices: 0 is the chart's own limit
  // The axes' titles: the category axis (periods, labels) and the value
  // axis, whichever way they run; a heatmap's rows and columns. Not
  // given: from the columns' names, the periods' grain and the unit; an
  // empty one: none.
  std::optional<std::string> category_title;
  std::optional<std::string> value_title;
  std::optional<std::string> row_title;
  std::optional<std::string> column_title;
  std::string text;  // note
  Location location;
};

struct Section {
  std::string title;
  std::vector<Block> blocks;
  Location location;
  bool new_page = false;  // starts a page (the template may say so of all)
};

enum class Comparison { PreviousPeriod, PreviousYear };

// The format of the list CSVs as the spec gives it; what it leaves out
// follows report.locale (output::list_csv_dialect). The reader refuses a
// separator equal to the decimal mark.
struct CsvFormat {
  std::optional<char> separator = {};  // ',', ';', '|' or a tab
  std::optional<char> decimal = {};    // '.' or ','
  std::optional<bool> bom = {};
};

struct Outputs {
  bool pdf = true;
  bool svg = true;
  bool png = false;  // page-N.png, a preview of each page
  int png_dpi = 96;  // their resolution, 24 to 600
  bool html = true;  // report.html
  bool json = true;
  bool lists = true;       // lists/<id>.csv
  bool lists_xlsx = true;  // and lists/<id>.xlsx, when lists is true
  CsvFormat lists_csv;
  // Operational lists carry a keyed HMAC of the customer id unless
  // raw_customer_id is set, which needs a reason written beside it.
  bool raw_customer_id = false;
  std::string raw_customer_id_reason;
  std::string hmac_key_env = "VIGIE_LIST_KEY";  // environment variable name
};

// The locales a report can be written in: French ones format numbers,
// dates and month names the French way, the others the English way
// (locale/locale.hpp).
inline const std::vector<std::string> kLocales = {"fr_FR", "fr", "en_GB",
                                                  "en_US", "en"};

struct Report {
  std::string id;
  std::string title;
  std::string author;  // who publishes it: the PDF's Author; may be empty
  std::string locale = "fr_FR";  // one of kLocales
  std::string currency = "EUR";  // ISO 4217: the sign money is shown with
  std::string time_zone = "Europe/Paris";
  table::Grain period = table::Grain::Month;  // the grain of P
  Comparison comparison = Comparison::PreviousPeriod;
  int series = 12;               // periods in trend charts
  int session_gap_minutes = 30;  // a longer gap between events ends a session
  double reject_threshold = 0.01;
  // The report's look: the template's (report.template), with the spec's
  // own values over it (report.theme); docs/templates.md.
  render::Theme theme;
  std::string template_name;  // "" when the spec names none
};

// When the report runs unattended (docs/scheduling.md): the expression and
// the names are checked by the schedule module as the spec is read.
struct Schedule {
  std::string cron;       // 5 fields, e.g. "0 7 1 * *"
  std::string time_zone;  // IANA; report.time_zone when not given
  // The days a run reports on: by default the period of the report's
  // grain before the slot (previous_month, previous_week, previous_day).
  std::string covers = "previous_month";
  std::string catch_up = "latest";        // skip, latest or all
  long long max_age_seconds = 24 * 3600;  // a missed slot older is not run
  long long timeout_seconds = 3600;       // a run taking longer is stopped
  int retries = 3;  // attempts after the first, for transient failures
  long long retry_delay_seconds = 60;        // the first wait, doubled
  long long retry_max_delay_seconds = 3600;  // the cap of the waits
  Location location;
};

enum class SendWhen { Always, NotEmpty, Alert };

// The SMTP server. Credentials are the names of environment variables:
// their values are read at sending and never printed.
struct SmtpServer {
  std::string url;  // smtp://host:587 (STARTTLS) or smtps://host:465
  std::string starttls = "required";  // required, if_offered or never
  std::string username_env;
  std::string password_env;
  std::string from;  // "Vigie <reports@example.com>"
  std::string ca_file;
  bool verify_peer = true;
  long long timeout_seconds = 60;
};

// Who receives the report by e-mail and how (docs/delivery.md).
struct Delivery {
  SmtpServer smtp;
  std::vector<std::string> to;  // addresses, groups already expanded
  std::map<std::string, std::vector<std::string>> groups;
  std::string subject;    // a mustache template; empty: the default one
  std::string templates;  // a folder overriding the default templates
  bool attach_pdf = true;
  std::vector<std::string> attach_lists;  // ids of list KPIs, sent as CSV
  unsigned long long max_message_bytes = 10'000'000;  // encoded, on the wire
  std::string report_url;  // said instead when the attachments are too big
  SendWhen send_when = SendWhen::Always;
  long long give_up_after_seconds = 24 * 3600;  // a 4xx is retried this long
  Location location;
};

// One report a value of a dimension, each to its own recipients.
struct Burst {
  std::string dataset;  // the dataset whose column is the dimension
  std::string column;
  // value -> recipients (groups expanded), in the spec's order.
  std::vector<std::pair<std::string, std::vector<std::string>>> values;
  // More recipients a value, from a database: a SOCI URL and a query
  // whose rows are (value, address). Empty when the spec has none.
  std::string recipients_url;
  std::string recipients_sql;
  Location location;
};

struct Spec {
  std::string file;
  Report report;
  std::vector<Lookup> lookups;
  std::vector<Source> sources;
  Settings parameters;  // report-wide indicator parameters
  std::vector<Kpi> kpis;
  std::vector<Section> sections;
  Outputs outputs;
  std::optional<Schedule> schedule;
  std::optional<Delivery> delivery;
  std::optional<Burst> burst;
};

}  // namespace vigie::spec
