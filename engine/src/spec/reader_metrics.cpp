// KPIs written in the spec (`metric:`): an aggregate of a dataset's
// column, a ratio of two KPIs, an expression over KPIs, or a running
// total. Everything a run would refuse is refused here, at its place.
#include <fmt/format.h>
#include <muParser.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <stdexcept>

#include "derive/catalog.hpp"
#include "spec/metric_graph.hpp"
#include "spec/spec_reader.hpp"
#include "spec/suggest.hpp"
#include "table/month.hpp"
#include "table/parse.hpp"
#include "vigie/sdk/column.hpp"

namespace vigie::spec {
namespace {

using table::ColumnKind;

// In the order of Aggregate.
const std::vector<std::string> kAggregates = {
    "count", "count_distinct", "sum", "mean", "min", "max", "percentile"};

// In the order of FilterOp.
const std::vector<std::string> kOperators = {"=", "!=", "<", "<=", ">", ">="};

const std::vector<std::string> kSeriesGrains = {"day", "week", "month"};

// The units a reader formats (docs/kpis-json.md).
const std::vector<std::string> kUnits = {
    "currency", "count", "ratio", "multiple", "days", "seconds", "ms", "score"};

// The keys of an aggregate metric, refused beside ratio, expression and
// cumulative.
const std::vector<std::string> kAggregateKeys = {
    "dataset", "column", "percentile", "filter", "by", "series"};

bool is_text(ColumnKind kind) {
  return kind == ColumnKind::Text || kind == ColumnKind::CustomerId ||
         kind == ColumnKind::VisitorId;
}

bool is_number(ColumnKind kind) {
  return kind == ColumnKind::Int || kind == ColumnKind::Decimal;
}

const char* kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::Text:
      return "text";
    case ColumnKind::CustomerId:
      return "customer id";
    case ColumnKind::VisitorId:
      return "visitor id";
    case ColumnKind::Int:
      return "integer";
    case ColumnKind::Decimal:
      return "decimal";
    case ColumnKind::Bool:
      return "bool";
    case ColumnKind::Timestamp:
      return "timestamp";
    case ColumnKind::Month:
      return "month";
  }
  return "?";
}

std::vector<std::string> column_names(const table::CanonicalDataset& d) {
  std::vector<std::string> names;
  for (const auto& c : d.columns) names.emplace_back(c.name);
  return names;
}

// The unit of an aggregate when the spec gives none: counts are counts,
// an amount of a decimal column (money in the data model) is money, a
// duration column says its unit in its name (load_time_ms, wait_s).
std::string default_unit(Aggregate aggregate,
                         const table::CanonicalColumn* column) {
  if (aggregate == Aggregate::Count || aggregate == Aggregate::CountDistinct)
    return "count";
  if (column == nullptr) return "";
  if (column->kind == ColumnKind::Decimal) return "currency";
  const std::string_view name = column->name;
  if (name.ends_with("_ms")) return "ms";
  if (name.ends_with("_s")) return "seconds";
  if (aggregate == Aggregate::Sum) return "count";
  return "";
}

// The place of character `offset` of a scalar: exact for a plain scalar
// on one line, else the scalar itself.
Cursor at_offset(const Cursor& at, std::size_t offset) {
  Cursor out = at;
  if (at.node.IsScalar() && at.node.Tag() == "?" &&
      at.node.Scalar().find('\n') == std::string::npos)
    out.mark.column += static_cast<int>(offset);
  return out;
}

// muparser takes any unknown name as a variable through this factory,
// so that parsing lists the names an expression uses.
double* collect_variable(const char* /*name*/, void* storage) {
  auto* values = static_cast<std::deque<double>*>(storage);
  values->push_back(0);
  return &values->back();
}

// Where `name` first stands as a whole name in `text` (not inside a
// longer one), or npos.
std::size_t find_name(const std::string& text, const std::string& name) {
  auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  };
  for (std::size_t pos = text.find(name); pos != std::string::npos;
       pos = text.find(name, pos + 1)) {
    const std::size_t end = pos + name.size();
    if ((pos == 0 || !is_name_char(text[pos - 1])) &&
        (end == text.size() || !is_name_char(text[end])))
      return pos;
  }
  return std::string::npos;
}

}  // namespace

