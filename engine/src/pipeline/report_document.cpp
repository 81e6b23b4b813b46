#include "pipeline/report_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "compute/kpi_result.hpp"
#include "locale/catalog.hpp"
#include "locale/labels.hpp"
#include "locale/number_format.hpp"
#include "pipeline/errors.hpp"
#include "pipeline/executive_summary.hpp"
#include "pipeline/kpi_blocks.hpp"

namespace vigie::pipeline {
namespace {

using compute::KpiResult;

const KpiResult& find_kpi(const std::vector<KpiResult>& kpis,
                          const std::string& id) {
  for (const auto& k : kpis)
    if (k.id == id) return k;
  throw std::logic_error("block refers to unknown KPI " + id);
}

render::Status status_of(compute::Status s) {
  switch (s) {
    case compute::Status::Ok:
      return render::Status::Ok;
    case compute::Status::Warning:
      return render::Status::Warning;
    case compute::Status::Alert:
      return render::Status::Alert;
    case compute::Status::None:
      break;
  }
  return render::Status::None;
}

}  // namespace

render::Tile tile_of(const KpiResult& k, const render::Locale& locale,
                     bool sparkline) {
  render::Tile t;
  t.label = k.label;
  t.value = locale::format_value(k.value, k.unit, locale);
  t.previous = locale::format_value(k.previous, k.unit, locale);
  t.change = locale::format_change(k.change, k.change_ratio, k.unit, locale);
  t.direction = !k.change ? 0 : (*k.change > 0 ? 1 : (*k.change < 0 ? -1 : 0));
  t.good_direction = static_cast<int>(k.better);
  t.status = status_of(k.status);
  if (k.target)
    t.target = locale::format_value(k.target->objective, k.unit, locale);
  if (sparkline) t.sparkline = k.series;
  return t;
}

render::TableBlock scorecard_of(const std::vector<const KpiResult*>& kpis,
                                const std::string& title,
                                const render::Locale& locale) {
  render::TableBlock t;
  t.title = title;
  t.header = {locale::text(locale, "kpi_table.kpi"),
              locale::text(locale, "kpi_table.value"),
              locale::text(locale, "tile.previous"),
              locale::text(locale, "kpi_table.change"),
              locale::text(locale, "tile.target")};
  t.numeric = {false, true, true, true, true};
  for (const KpiResult* k : kpis) {
    t.rows.push_back(
        {k->label, locale::format_value(k->value, k->unit, locale),
         locale::format_value(k->previous, k->unit, locale),
         locale::format_change(k->change, k->change_ratio, k->unit, locale),
         k->target ? locale::format_value(k->target->objective, k->unit, locale)
                   : ""});
    std::vector<render::CellStyle> styles(t.header.size());
    styles[1].status = status_of(k->status);
    t.styles.push_back(std::move(styles));
  }
  return t;
}

namespace {

// The unit a column's values are shown in: the one the indicator gave it,
// else what its type says (decimals of the data model are money).
std::string display_unit(const Column& c) {
  if (!c.unit.empty()) return c.unit;
  switch (c.type) {
    case Type::Decimal:
      return "currency";
    case Type::Int64:
      return "count";
    default:
      return "";
  }
}

double number_at(const Column& c, size_t i) {
  switch (c.type) {
    case Type::Int64:
      return static_cast<double>(c.ints[i]);
    case Type::Decimal:
      return static_cast<double>(c.ints[i]) /
             static_cast<double>(kDecimalScale);
    default:
      return c.doubles[i];
  }
}

// A table cell as a reader expects it: numbers in the locale and their
// unit, times local (in the locale's time zone), codes of the data with
// their label (kpis.json and the lists keep the codes).
// The decimals a column of plain numbers (a unit written with up to two
// decimals, trailing zeros dropped) is written with: the most any of its
// first `rows` needs, so that its figures align on their decimal mark
// ("323,39", "314,80", "0,00"). Nothing for other columns.
std::optional<int> column_decimals(const Column& c, int64_t rows) {
  if (c.type != Type::Double) return std::nullopt;
  const std::string unit = display_unit(c);
  if (unit == "currency" || unit == "count" || unit == "ratio" ||
      unit == "days")
    return std::nullopt;
  int decimals = 0;
  for (int64_t r = 0; r < rows && decimals < 2; ++r)
    if (c.is_valid(r))
      decimals = std::max(
          decimals, locale::decimals_needed(c.doubles[static_cast<size_t>(r)]));
  return decimals;
}

std::string cell_display(const Column& c, int64_t row,
                         const render::Locale& locale,
                         std::optional<int> decimals) {
  if (!c.is_valid(row)) return "";
  const auto i = static_cast<size_t>(row);
  switch (c.type) {
    case Type::Int64:
    case Type::Decimal:
    case Type::Double:
      if (decimals)
        return locale::format_fixed(number_at(c, i), *decimals, locale);
      return locale::format_value(number_at(c, i), display_unit(c), locale);
    case Type::Bool:
      return locale::text(locale, c.bools[i] ? "value.yes" : "value.no");
    case Type::Timestamp:
      return locale::format_local_time(c.ints[i], locale);
    case Type::String:
    case Type::Dictionary:
      return locale::term(locale, c.string_at(row));
  }
  return "";
}

void style_table(const spec::Block& b, const KpiResult& k,
                 const std::vector<const Column*>& columns, int64_t shown,
                 render::TableBlock& t);

render::TableBlock table_of(const spec::Block& b, const KpiResult& k,
                            const render::Locale& locale) {
  render::TableBlock t;
  t.title = b.title.empty() ? k.label : b.title;
  if (!k.table) return t;
  std::vector<const Column*> columns;
  std::vector<std::string> headers;
  if (b.columns.empty()) {
    for (const auto& c : k.table->columns) {
      columns.push_back(&c);
      headers.push_back(locale::column_header(locale, c.name));
    }
  } else {
    for (size_t i = 0; i < b.columns.size(); ++i) {
      const Column* c = k.table->find(b.columns[i]);
      if (c == nullptr)
        throw RunError(
            kUsageError,
            fmt::format("{}: {}: the table of '{}' has no column '{}'",
                        b.location.str(), b.location.path, k.id, b.columns[i]));
      columns.push_back(c);
      const std::string& h =
          i < b.column_headers.size() ? b.column_headers[i] : std::string();
      headers.push_back(h.empty() ? locale::column_header(locale, c->name) : h);
    }
  }
  t.header = headers;
  for (const Column* c : columns) {
    t.numeric.push_back(c->type == Type::Int64 || c->type == Type::Decimal ||
                        c->type == Type::Double);
    t.times.push_back(c->type == Type::Timestamp);
  }
  const int64_t shown = b.max_rows > 0
                            ? std::min<int64_t>(b.max_rows, k.table->rows())
                            : k.table->rows();
  std::vector<std::optional<int>> decimals;
  for (const Column* c : columns)
    decimals.push_back(column_decimals(*c, shown));
  for (int64_t r = 0; r < shown; ++r) {
    std::vector<std::string> row;
    for (size_t i = 0; i < columns.size(); ++i)
      row.push_back(cell_display(*columns[i], r, locale, decimals[i]));
    t.rows.push_back(std::move(row));
  }
  style_table(b, k, columns, shown, t);
  return t;
}

// Where the rows a table block leaves out are: never dropped silently.
std::string more_rows_note(const KpiResult& k, int64_t hidden,
                           bool lists_exported, const render::Locale& locale) {
  const bool csv = lists_exported && k.kind == plugin_host::OutputKind::List;
  const locale::Arg args[] = {
      locale::Arg::of_number("count", locale::ArgType::Count,
                             static_cast<double>(hidden)),
      locale::Arg::of_text("file",
                           csv ? "lists/" + k.id + ".csv" : "kpis.json")};
  return locale::message(locale, "table.more_rows", args);
}

[[noreturn]] void block_error(const spec::Block& b, const std::string& what) {
  throw RunError(kUsageError, fmt::format("{}: {}: {}", b.location.str(),
                                          b.location.path, what));
}

// A column of the KPI's table a block names. The spec reader checked it
// against the columns the indicator declares; an indicator that declares
// none is checked here.
const Column& column_of(const spec::Block& b, const KpiResult& k,
                        const std::string& name) {
  const Column* c = k.table ? k.table->find(name) : nullptr;
  if (c == nullptr)
    block_error(
        b, fmt::format("the table of '{}' has no column '{}'", k.id, name));
  return *c;
}

bool is_number(const Column& c) {
  return c.type == Type::Int64 || c.type == Type::Decimal ||
         c.type == Type::Double;
}

const Column& number_column_of(const spec::Block& b, const KpiResult& k,
                               const std::string& name) {
  const Column& c = column_of(b, k, name);
  if (!is_number(c))
    block_error(
        b, fmt::format("the column '{}' of '{}' is not a number", name, k.id));
  return c;
}

// A number column's values, a missing one as nothing.
std::vector<std::optional<double>> optional_numbers(const Column& c) {
  std::vector<std::optional<double>> out;
  for (int64_t r = 0; r < c.size(); ++r) {
    if (c.is_valid(r)) {
      out.emplace_back(number_at(c, static_cast<size_t>(r)));
    } else {
      out.emplace_back();
    }
  }
  return out;
}

// A number column's values, a missing one as zero (a bar of nothing).
std::vector<double> numbers(const Column& c) {
  std::vector<double> out;
  for (const auto& v : optional_numbers(c)) out.push_back(v.value_or(0));
  return out;
}

// A column's cells as the report writes them: the labels of a chart.
std::vector<std::string> texts(const Column& c, const render::Locale& locale) {
  std::vector<std::string> out;
  for (int64_t r = 0; r < c.size(); ++r)
    out.push_back(cell_display(c, r, locale, std::nullopt));
  return out;
}

// The title of a value axis: what its unit counts ("Montant (€)"), none
// for a unit the catalog does not name.
std::string unit_title(const std::string& unit, const render::Locale& locale) {
  const std::string id = "axis." + unit;
  if (unit.empty() || locale::find_message(id) == nullptr) return "";
  const locale::Arg currency[] = {
      locale::Arg::of_text("currency", locale.currency)};
  return locale::message(locale, id, currency);
}

// The title of the category axis of a trend: the grain of its periods.
std::string period_title(const spec::Report& report,
                         const render::Locale& locale) {
  switch (report.period) {
    case table::Grain::Week:
      return locale::text(locale, "axis.week");
    case table::Grain::Day:
      return locale::text(locale, "axis.day");
    default:
      return locale::text(locale, "axis.month");
  }
}

// The spec's axis titles, else those given: an empty one is none.
render::AxisTitles axes_of(const spec::Block& b, std::string category,
                           std::string value) {
  return {b.category_title.value_or(std::move(category)),
          b.value_title.value_or(std::move(value))};
}

size_t max_categories(const spec::Block& b, size_t fallback) {
  return b.max_categories > 0 ? static_cast<size_t>(b.max_categories)
                              : fallback;
}

render::BarOrientation orientation_of(spec::Orientation o) {
  switch (o) {
    case spec::Orientation::Horizontal:
      return render::BarOrientation::Horizontal;
    case spec::Orientation::Vertical:
      return render::BarOrientation::Vertical;
    case spec::Orientation::Auto:
      break;
  }
  return render::BarOrientation::Auto;
}

std::string title_of(const spec::Block& b, const KpiResult& k) {
  return b.title.empty() ? k.label : b.title;
}

render::BarChart bar_chart_of(const spec::Block& b, const KpiResult& k,
                              const render::Locale& locale) {
  render::BarChart chart;
  chart.title = title_of(b, k);
  chart.orientation = orientation_of(b.orientation);
  chart.max_bars = max_categories(b, render::kMaxBars);
  if (!k.table) return chart;
  const Column& labels = column_of(b, k, b.label_column);
  const Column& values = number_column_of(b, k, b.value_column);
  chart.unit = display_unit(values);
  chart.labels = texts(labels, locale);
  chart.values = numbers(values);
  chart.axes = axes_of(b, locale::column_header(locale, b.label_column),
                       unit_title(chart.unit, locale));
  return chart;
}

// The names of a table chart's value columns: the spec's, else from the
// columns' names.
std::vector<std::string> series_names(const spec::Block& b,
                                      const render::Locale& locale) {
  std::vector<std::string> names;
  for (size_t i = 0; i < b.value_columns.size(); ++i) {
    const std::string& h =
        i < b.value_headers.size() ? b.value_headers[i] : std::string();
    names.push_back(
        h.empty() ? locale::column_header(locale, b.value_columns[i]) : h);
  }
  return names;
}

render::StackedBarChart stacked_bar_chart_of(const spec::Block& b,
                                             const KpiResult& k,
                                             const render::Locale& locale) {
  render::StackedBarChart chart;
  chart.title = title_of(b, k);
  chart.percent = b.percent;
  chart.orientation = orientation_of(b.orientation);
  chart.max_bars = max_categories(b, render::kMaxBars);
  chart.series = series_names(b, locale);
  if (!k.table) return chart;
  chart.labels = texts(column_of(b, k, b.label_column), locale);
  for (const std::string& name : b.value_columns) {
    const Column& c = number_column_of(b, k, name);
    if (chart.unit.empty()) chart.unit = display_unit(c);
    chart.values.push_back(numbers(c));
  }
  chart.axes = axes_of(
      b, locale::column_header(locale, b.label_column),
      b.percent ? unit_title("ratio", locale) : unit_title(chart.unit, locale));
  return chart;
}

render::DonutChart donut_chart_of(const spec::Block& b, const KpiResult& k,
                                  const render::Locale& locale) {
  render::DonutChart chart;
  chart.title = title_of(b, k);
  chart.max_slices = max_categories(b, render::kMaxSlices);
  if (!k.table) return chart;
  const Column& values = number_column_of(b, k, b.value_column);
  chart.unit = display_unit(values);
  chart.labels = texts(column_of(b, k, b.label_column), locale);
  chart.values = numbers(values);
  return chart;
}

render::FunnelChart funnel_chart_of(const spec::Block& b, const KpiResult& k,
                                    const render::Locale& locale) {
  render::FunnelChart chart;
  chart.title = title_of(b, k);
  if (!k.table) return chart;
  const Column& values = number_column_of(b, k, b.value_column);
  chart.unit = display_unit(values);
  chart.labels = texts(column_of(b, k, b.label_column), locale);
  chart.values = numbers(values);
  return chart;
}

render::WaterfallChart waterfall_chart_of(const spec::Block& b,
                                          const KpiResult& k,
                                          const render::Locale& locale) {
  render::WaterfallChart chart;
  chart.title = title_of(b, k);
  if (!k.table) return chart;
  const Column& values = number_column_of(b, k, b.value_column);
  chart.unit = display_unit(values);
  chart.labels = texts(column_of(b, k, b.label_column), locale);
  chart.values = numbers(values);
  chart.axes = axes_of(b, locale::column_header(locale, b.label_column),
                       unit_title(chart.unit, locale));
  return chart;
}

// The distinct values of a column, in the order they first appear, and
// each row's index among them.
struct Distinct {
  std::vector<std::string> values;
  std::vector<size_t> of_row;
};

Distinct distinct(const Column& c, const render::Locale& locale) {
  Distinct out;
  for (const std::string& text : texts(c, locale)) {
    auto it = std::find(out.values.begin(), out.values.end(), text);
    out.of_row.push_back(static_cast<size_t>(it - out.values.begin()));
    if (it == out.values.end()) out.values.push_back(text);
  }
  return out;
}

render::Heatmap heatmap_of(const spec::Block& b, const KpiResult& k,
                           const render::Locale& locale) {
  render::Heatmap map;
  map.title = title_of(b, k);
  if (!k.table) return map;
  const Distinct rows = distinct(column_of(b, k, b.row_column), locale);
  const Distinct columns = distinct(column_of(b, k, b.column_column), locale);
  const Column& values = number_column_of(b, k, b.value_column);
  map.unit = display_unit(values);
  map.rows = rows.values;
  map.columns = columns.values;
  map.values.assign(rows.values.size(),
                    std::vector<std::optional<double>>(columns.values.size()));
  // A pair met twice keeps its first value: a heatmap shows one a cell.
  const auto v = optional_numbers(values);
  for (size_t r = 0; r < v.size(); ++r) {
    auto& cell = map.values[rows.of_row[r]][columns.of_row[r]];
    if (!cell) cell = v[r];
  }
  map.row_title =
      b.row_title.value_or(locale::column_header(locale, b.row_column));
  map.column_title =
      b.column_title.value_or(locale::column_header(locale, b.column_column));
  return map;
}

// The series of a value KPI on the trend's periods, and its comparison
// periods' values when the block asks for them.
render::LineSeries trend_of(const spec::Block& b, const KpiResult& k,
                            const compute::PeriodPlan& plan) {
  render::LineSeries series{k.label, k.series, {}};
  if (!b.comparison) return series;
  for (size_t i = 0; i < k.series.size(); ++i) {
    const std::optional<size_t> at =
        i < plan.compared.size() ? plan.compared[i] : std::nullopt;
    series.comparison.push_back(at && *at < k.values.size() ? k.values[*at]
                                                            : std::nullopt);
  }
  return series;
}

std::vector<std::string> trend_labels(const compute::PeriodPlan& plan,
                                      size_t count) {
  const size_t first =
      plan.current + 1 - std::min(plan.series, plan.current + 1);
  std::vector<std::string> labels;
  for (size_t i = 0; i < count && first + i < plan.periods.size(); ++i)
    labels.push_back(plan.periods[first + i].short_label);
  return labels;
}

// The unit every KPI of a chart shares: one axis cannot show two.
std::string shared_unit(const spec::Block& b,
                        const std::vector<const KpiResult*>& kpis) {
  for (const KpiResult* k : kpis) {
    if (k->unit != kpis.front()->unit)
      block_error(
          b, fmt::format(
                 "KPIs of one chart share one value axis, "
                 "and '{}' is in {} while '{}' is in {}: put "
                 "them on charts of their own",
                 kpis.front()->id,
                 kpis.front()->unit.empty() ? "no unit" : kpis.front()->unit,
                 k->id, k->unit.empty() ? "no unit" : k->unit));
  }
  return kpis.empty() ? "" : kpis.front()->unit;
}

std::vector<const KpiResult*> block_kpis(const spec::Block& b,
                                         const std::vector<KpiResult>& kpis) {
  std::vector<const KpiResult*> out;
  for (const auto& id : b.kpis) out.push_back(&find_kpi(kpis, id));
  return out;
}

std::string comparison_name(const spec::Report& report,
                            const render::Locale& locale) {
  return locale::text(locale,
                      report.comparison == spec::Comparison::PreviousYear
                          ? "chart.previous_year"
                          : "chart.previous_period");
}

render::LineChart line_chart_of(const spec::Block& b,
                                const std::vector<KpiResult>& all,
                                const spec::Report& report,
                                const compute::PeriodPlan& plan,
                                const render::Locale& locale) {
  render::LineChart chart;
  chart.area = b.kind == spec::BlockKind::AreaChart;
  const std::vector<const KpiResult*> kpis = block_kpis(b, all);
  const KpiResult& first = *kpis.front();
  chart.title = b.title.empty() ? first.label : b.title;
  if (first.kind != plugin_host::OutputKind::Value) {
    // A table: its label column along the x axis, a line a value column.
    if (!first.table) return chart;
    chart.labels = texts(column_of(b, first, b.label_column), locale);
    const std::vector<std::string> names = series_names(b, locale);
    for (size_t i = 0; i < b.value_columns.size(); ++i) {
      const Column& c = number_column_of(b, first, b.value_columns[i]);
      if (chart.unit.empty()) chart.unit = display_unit(c);
      chart.series.push_back({names[i], optional_numbers(c), {}});
    }
    chart.axes = axes_of(b, locale::column_header(locale, b.label_column),
                         unit_title(chart.unit, locale));
    return chart;
  }
  chart.unit = shared_unit(b, kpis);
  for (const KpiResult* k : kpis) chart.series.push_back(trend_of(b, *k, plan));
  chart.labels = trend_labels(plan, first.series.size());
  if (b.comparison) chart.comparison_name = comparison_name(report, locale);
  // One target line: a chart of several KPIs would not say whose it is.
  if (kpis.size() == 1 && first.target) chart.target = first.target->objective;
  chart.axes =
      axes_of(b, period_title(report, locale), unit_title(chart.unit, locale));
  return chart;
}

render::SmallMultiples small_multiples_of(const spec::Block& b,
                                          const std::vector<KpiResult>& all,
                                          const spec::Report& report,
                                          const compute::PeriodPlan& plan,
                                          const render::Locale& locale) {
  render::SmallMultiples chart;
  const std::vector<const KpiResult*> kpis = block_kpis(b, all);
  const KpiResult& first = *kpis.front();
  chart.title = b.title;
  if (first.kind != plugin_host::OutputKind::Value) {
    // A table in long form: a panel a category, a point a label.
    if (chart.title.empty()) chart.title = first.label;
    if (!first.table) return chart;
    const Distinct categories =
        distinct(column_of(b, first, b.category_column), locale);
    const Distinct labels =
        distinct(column_of(b, first, b.label_column), locale);
    const Column& values = number_column_of(b, first, b.value_column);
    chart.unit = display_unit(values);
    chart.labels = labels.values;
    for (const std::string& name : categories.values)
      chart.panels.push_back(
          {name, std::vector<std::optional<double>>(labels.values.size()), {}});
    const auto v = optional_numbers(values);
    for (size_t r = 0; r < v.size(); ++r) {
      auto& point = chart.panels[categories.of_row[r]].values[labels.of_row[r]];
      if (!point) point = v[r];
    }
    chart.axes = axes_of(b, locale::column_header(locale, b.label_column),
                         unit_title(chart.unit, locale));
    return chart;
  }
  chart.unit = shared_unit(b, kpis);
  for (const KpiResult* k : kpis) chart.panels.push_back(trend_of(b, *k, plan));
  chart.labels = trend_labels(plan, first.series.size());
  if (b.comparison) chart.comparison_name = comparison_name(report, locale);
  chart.axes =
      axes_of(b, period_title(report, locale), unit_title(chart.unit, locale));
  return chart;
}

render::BulletChart bullet_chart_of(const spec::Block& b,
                                    const std::vector<KpiResult>& all) {
  render::BulletChart chart;
  chart.title = b.title;
  for (const KpiResult* k : block_kpis(b, all)) {
    render::Bullet bullet;
    bullet.label = k->label;
    bullet.unit = k->unit;
    bullet.value = k->value;
    bullet.previous = k->previous;
    bullet.status = status_of(k->status);
    bullet.higher_is_better = k->better != plugin_host::Better::Lower;
    if (k->target) {
      bullet.target = k->target->objective;
      bullet.warning = k->target->warning;
      bullet.alert = k->target->alert;
      bullet.higher_is_better = k->target->direction == spec::Direction::Higher;
    }
    chart.bullets.push_back(std::move(bullet));
  }
  return chart;
}

// A scorecard: one row a value KPI, its value set off by its status.
render::TableBlock kpi_table_of(const spec::Block& b,
                                const std::vector<KpiResult>& all,
                                const render::Locale& locale) {
  return scorecard_of(block_kpis(b, all), b.title, locale);
}

// The status colours and in-cell bars a table block asks for, on the
// columns shown (`columns`, in the table's order).
void style_table(const spec::Block& b, const KpiResult& k,
                 const std::vector<const Column*>& columns, int64_t shown,
                 render::TableBlock& t) {
  if (b.thresholds.empty() && b.bar_columns.empty()) return;
  t.styles.assign(static_cast<size_t>(shown),
                  std::vector<render::CellStyle>(columns.size()));
  const auto shown_at = [&](const std::string& name) -> std::optional<size_t> {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i]->name == name) return i;
    return std::nullopt;
  };
  for (const auto& threshold : b.thresholds) {
    const auto at = shown_at(threshold.column);
    if (!at) continue;  // coloured only where shown
    const auto values =
        optional_numbers(number_column_of(b, k, threshold.column));
    for (int64_t r = 0; r < shown; ++r) {
      t.styles[static_cast<size_t>(r)][*at].status =
          status_of(compute::evaluate_target(values[static_cast<size_t>(r)],
                                             threshold.zones));
    }
  }
  for (const std::string& name : b.bar_columns) {
    const auto at = shown_at(name);
    if (!at) continue;
    const std::vector<double> values = numbers(number_column_of(b, k, name));
    double largest = 0;
    for (double v : values)
      if (std::isfinite(v)) largest = std::max(largest, std::fabs(v));
    if (largest == 0) continue;
    for (int64_t r = 0; r < shown; ++r)
      t.styles[static_cast<size_t>(r)][*at].bar =
          values[static_cast<size_t>(r)] / largest;
  }
}

}  // namespace

