#include "ingest/dataset_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "ingest/batch_row.hpp"
#include "table/month.hpp"
#include "table/text_check.hpp"

namespace vigie::ingest {
namespace {

using table::ColumnKind;

// One typed value of a row, before the row is known to be good.
struct Cell {
  bool null = true;
  int64_t integer = 0;  // Int, Decimal, Timestamp, Bool, dictionary code
};

const char* expected_text(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::Int:
      return "a whole number (within ±9,223,372,036,854,775,807)";
    case ColumnKind::Decimal:
      return "a decimal number like 12.34 (within "
             "±922,337,203,685,477.5807)";
    case ColumnKind::Bool:
      return "true/false, 1/0 or yes/no";
    case ColumnKind::Timestamp:
      return "a timestamp like 2026-10-03T14:05:09 or 2026-10-03 14:05:09";
    case ColumnKind::Month:
      return "a month like 2026-10 (or its first day, 2026-10-01)";
    default:
      return "text";
  }
}

}  // namespace

struct DatasetBuilder::Binding {
  std::string source;
  std::string origin;
  std::vector<std::string> names;
  std::optional<size_t> line_column;
  std::optional<size_t> reject_column;
  std::optional<size_t> repaired_column;
  // By canonical column: how it is computed, if the source provides it.
  std::vector<std::optional<Expression>> expressions;
  std::vector<std::optional<size_t>> direct;  // plain column: fast path
  std::optional<size_t> time_column;          // a Timestamp: its range is kept
  std::optional<std::pair<int64_t, int64_t>> time_range;
};

DatasetBuilder::DatasetBuilder(const table::CanonicalDataset& dataset,
                               Identity& identity,
                               const table::TimestampParser& timestamps)
    : DatasetBuilder(dataset, identity, timestamps, [&dataset] {
        std::set<std::string> all;
        for (const auto& c : dataset.columns) all.emplace(c.name);
        return all;
      }()) {}

DatasetBuilder::DatasetBuilder(const table::CanonicalDataset& dataset,
                               Identity& identity,
                               const table::TimestampParser& timestamps,
                               const std::set<std::string>& kept)
    : dataset_(dataset),
      identity_(identity),
      timestamps_(timestamps),
      text_dictionaries_(dataset.columns.size()),
      provided_(dataset.columns.size(), false),
      kept_(dataset.columns.size(), false) {
  for (size_t i = 0; i < dataset.columns.size(); ++i) {
    const auto& c = dataset.columns[i];
    kept_[i] = kept.contains(std::string(c.name));
    Column& col = table_.add(std::string(c.name), table::storage_type(c.kind));
    if (!kept_[i]) continue;
    if (c.kind == ColumnKind::CustomerId)
      col.dictionary = identity.customers.pool();
    else if (c.kind == ColumnKind::VisitorId)
      col.dictionary = identity.visitors.pool();
    else if (c.kind == ColumnKind::Text)
      col.dictionary = text_dictionaries_[i].pool();
  }
}

DatasetBuilder::~DatasetBuilder() = default;

void DatasetBuilder::begin_source(
    const std::string& source, const std::string& origin,
    const std::map<std::string, std::string>& mapping,
    const ArrowSchema& schema, const Lookups* lookups) {
  auto b = std::make_unique<Binding>();
  b->source = source;
  b->origin = origin;
  for (int64_t i = 0; i < schema.n_children; ++i) {
    std::string name = schema.children[i]->name ? schema.children[i]->name : "";
    if (name == "_line") b->line_column = static_cast<size_t>(i);
    if (name == "_reject") b->reject_column = static_cast<size_t>(i);
    if (name == "_repaired") b->repaired_column = static_cast<size_t>(i);
    b->names.push_back(std::move(name));
  }
  for (const auto& [column, expr] : mapping)
    if (dataset_.find(column) == nullptr)
      throw MappingError(
          column, fmt::format("mapping: '{}' is not a column of dataset '{}'",
                              column, dataset_.name));
  for (const auto& c : dataset_.columns) {
    std::optional<std::string> text;
    if (auto it = mapping.find(std::string(c.name)); it != mapping.end())
      text = it->second;
    else if (std::find(b->names.begin(), b->names.end(), c.name) !=
             b->names.end())
      text = "`" + std::string(c.name) + "`";
    if (!text) {
      if (c.required)
        throw MappingError(
            std::string(c.name),
            fmt::format("dataset '{}' needs column '{}', which source '{}' "
                        "({}) does not "
                        "have; map it with `mapping: {{{}: <source column or "
                        "expression>}}`",
                        dataset_.name, c.name, source, origin, c.name));
      b->expressions.emplace_back();
      b->direct.emplace_back();
      continue;
    }
    try {
      Expression e = Expression::parse(*text, b->names, lookups);
      b->direct.push_back(e.single_column());
      b->expressions.emplace_back(std::move(e));
    } catch (const ExpressionError& e) {
      throw MappingError(std::string(c.name),
                         fmt::format("mapping of '{}': {}", c.name, e.what()));
    }
  }
  for (size_t i = 0; i < dataset_.columns.size(); ++i) {
    if (b->expressions[i]) provided_[i] = true;
    if (dataset_.columns[i].name == dataset_.time_column &&
        dataset_.columns[i].kind == ColumnKind::Timestamp)
      b->time_column = i;
  }
  binding_ = std::move(b);
}

std::optional<std::pair<int64_t, int64_t>> DatasetBuilder::time_range() const {
  return binding_->time_range;
}