std::optional<Metric> SpecReader::read_metric(const Cursor& at,
                                              const std::string& kpi_id,
                                              std::optional<OutputKind>& kind) {
  if (!doc_.expect_map(at,
                       "a metric: a map with aggregate and dataset, or one "
                       "of ratio, expression, cumulative"))
    return std::nullopt;
  std::vector<std::string> keys = {"aggregate", "ratio", "expression",
                                   "cumulative", "unit"};
  keys.insert(keys.end(), kAggregateKeys.begin(), kAggregateKeys.end());
  Fields f(doc_, at, keys);
  Metric metric;
  std::vector<std::pair<Metric::Kind, Cursor>> forms;
  for (auto [key, form] : {std::pair{"aggregate", Metric::Kind::Aggregate},
                           std::pair{"ratio", Metric::Kind::Ratio},
                           std::pair{"expression", Metric::Kind::Expression},
                           std::pair{"cumulative", Metric::Kind::Cumulative}})
    if (auto c = f.optional(key)) forms.emplace_back(form, *c);
  if (forms.empty()) {
    doc_.error(at,
               "expected one of aggregate (with dataset), ratio, expression "
               "or cumulative");
    return std::nullopt;
  }
  for (std::size_t i = 1; i < forms.size(); ++i)
    doc_.error(forms[i].second,
               "a metric is one of aggregate, ratio, expression or "
               "cumulative: start another KPI for this one");
  metric.kind = forms[0].first;
  const Cursor& form_at = forms[0].second;
  if (metric.kind != Metric::Kind::Aggregate)
    for (const auto& key : kAggregateKeys)
      if (auto c = f.optional(key))
        doc_.error(*c, fmt::format("'{}' belongs to an aggregate metric, not "
                                   "to a ratio, expression or cumulative one",
                                   key));
  kind = OutputKind::Value;
  switch (metric.kind) {
    case Metric::Kind::Aggregate:
      read_aggregate(f, form_at, metric);
      if (!metric.by.empty() || metric.series) kind = OutputKind::Table;
      break;
    case Metric::Kind::Ratio:
      if (doc_.expect_list(form_at, "[numerator KPI, denominator KPI]")) {
        auto items = doc_.items(form_at);
        if (items.size() != 2)
          doc_.error(form_at, fmt::format("expected two KPI ids, [numerator, "
                                          "denominator], got {}",
                                          items.size()));
        else
          for (const auto& item : items)
            read_metric_reference(item, kpi_id, metric);
      }
      metric.unit = "ratio";
      break;
    case Metric::Kind::Expression:
      read_expression(form_at, kpi_id, metric);
      break;
    case Metric::Kind::Cumulative:
      read_metric_reference(form_at, kpi_id, metric);
      break;
  }
  if (auto u = f.optional("unit"))
    if (auto i = doc_.choice(*u, kUnits)) metric.unit = kUnits[*i];
  metric_places_[kpi_id] = at;
  return metric;
}

