#include "pipeline/report_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "locale/catalog.hpp"
#include "locale/labels.hpp"
#include "locale/number_format.hpp"
#include "pipeline/errors.hpp"

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

render::Tile tile_of(const KpiResult& k, const render::Locale& locale) {
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
  return t;
}

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
std::string cell_display(const Column& c, int64_t row,
                         const render::Locale& locale) {
  if (!c.is_valid(row)) return "";
  const auto i = static_cast<size_t>(row);
  switch (c.type) {
    case Type::Int64:
    case Type::Decimal:
    case Type::Double:
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
  }
  const int64_t shown = b.max_rows > 0
                            ? std::min<int64_t>(b.max_rows, k.table->rows())
                            : k.table->rows();
  for (int64_t r = 0; r < shown; ++r) {
    std::vector<std::string> row;
    for (const Column* c : columns) row.push_back(cell_display(*c, r, locale));
    t.rows.push_back(std::move(row));
  }
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

render::BarChart bar_chart_of(const spec::Block& b, const KpiResult& k,
                              const render::Locale& locale) {
  render::BarChart chart;
  chart.title = b.title.empty() ? k.label : b.title;
  if (!k.table) return chart;
  const Column* labels = k.table->find(b.label_column);
  const Column* values = k.table->find(b.value_column);
  if (labels == nullptr || values == nullptr)
    throw RunError(kUsageError,
                   fmt::format("{}: {}: the table of '{}' has no column '{}' "
                               "or '{}'",
                               b.location.str(), b.location.path, k.id,
                               b.label_column, b.value_column));
  if (values->type != Type::Int64 && values->type != Type::Decimal &&
      values->type != Type::Double)
    throw RunError(
        kUsageError,
        fmt::format("{}: {}: the column '{}' of '{}' is not a number",
                    b.location.str(), b.location.path, b.value_column, k.id));
  chart.unit = display_unit(*values);
  for (int64_t r = 0; r < k.table->rows(); ++r) {
    chart.labels.push_back(locale::term(locale, labels->string_at(r)));
    chart.values.push_back(
        values->is_valid(r) ? number_at(*values, static_cast<size_t>(r)) : 0);
  }
  return chart;
}

}  // namespace

render::Document build_document(const spec::Report& report,
                                const std::vector<spec::Section>& layout,
                                bool lists_exported,
                                const compute::PeriodPlan& plan,
                                const std::vector<KpiResult>& kpis,
                                const std::string& generated_at,
                                const std::vector<std::string>& notes) {
  render::Document doc;
  doc.locale = locale::Locale(report.locale, report.time_zone, report.currency);
  doc.title = report.title;
  const auto& p = plan.periods[plan.current];
  const auto& q = plan.periods[plan.previous];
  const locale::Arg months[] = {locale::Arg::of_text("period", p.label),
                                locale::Arg::of_text("previous", q.label)};
  doc.period = locale::message(doc.locale, "cover.period", months);
  doc.generated_at = generated_at;
  doc.notes = notes;
  const size_t first =
      plan.current + 1 - std::min(plan.series, plan.current + 1);
  for (const auto& section : layout) {
    render::Section s;
    s.title = section.title;
    for (const auto& b : section.blocks) {
      switch (b.kind) {
        case spec::BlockKind::Tiles: {
          render::TileRow row;
          std::vector<render::Note> remarks;
          for (const auto& id : b.kpis) {
            const KpiResult& k = find_kpi(kpis, id);
            row.tiles.push_back(tile_of(k, doc.locale));
            for (const auto& n : k.notes)
              remarks.push_back({locale::message(
                  doc.locale, "tile.note",
                  std::array{locale::Arg::of_text("label", k.label),
                             locale::Arg::of_text("note", n)})});
          }
          s.blocks.emplace_back(std::move(row));
          // What the indicator says of a figure is printed beside it.
          for (auto& r : remarks) s.blocks.emplace_back(std::move(r));
          break;
        }
        case spec::BlockKind::LineChart: {
          const KpiResult& k = find_kpi(kpis, b.kpis.at(0));
          render::LineChart chart;
          chart.title = b.title.empty() ? k.label : b.title;
          chart.unit = k.unit;
          for (size_t i = 0; i < k.series.size(); ++i) {
            chart.labels.push_back(plan.periods[first + i].short_label);
            chart.values.push_back(k.series[i]);
          }
          if (k.target) chart.target = k.target->objective;
          s.blocks.emplace_back(std::move(chart));
          break;
        }
        case spec::BlockKind::BarChart:
          s.blocks.emplace_back(
              bar_chart_of(b, find_kpi(kpis, b.kpis.at(0)), doc.locale));
          break;
        case spec::BlockKind::Table:
        case spec::BlockKind::List: {
          const KpiResult& k = find_kpi(kpis, b.kpis.at(0));
          s.blocks.emplace_back(table_of(b, k, doc.locale));
          if (k.table && b.max_rows > 0 && k.table->rows() > b.max_rows)
            s.blocks.emplace_back(render::Note{more_rows_note(
                k, k.table->rows() - b.max_rows, lists_exported, doc.locale)});
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
  return doc;
}

}  // namespace vigie::pipeline