std::optional<int64_t> DatasetBuilder::unmatched() const {
  std::optional<int64_t> total;
  for (const auto& e : binding_->expressions)
    if (e && e->consults_lookup()) total = total.value_or(0) + e->unmatched();
  return total;
}

void DatasetBuilder::append(const TableView& batch, RejectLog& rejects) {
  const Binding& b = *binding_;
  const size_t n_columns = dataset_.columns.size();
  std::vector<Cell> cells(n_columns);
  BatchRow row_access(batch);
  rejects.count_read(b.source, batch.rows());
  if (b.repaired_column) {
    const ColumnView& c = batch.columns()[*b.repaired_column];
    int64_t repaired = 0;
    if (c.type() == Type::Int64)
      for (int64_t row = 0; row < batch.rows(); ++row)
        if (c.is_valid(row)) repaired += c.ints()[row];
    rejects.count_repaired(b.source, repaired);
  }

  for (int64_t row = 0; row < batch.rows(); ++row) {
    row_access.set_row(row);
    const int64_t line =
        b.line_column ? batch.columns()[*b.line_column].ints()[row] : row + 1;
    auto reject = [&](std::string reason) {
      rejects.add({b.source, b.origin, line, std::move(reason)});
    };
    if (b.reject_column) {
      const ColumnView& rc = batch.columns()[*b.reject_column];
      if (rc.is_valid(row)) {
        reject(std::string(rc.string_at(row)));
        continue;
      }
    }
    bool ok = true;
    for (size_t i = 0; i < n_columns && ok; ++i) {
      const auto& canon = dataset_.columns[i];
      Cell& cell = cells[i];
      cell = Cell{};
      if (!b.expressions[i]) continue;
      // Text of the value: straight from a string column on the fast path.
      std::string_view text;
      std::string owned;
      if (b.direct[i] &&
          (batch.columns()[*b.direct[i]].type() == Type::String ||
           batch.columns()[*b.direct[i]].type() == Type::Dictionary)) {
        const ColumnView& c = batch.columns()[*b.direct[i]];
        if (c.is_valid(row)) text = c.string_at(row);
      } else {
        try {
          Value v = b.expressions[i]->evaluate(row_access);
          if (v.kind == Value::Kind::Number &&
              canon.kind == ColumnKind::Decimal) {
            cell = {false, v.number};
            continue;
          }
          owned = v.as_text();
          text = owned;
        } catch (const EvaluationError& e) {
          reject(fmt::format("column '{}': {}", canon.name, e.what()));
          ok = false;
          continue;
        }
      }
      if (text.empty()) {
        if (canon.required && !canon.may_be_empty) {
          reject(fmt::format("column '{}': a value is required", canon.name));
          ok = false;
        }
        continue;
      }
      // Checked before any use, so that a bad byte is a reject naming
      // where it is rather than a failure in some later writer.
      if (auto problem = table::text_problem(text)) {
        reject(fmt::format("column '{}': the value {}", canon.name, *problem));
        ok = false;
        continue;
      }
      std::optional<int64_t> parsed;
      // Any text is a valid id or label: one no KPI reads needs no code.
      const bool interned = canon.kind == ColumnKind::CustomerId ||
                            canon.kind == ColumnKind::VisitorId ||
                            canon.kind == ColumnKind::Text;
      if (interned && !kept_[i]) continue;
      switch (canon.kind) {
        case ColumnKind::CustomerId:
          parsed = identity_.customers.intern(text);
          break;
        case ColumnKind::VisitorId:
          parsed = identity_.visitors.intern(text);
          break;
        case ColumnKind::Text:
          parsed = text_dictionaries_[i].intern(text);
          break;
        case ColumnKind::Int:
          parsed = table::parse_int(text);
          break;
        case ColumnKind::Decimal:
          parsed = table::parse_decimal(text);
          break;
        case ColumnKind::Bool:
          if (auto v = table::parse_bool(text)) parsed = *v ? 1 : 0;
          break;
        case ColumnKind::Timestamp:
          parsed = timestamps_.parse(text);
          break;
        case ColumnKind::Month:
          if (auto m = table::parse_month_value(text)) parsed = m->code();
          break;
      }
      if (!parsed) {
        reject(fmt::format("column '{}': expected {}, got '{}'", canon.name,
                           expected_text(canon.kind), text));
        ok = false;
        continue;
      }
      cell = {false, *parsed};
    }
    if (!ok) continue;
    if (b.time_column && !cells[*b.time_column].null) {
      const int64_t t = cells[*b.time_column].integer;
      auto& range = binding_->time_range;
      range = range ? std::pair{std::min(range->first, t),
                                std::max(range->second, t)}
                    : std::pair{t, t};
    }
    for (size_t i = 0; i < n_columns; ++i) {
      if (!kept_[i]) continue;
      Column& col = table_.columns[i];
      const Cell& cell = cells[i];
      if (cell.null) {
        col.push_null();
      } else if (col.type == Type::Dictionary) {
        col.push_code(static_cast<int32_t>(cell.integer));
      } else if (col.type == Type::Bool) {
        col.push_bool(cell.integer != 0);
      } else {
        col.push_int(cell.integer);
      }
    }
  }
}

std::shared_ptr<const Table> DatasetBuilder::finish() {
  Table out;
  for (size_t i = 0; i < table_.columns.size(); ++i)
    if (provided_[i] && kept_[i])
      out.columns.push_back(std::move(table_.columns[i]));
  return std::make_shared<const Table>(std::move(out));
}

}  // namespace vigie::ingest