void SpecReader::read_aggregate(const Fields& f, const Cursor& aggregate_at,
                                Metric& metric) {
  if (auto i = doc_.choice(aggregate_at, kAggregates))
    metric.aggregate = static_cast<Aggregate>(*i);
  const table::CanonicalDataset* dataset = nullptr;
  auto dataset_at = f.optional("dataset");
  if (!dataset_at) {
    Cursor missing = f.map();
    missing.path = child_path(f.map().path, "dataset");
    doc_.error(missing, "missing required key 'dataset' (one of " +
                            join(dataset_names()) + ")");
  } else if ((dataset = read_dataset(*dataset_at, metric.dataset))) {
    if (!filled_datasets_.contains(metric.dataset)) {
      std::vector<std::string> filled(filled_datasets_.begin(),
                                      filled_datasets_.end());
      doc_.error(
          *dataset_at,
          fmt::format("no source of the spec fills dataset '{}' "
                      "(filled: {})",
                      metric.dataset, filled.empty() ? "none" : join(filled)));
    }
  }
  const Aggregate aggregate = metric.aggregate;
  const table::CanonicalColumn* column = nullptr;
  if (auto c = f.optional("column")) {
    if (dataset != nullptr &&
        (column = metric_column(*c, *dataset, metric.column))) {
      const bool numeric = is_number(column->kind);
      if (aggregate != Aggregate::Count &&
          aggregate != Aggregate::CountDistinct && !numeric)
        doc_.error(*c, fmt::format("{} needs a number column (integer or "
                                   "decimal); '{}' is {}",
                                   kAggregates[static_cast<int>(aggregate)],
                                   metric.column, kind_name(column->kind)));
    }
  } else if (aggregate != Aggregate::Count) {
    Cursor missing = f.map();
    missing.path = child_path(f.map().path, "column");
    doc_.error(missing,
               fmt::format("missing required key 'column' (the column {} "
                           "is taken of)",
                           kAggregates[static_cast<int>(aggregate)]));
  }
  if (auto p = f.optional("percentile")) {
    if (aggregate != Aggregate::Percentile) {
      doc_.error(*p, "'percentile' goes with aggregate: percentile");
    } else if (auto t = doc_.text(*p)) {
      auto value = table::parse_decimal(t->value);
      if (!value || *value <= 0 || *value > 100 * kDecimalScale)
        doc_.error(*p, fmt::format("expected a percent above 0 and at most "
                                   "100, got {}",
                                   doc_.quote(*p, *t)));
      else
        metric.percentile = *value;
    }
  } else if (aggregate == Aggregate::Percentile) {
    Cursor missing = f.map();
    missing.path = child_path(f.map().path, "percentile");
    doc_.error(missing,
               "missing required key 'percentile' (a percent, e.g. 95)");
  }
  if (auto filter = f.optional("filter"); filter && dataset != nullptr)
    read_filter(*filter, *dataset, metric);
  auto by_at = f.optional("by");
  if (by_at && dataset != nullptr && !profile_by(*by_at, *dataset, metric))
    if (const auto* by = metric_column(*by_at, *dataset, metric.by))
      if (by->kind == ColumnKind::Decimal || by->kind == ColumnKind::Timestamp)
        doc_.error(*by_at, fmt::format("a metric is broken down by a text, "
                                       "id, integer, bool or month column; "
                                       "'{}' is {}{}",
                                       metric.by, kind_name(by->kind),
                                       by->kind == ColumnKind::Timestamp
                                           ? " (use series: day, week or "
                                             "month)"
                                           : ""));
  if (auto s = f.optional("series")) {
    if (auto i = doc_.choice(*s, kSeriesGrains))
      metric.series = static_cast<table::Grain>(2 - *i);  // Month, Week, Day
    if (by_at)
      doc_.error(*s,
                 "a metric is broken down either by a column (by) or by "
                 "period (series), not both: write two KPIs");
  }
  metric.unit = default_unit(aggregate, column);
}

bool SpecReader::profile_by(const Cursor& at,
                            const table::CanonicalDataset& dataset,
                            Metric& metric) {
  const auto t = doc_.text(at);
  if (!t) return false;
  const auto profiles = derive::profile_columns();
  if (std::find(profiles.begin(), profiles.end(), t->value) == profiles.end())
    return false;
  metric.by = t->value;
  metric.by_profile = true;
  if (dataset.find("customer_id") == nullptr)
    doc_.error(at, fmt::format("'{}' is a column of the customer's profile, "
                               "reached through customer_id, which dataset "
                               "'{}' does not have",
                               t->value, dataset.name));
  return true;
}