bool draws_comparison_lines(const std::vector<spec::Section>& layout) {
  for (const auto& section : layout)
    for (const auto& b : section.blocks)
      if (b.comparison) return true;
  return false;
}

render::Document build_document(const spec::Report& report,
                                const std::vector<spec::Section>& layout,
                                bool lists_exported,
                                const compute::PeriodPlan& plan,
                                const std::vector<KpiResult>& kpis,
                                const std::string& generated_at,
                                const std::vector<std::string>& notes) {
  render::Document doc;
  doc.locale = locale::Locale(report.locale, report.time_zone, report.currency);
  const render::Locale& locale = doc.locale;
  doc.title = report.title;
  doc.author = report.author;
  doc.theme = report.theme;
  const auto& p = plan.periods[plan.current];
  const auto& q = plan.periods[plan.previous];
  const locale::Arg months[] = {locale::Arg::of_text("period", p.label),
                                locale::Arg::of_text("previous", q.label)};
  doc.period = locale::message(locale, "cover.period", months);
  doc.generated_at = generated_at;
  doc.notes = notes;
  for (const auto& section : layout) {
    render::Section s;
    s.title = section.title;
    s.new_page = section.new_page;
    for (const auto& b : section.blocks) {
      const auto one = [&]() -> const KpiResult& {
        return find_kpi(kpis, b.kpis.at(0));
      };
      switch (b.kind) {
        case spec::BlockKind::Tiles: {
          render::TileRow row;
          std::vector<render::Note> remarks;
          for (const auto& id : b.kpis) {
            const KpiResult& k = find_kpi(kpis, id);
            row.tiles.push_back(tile_of(k, locale, b.sparkline));
            for (const auto& n : k.notes)
              remarks.push_back({locale::message(
                  locale, "tile.note",
                  std::array{locale::Arg::of_text("label", k.label),
                             locale::Arg::of_text("note", n)})});
          }
          s.blocks.emplace_back(std::move(row));
          // What the indicator says of a figure is printed beside it.
          for (auto& r : remarks) s.blocks.emplace_back(std::move(r));
          break;
        }
        case spec::BlockKind::LineChart:
        case spec::BlockKind::AreaChart:
          s.blocks.emplace_back(line_chart_of(b, kpis, report, plan, locale));
          break;
        case spec::BlockKind::SmallMultiples:
          s.blocks.emplace_back(
              small_multiples_of(b, kpis, report, plan, locale));
          break;
        case spec::BlockKind::BarChart:
          s.blocks.emplace_back(bar_chart_of(b, one(), locale));
          break;
        case spec::BlockKind::StackedBarChart:
          s.blocks.emplace_back(stacked_bar_chart_of(b, one(), locale));
          break;
        case spec::BlockKind::DonutChart:
          s.blocks.emplace_back(donut_chart_of(b, one(), locale));
          break;
        case spec::BlockKind::FunnelChart:
          s.blocks.emplace_back(funnel_chart_of(b, one(), locale));
          break;
        case spec::BlockKind::Heatmap:
          s.blocks.emplace_back(heatmap_of(b, one(), locale));
          break;
        case spec::BlockKind::WaterfallChart:
          s.blocks.emplace_back(waterfall_chart_of(b, one(), locale));
          break;
        case spec::BlockKind::BulletChart:
          s.blocks.emplace_back(bullet_chart_of(b, kpis));
          break;
        case spec::BlockKind::KpiTable:
          s.blocks.emplace_back(kpi_table_of(b, kpis, locale));
          break;
        case spec::BlockKind::Table:
        case spec::BlockKind::List: {
          const KpiResult& k = one();
          s.blocks.emplace_back(table_of(b, k, locale));
          if (k.table && b.max_rows > 0 && k.table->rows() > b.max_rows)
            s.blocks.emplace_back(render::Note{more_rows_note(
                k, k.table->rows() - b.max_rows, lists_exported, locale)});
          for (const auto& n : k.notes) s.blocks.emplace_back(render::Note{n});
          break;
        }
        case spec::BlockKind::Note:
          s.blocks.emplace_back(render::Note{b.text});
          break;
      }
    }
    doc.sections.push_back(std::move(s));
  }
  if (report.theme.summary)
    doc.sections.insert(doc.sections.begin(),
                        executive_summary(layout, kpis, report.theme, locale));
  return doc;
}

}  // namespace vigie::pipeline
