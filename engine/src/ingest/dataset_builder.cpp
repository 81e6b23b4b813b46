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

// What one text value becomes in a canonical column: a typed value, no
// value (empty or null), or a reason to reject its row.
struct DatasetBuilder::Typed {
  enum Kind : uint8_t { kValue, kEmpty, kBad } kind = kEmpty;
  int64_t value = 0;
};

// A batch's values while it is typed, kept between batches so that their
// memory is reused.
struct DatasetBuilder::Scratch {
  std::vector<std::vector<int64_t>> values;  // by canonical column
  std::vector<std::vector<uint8_t>> present;
  std::vector<uint8_t> failed;  // by row
  std::vector<std::pair<int64_t, std::string>> reasons;
  std::vector<Typed> entries;  // by dictionary code of a source column
  std::vector<uint8_t> entry_state;
};

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
      kept_(dataset.columns.size(), false),
      scratch_(std::make_unique<Scratch>()) {
  scratch_->values.resize(dataset.columns.size());
  scratch_->present.resize(dataset.columns.size());
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

DatasetBuilder::Typed DatasetBuilder::type_text(size_t i, std::string_view text,
                                                std::string& reason) {
  const auto& canon = dataset_.columns[i];
  if (text.empty()) return {};
  // Checked before any use, so that a bad byte is a reject naming where it
  // is rather than a failure in some later writer.
  if (auto problem = table::text_problem(text)) {
    reason = fmt::format("column '{}': the value {}", canon.name, *problem);
    return {Typed::kBad, 0};
  }
  std::optional<int64_t> parsed;
  switch (canon.kind) {
    // Any text is a valid id or label: one no KPI reads needs no code.
    case ColumnKind::CustomerId:
      parsed = kept_[i] ? identity_.customers.intern(text) : 0;
      break;
    case ColumnKind::VisitorId:
      parsed = kept_[i] ? identity_.visitors.intern(text) : 0;
      break;
    case ColumnKind::Text:
      parsed = kept_[i] ? text_dictionaries_[i].intern(text) : 0;
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
    reason = fmt::format("column '{}': expected {}, got '{}'", canon.name,
                         expected_text(canon.kind), text);
    return {Typed::kBad, 0};
  }
  return {Typed::kValue, *parsed};
}

// A batch is typed a column at a time: the values of one canonical column
// for every row of the batch, then the next column. A dictionary-encoded
// source column (what the file connectors send) is typed once a distinct
// value, its rows then only look their value up; a plain string column
// once a row. A row is rejected by the first of its columns, in the
// dataset's order, that does not fit, as it would be row by row.
void DatasetBuilder::append(const TableView& batch, RejectLog& rejects) {
  const Binding& b = *binding_;
  const size_t n_columns = dataset_.columns.size();
  const int64_t rows = batch.rows();
  rejects.count_read(b.source, rows);
  if (b.repaired_column) {
    const ColumnView& c = batch.columns()[*b.repaired_column];
    int64_t repaired = 0;
    if (c.type() == Type::Int64)
      for (int64_t row = 0; row < rows; ++row)
        if (c.is_valid(row)) repaired += c.ints()[row];
    rejects.count_repaired(b.source, repaired);
  }

  Scratch& s = *scratch_;
  s.failed.assign(static_cast<size_t>(rows), 0);
  s.reasons.clear();
  auto fail = [&](int64_t row, std::string reason) {
    s.failed[static_cast<size_t>(row)] = 1;
    s.reasons.emplace_back(row, std::move(reason));
  };
  if (b.reject_column) {
    const ColumnView& rc = batch.columns()[*b.reject_column];
    for (int64_t row = 0; row < rows; ++row)
      if (rc.is_valid(row)) fail(row, std::string(rc.string_at(row)));
  }

  BatchRow row_access(batch);
  std::string reason;
  for (size_t i = 0; i < n_columns; ++i) {
    auto& values = s.values[i];
    auto& present = s.present[i];
    values.assign(static_cast<size_t>(rows), 0);
    present.assign(static_cast<size_t>(rows), 0);
    if (!b.expressions[i]) continue;
    const auto& canon = dataset_.columns[i];
    const bool value_required = canon.required && !canon.may_be_empty;
    // Stores what a row's value became.
    auto take = [&](int64_t row, const Typed& t, std::string_view text) {
      switch (t.kind) {
        case Typed::kValue:
          values[static_cast<size_t>(row)] = t.value;
          present[static_cast<size_t>(row)] = 1;
          break;
        case Typed::kEmpty:
          if (value_required)
            fail(row,
                 fmt::format("column '{}': a value is required", canon.name));
          break;
        case Typed::kBad:
          // Typed again for its reason: bad values are rare.
          type_text(i, text, reason);
          fail(row, std::move(reason));
          break;
      }
    };
    const ColumnView* direct =
        b.direct[i] ? &batch.columns()[*b.direct[i]] : nullptr;
    if (direct && direct->type() == Type::Dictionary) {
      const int64_t entries = direct->dictionary_size();
      s.entries.resize(static_cast<size_t>(entries));
      // Only the values some live row uses: a rejected row's may be bad.
      s.entry_state.assign(static_cast<size_t>(entries), 0);
      const int32_t* codes = direct->codes();
      for (int64_t row = 0; row < rows; ++row) {
        if (s.failed[static_cast<size_t>(row)]) continue;
        if (!direct->is_valid(row)) {
          take(row, Typed{}, {});
          continue;
        }
        const auto code = static_cast<size_t>(codes[row]);
        if (!s.entry_state[code]) {
          s.entries[code] =
              type_text(i, direct->dictionary_at(codes[row]), reason);
          s.entry_state[code] = 1;
        }
        take(row, s.entries[code], direct->dictionary_at(codes[row]));
      }
    } else if (direct && direct->type() == Type::String) {
      for (int64_t row = 0; row < rows; ++row) {
        if (s.failed[static_cast<size_t>(row)]) continue;
        const std::string_view text =
            direct->is_valid(row) ? direct->string_at(row) : std::string_view{};
        take(row, type_text(i, text, reason), text);
      }
    } else {
      for (int64_t row = 0; row < rows; ++row) {
        if (s.failed[static_cast<size_t>(row)]) continue;
        row_access.set_row(row);
        Value v;
        try {
          v = b.expressions[i]->evaluate(row_access);
        } catch (const EvaluationError& e) {
          fail(row, fmt::format("column '{}': {}", canon.name, e.what()));
          continue;
        }
        if (v.kind == Value::Kind::Number &&
            canon.kind == ColumnKind::Decimal) {
          take(row, Typed{Typed::kValue, v.number}, {});
          continue;
        }
        const std::string text = v.as_text();
        take(row, type_text(i, text, reason), text);
      }
    }
  }

  // Rejects in row order, as a reader of rejects.csv expects.
  std::sort(s.reasons.begin(), s.reasons.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [row, why] : s.reasons) {
    const int64_t line =
        b.line_column ? batch.columns()[*b.line_column].ints()[row] : row + 1;
    rejects.add({b.source, b.origin, line, std::move(why)});
  }
  const bool any_failed = !s.reasons.empty();

  if (b.time_column) {
    const auto& values = s.values[*b.time_column];
    const auto& present = s.present[*b.time_column];
    auto& range = binding_->time_range;
    for (int64_t row = 0; row < rows; ++row) {
      const auto r = static_cast<size_t>(row);
      if (s.failed[r] || !present[r]) continue;
      range = range ? std::pair{std::min(range->first, values[r]),
                                std::max(range->second, values[r])}
                    : std::pair{values[r], values[r]};
    }
  }

  for (size_t i = 0; i < n_columns; ++i) {
    if (!kept_[i]) continue;
    Column& col = table_.columns[i];
    const auto& values = s.values[i];
    const auto& present = s.present[i];
    bool has_null = false;
    for (int64_t row = 0; row < rows && !has_null; ++row)
      has_null = !present[static_cast<size_t>(row)] &&
                 !s.failed[static_cast<size_t>(row)];
    // Validity bytes from the first null on (an empty `valid`: all valid).
    const bool mark = has_null || !col.valid.empty();
    if (mark) col.valid.resize(static_cast<size_t>(col.size()), 1);
    for (int64_t row = 0; row < rows; ++row) {
      const auto r = static_cast<size_t>(row);
      if (any_failed && s.failed[r]) continue;
      switch (col.type) {
        case Type::Dictionary:
          col.codes.push_back(static_cast<int32_t>(values[r]));
          break;
        case Type::Bool:
          col.bools.push_back(values[r] != 0 ? 1 : 0);
          break;
        default:
          col.ints.push_back(values[r]);
          break;
      }
      if (mark) col.valid.push_back(present[r]);
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