const table::CanonicalColumn* SpecReader::metric_column(
    const Cursor& at, const table::CanonicalDataset& dataset,
    std::string& name) {
  auto t = doc_.text(at);
  if (!t) return nullptr;
  name = t->value;
  if (const auto* column = dataset.find(name)) return column;
  auto columns = column_names(dataset);
  doc_.error(at, fmt::format("'{}' is not a column of dataset '{}';{} "
                             "columns: {}",
                             name, dataset.name, did_you_mean(name, columns),
                             join(columns)));
  return nullptr;
}

void SpecReader::read_filter(const Cursor& at,
                             const table::CanonicalDataset& dataset,
                             Metric& metric) {
  if (!doc_.expect_map(at,
                       "a map of column: value, [values] or {operator: "
                       "value}"))
    return;
  for (const auto& e : doc_.entries(at)) {
    std::string name;
    const auto* column = metric_column(e.key_at, dataset, name);
    if (column == nullptr) continue;
    if (!e.value.node.IsMap()) {
      read_condition(e.value, *column, FilterOp::Equal, metric);
      continue;
    }
    for (const auto& op : doc_.entries(e.value)) {
      auto it = std::find(kOperators.begin(), kOperators.end(), op.key);
      if (it == kOperators.end()) {
        doc_.error(op.key_at,
                   fmt::format("unknown operator '{}';{} operators: {}", op.key,
                               did_you_mean(op.key, kOperators),
                               join(kOperators, " ")));
        continue;
      }
      const auto filter_op = static_cast<FilterOp>(it - kOperators.begin());
      if (filter_op > FilterOp::NotEqual &&
          (is_text(column->kind) || column->kind == ColumnKind::Bool)) {
        doc_.error(op.key_at,
                   fmt::format("'{}' compares numbers, times and months; "
                               "'{}' is {}: use = or !=",
                               op.key, name, kind_name(column->kind)));
        continue;
      }
      read_condition(op.value, *column, filter_op, metric);
    }
  }
}

void SpecReader::read_condition(const Cursor& at,
                                const table::CanonicalColumn& column,
                                FilterOp op, Metric& metric) {
  FilterCondition condition{std::string(column.name), op, {}};
  std::vector<Cursor> values;
  if (at.node.IsSequence()) {
    values = doc_.items(at);
    if (values.empty()) doc_.error(at, "expected at least one value");
    if (op != FilterOp::Equal && op != FilterOp::NotEqual &&
        values.size() > 1) {
      doc_.error(at, fmt::format("'{}' takes one value",
                                 kOperators[static_cast<int>(op)]));
      return;
    }
  } else {
    values.push_back(at);
  }
  for (const auto& value_at : values)
    if (auto v = filter_value(value_at, column))
      condition.values.push_back(std::move(*v));
  if (condition.values.size() == values.size() && !values.empty())
    metric.filter.push_back(std::move(condition));
}

std::optional<FilterValue> SpecReader::filter_value(
    const Cursor& at, const table::CanonicalColumn& column) {
  auto t = doc_.text(at);
  if (!t) return std::nullopt;
  FilterValue out;
  std::optional<int64_t> number;
  const char* expected = "";
  switch (column.kind) {
    case ColumnKind::Text:
    case ColumnKind::CustomerId:
    case ColumnKind::VisitorId:
      out.text = t->value;
      return out;
    case ColumnKind::Int:
      number = table::parse_int(t->value);
      expected = "an integer";
      break;
    case ColumnKind::Decimal:
      number = table::parse_decimal(t->value);
      expected = "a decimal number (e.g. 12.5)";
      break;
    case ColumnKind::Bool:
      if (auto b = table::parse_bool(t->value)) number = *b ? 1 : 0;
      expected = "true or false";
      break;
    case ColumnKind::Timestamp:
      try {
        number = table::TimestampParser(time_zone_).parse(t->value);
      } catch (const std::runtime_error&) {
        return std::nullopt;  // the time zone is reported by report:
      }
      expected =
          "a time (2026-10-03, 2026-10-03T14:05:09, with an optional "
          "offset)";
      break;
    case ColumnKind::Month:
      if (auto m = table::parse_month_value(t->value)) number = m->code();
      expected = "a month (2026-10)";
      break;
  }
  if (!number) {
    doc_.error(at, fmt::format("expected {} for column '{}', got {}", expected,
                               column.name, doc_.quote(at, *t)));
    return std::nullopt;
  }
  out.number = *number;
  return out;
}

void SpecReader::read_metric_reference(const Cursor& at,
                                       const std::string& kpi_id,
                                       Metric& metric) {
  auto t = doc_.text(at);
  if (!t) return;
  if (t->value.empty()) {
    doc_.error(at, "expected a KPI id");
    return;
  }
  metric.references.push_back(t->value);
  metric_references_.push_back({kpi_id, t->value, at});
}

void SpecReader::read_expression(const Cursor& at, const std::string& kpi_id,
                                 Metric& metric) {
  auto t = doc_.text(at);
  if (!t) return;
  metric.expression = t->value;
  std::deque<double> storage;
  mu::Parser parser;
  try {
    parser.SetVarFactory(collect_variable, &storage);
    parser.SetExpr(t->value);
    parser.Eval();  // parses; the names met become variables
  } catch (const mu::Parser::exception_type& e) {
    const int pos = std::max(e.GetPos(), 0);
    doc_.error(at_offset(at, static_cast<std::size_t>(pos)),
               fmt::format("expression {}: {} (at character {})",
                           doc_.quote(at, *t), e.GetMsg(), pos + 1));
    return;
  }
  // Each name at its first place in the text.
  for (const auto& [name, value] : parser.GetUsedVar()) {
    (void)value;
    std::size_t pos = find_name(t->value, name);
    metric.references.push_back(name);
    metric_references_.push_back(
        {kpi_id, name, at_offset(at, pos == std::string::npos ? 0 : pos)});
  }
}

void SpecReader::check_metric_references(const std::vector<Kpi>& kpis) {
  std::vector<std::string> value_kpis;
  for (const auto& [id, kind] : kpi_kinds_)
    if (kind == OutputKind::Value) value_kpis.push_back(id);
  for (const auto& r : metric_references_) {
    auto it = kpi_kinds_.find(r.id);
    if (it == kpi_kinds_.end()) {
      doc_.error(r.at, fmt::format("unknown KPI '{}';{} a metric refers to "
                                   "value KPIs of the spec ({})",
                                   r.id, did_you_mean(r.id, value_kpis),
                                   value_kpis.empty() ? "none"
                                                      : join_some(value_kpis)));
    } else if (it->second && *it->second != OutputKind::Value) {
      doc_.error(r.at, fmt::format("KPI '{}' is a table or list; a metric "
                                   "refers to value KPIs (one number a "
                                   "period)",
                                   r.id));
    }
  }
  for (const auto& cycle : order_metrics(kpis).cycles) {
    std::string path;
    for (std::size_t i : cycle) path += kpis[i].id + " -> ";
    path += kpis[cycle.front()].id;
    auto place = metric_places_.find(kpis[cycle.front()].id);
    if (place != metric_places_.end())
      doc_.error(
          place->second,
          fmt::format("metrics refer to each other in a cycle: {}", path));
  }
}

const OutputDescriptor* SpecReader::metric_output(const Kpi& kpi) {
  const Metric& m = *kpi.metric;
  OutputDescriptor output;
  output.id = kpi.id;
  output.unit = m.unit;
  if (!m.by.empty()) {
    output.kind = OutputKind::Table;
    output.columns = {{m.by, plugin_host::ColumnType::String, ""},
                      {"value", plugin_host::ColumnType::Double, m.unit},
                      {"previous", plugin_host::ColumnType::Double, m.unit},
                      {"change", plugin_host::ColumnType::Double, m.unit}};
  } else if (m.series) {
    output.kind = OutputKind::Table;
    output.columns = {{"period", plugin_host::ColumnType::String, ""},
                      {"value", plugin_host::ColumnType::Double, m.unit}};
  } else {
    return nullptr;
  }
  metric_outputs_.push_back(std::move(output));
  return &metric_outputs_.back();
}

}  // namespace vigie::spec
