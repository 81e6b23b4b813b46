#include <fmt/format.h>

#include <algorithm>

#include "spec/spec_reader.hpp"
#include "spec/suggest.hpp"

namespace vigie::spec {
namespace {

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
    "tiles",        "line_chart",
    "bar_chart",    "table",
    "list",         "note",
    "area_chart",   "stacked_bar_chart",
    "donut_chart",  "funnel_chart",
    "heatmap",      "waterfall_chart",
    "bullet_chart", "small_multiples",
    "kpi_table"};

const std::vector<std::string> kOrientations = {"auto", "horizontal",
                                                "vertical"};

std::string_view output_kind_name(OutputKind kind) {
  switch (kind) {
    case OutputKind::Table:
      return "a table";
    case OutputKind::List:
      return "a list";
    default:
      return "a single value";
  }
}

using Shows = BlockShows;

Shows shows(BlockKind kind) {
  switch (kind) {
    case BlockKind::Tiles:
    case BlockKind::BulletChart:
    case BlockKind::KpiTable:
      return Shows::Values;
    case BlockKind::LineChart:
    case BlockKind::AreaChart:
    case BlockKind::SmallMultiples:
      return Shows::Either;
    default:
      return Shows::Tables;
  }
}

bool accepts(Shows shows, OutputKind kind) {
  const bool value = kind == OutputKind::Value;
  return shows == Shows::Either || (shows == Shows::Values) == value;
}

// What to use instead when a KPI does not fit the block.
std::string_view alternatives(Shows shows) {
  return shows == Shows::Values
             ? "single values (use a table, list or a chart of tables: "
               "bar_chart, stacked_bar_chart, donut_chart, funnel_chart, "
               "heatmap, waterfall_chart)"
             : "tables or lists (use tiles, kpi_table, bullet_chart, or a "
               "line_chart, area_chart or small_multiples of KPIs)";
}

}  // namespace

std::vector<Section> SpecReader::read_sections(const Cursor& at) {
  std::vector<Section> sections;
  if (!doc_.expect_list(at)) return sections;
  for (const auto& item : doc_.items(at)) {
    Section section;
    section.location = doc_.where(item);
    if (doc_.expect_map(item, "a section: a map with title and blocks")) {
      Fields f(doc_, item, {"title", "new_page", "blocks"});
      doc_.assign(section.title, f.required("title", "a string"));
      doc_.assign(section.new_page, f.optional("new_page"));
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

std::optional<Block> SpecReader::read_block(const Cursor& at) {
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
  const Cursor& value = entry.value;
  switch (block.kind) {
    case BlockKind::Tiles:
      read_kpi_list(value, block, {"sparkline"});
      break;
    case BlockKind::BulletChart:
    case BlockKind::KpiTable:
      read_kpi_list(value, block, {});
      break;
    case BlockKind::Table:
    case BlockKind::List:
      read_single_kpi(value, block,
                      {"columns", "max_rows", "thresholds", "bars"});
      break;
    case BlockKind::LineChart:
    case BlockKind::AreaChart:
      read_line_chart(value, block);
      break;
    case BlockKind::SmallMultiples:
      read_small_multiples(value, block);
      break;
    case BlockKind::BarChart:
      read_table_chart(
          value, block, {"label", "value"},
          {"orientation", "max_bars", "category_title", "value_title"});
      break;
    case BlockKind::StackedBarChart:
      read_table_chart(value, block, {"label", "values"},
                       {"percent", "orientation", "max_bars", "category_title",
                        "value_title"});
      break;
    case BlockKind::DonutChart:
      read_table_chart(value, block, {"label", "value"}, {"max_slices"});
      break;
    case BlockKind::FunnelChart:
      read_table_chart(value, block, {"label", "value"}, {});
      break;
    case BlockKind::Heatmap:
      read_table_chart(value, block, {"row", "column", "value"},
                       {"row_title", "column_title"});
      break;
    case BlockKind::WaterfallChart:
      read_table_chart(value, block, {"label", "value"},
                       {"category_title", "value_title"});
      break;
    case BlockKind::Note:
      read_note(value, block);
      break;
  }
  return block;
}

void SpecReader::read_note(const Cursor& at, Block& block) {
  doc_.assign(block.text, at);
  const std::size_t characters = utf8_length(block.text);
  if (characters > kMaxNoteCharacters)
    doc_.error(at, fmt::format("a note holds at most {} characters, this "
                               "one has {}; a longer text belongs in a "
                               "document of its own",
                               kMaxNoteCharacters, characters));
}

void SpecReader::read_kpi_list(const Cursor& at, Block& block,
                               std::vector<std::string> extra_keys) {
  std::optional<Cursor> list = at;
  if (at.node.IsMap()) {
    extra_keys.insert(extra_keys.end(), {"kpis", "title"});
    Fields f(doc_, at, extra_keys);
    list = f.required("kpis", "a list of KPI ids");
    doc_.assign(block.title, f.optional("title"));
    read_chart_options(f, block);
  }
  if (!list || !doc_.expect_list(*list, "a list of KPI ids")) return;
  if (list->node.size() == 0) doc_.error(*list, "expected at least one KPI");
  for (const auto& item : doc_.items(*list)) read_kpi_reference(item, block);
}

void SpecReader::read_single_kpi(const Cursor& at, Block& block,
                                 std::vector<std::string> extra_keys) {
  if (!at.node.IsMap()) {
    read_kpi_reference(at, block);
    return;
  }
  extra_keys.insert(extra_keys.end(), {"kpi", "title"});
  Fields f(doc_, at, extra_keys);
  if (auto kpi = f.required("kpi", "a KPI id")) read_kpi_reference(*kpi, block);
  doc_.assign(block.title, f.optional("title"));
  if (auto columns = f.optional("columns"))
    check_columns(block,
                  read_columns(*columns, block.columns, block.column_headers));
  if (auto max_rows = f.optional("max_rows")) {
    doc_.assign(block.max_rows, max_rows);
    if (block.max_rows < 1) doc_.error(*max_rows, "expected at least 1 row");
  }
  if (auto thresholds = f.optional("thresholds"))
    read_thresholds(*thresholds, block);
  if (auto bars = f.optional("bars")) {
    std::vector<std::string> headers;
    std::vector<NamedColumn> named =
        read_columns(*bars, block.bar_columns, headers);
    check_columns(block, named, true);
  }
}

void SpecReader::read_thresholds(const Cursor& at, Block& block) {
  if (!doc_.expect_map(at,
                       "a map of column to {value, direction, warning, "
                       "alert}"))
    return;
  std::vector<NamedColumn> named;
  for (const auto& entry : doc_.entries(at)) {
    named.push_back({entry.key, entry.key_at});
    if (auto zones = read_target(entry.value))
      block.thresholds.push_back({entry.key, *zones});
  }
  check_columns(block, named, true);
}

void SpecReader::read_line_chart(const Cursor& at, Block& block) {
  if (!at.node.IsMap()) {
    read_kpi_reference(at, block);
    check_table_keys(at, block, false, false);
    return;
  }
  Fields f(doc_, at,
           {"kpi", "kpis", "label", "values", "comparison", "title",
            "category_title", "value_title"});
  read_kpi_or_kpis(f, block);
  doc_.assign(block.title, f.optional("title"));
  read_chart_options(f, block);
  std::vector<NamedColumn> named;
  const auto label = f.optional("label");
  if (label) {
    doc_.assign(block.label_column, label);
    named.push_back({block.label_column, *label});
  }
  const auto values = f.optional("values");
  if (values) {
    auto columns =
        read_columns(*values, block.value_columns, block.value_headers);
    if (values->node.IsSequence() && values->node.size() == 0)
      doc_.error(*values, "expected at least one column");
    check_value_columns(block, columns, true);
    named.insert(named.end(), columns.begin(), columns.end());
  }
  check_columns(block, named);
  check_table_keys(at, block, label.has_value(), values.has_value());
}

void SpecReader::read_small_multiples(const Cursor& at, Block& block) {
  if (!doc_.expect_map(at,
                       "a map with kpis, or kpi, category, label and "
                       "value"))
    return;
  Fields f(doc_, at,
           {"kpi", "kpis", "category", "label", "value", "comparison", "title",
            "value_title"});
  read_kpi_or_kpis(f, block);
  doc_.assign(block.title, f.optional("title"));
  read_chart_options(f, block);
  std::vector<NamedColumn> named;
  const auto category = f.optional("category");
  const auto label = f.optional("label");
  const auto value = f.optional("value");
  for (const auto& [key, out] : {std::pair{category, &block.category_column},
                                 std::pair{label, &block.label_column},
                                 std::pair{value, &block.value_column}}) {
    if (!key) continue;
    doc_.assign(*out, key);
    named.push_back({*out, *key});
  }
  check_columns(block, named);
  if (value) check_value_columns(block, {named.back()}, true);
  const bool table = category || label || value;
  check_table_keys(at, block, table, table);
  if (table && !(category && label && value))
    doc_.error(at,
               "small multiples of a table name its `category` column "
               "(one panel a value), its `label` column (the x axis) and "
               "its `value` column");
}

void SpecReader::read_table_chart(const Cursor& at, Block& block,
                                  const std::vector<std::string>& columns,
                                  std::vector<std::string> options) {
  // "a map with kpi, label and value"
  std::string with = "kpi";
  for (std::size_t i = 0; i < columns.size(); ++i)
    with += (i + 1 == columns.size() ? " and " : ", ") + columns[i];
  if (!doc_.expect_map(at, "a map with " + with)) return;
  std::vector<std::string> keys = {"kpi", "title"};
  keys.insert(keys.end(), columns.begin(), columns.end());
  keys.insert(keys.end(), options.begin(), options.end());
  Fields f(doc_, at, keys);
  if (auto kpi = f.required("kpi", "a KPI id")) read_kpi_reference(*kpi, block);
  doc_.assign(block.title, f.optional("title"));
  read_chart_options(f, block);
  std::vector<NamedColumn> named;
  std::vector<NamedColumn> numbers;
  for (const std::string& key : columns) {
    if (key == "values") {
      auto v = f.required("values", "a list of the table's number columns");
      if (!v) continue;
      auto listed = read_columns(*v, block.value_columns, block.value_headers);
      if (v->node.IsSequence() && v->node.size() == 0)
        doc_.error(*v, "expected at least one column");
      named.insert(named.end(), listed.begin(), listed.end());
      numbers.insert(numbers.end(), listed.begin(), listed.end());
      continue;
    }
    std::string* out = key == "label"   ? &block.label_column
                       : key == "value" ? &block.value_column
                       : key == "row"   ? &block.row_column
                                        : &block.column_column;
    const std::string expected = key == "value"
                                     ? "the number column giving the values"
                                     : "the column giving the " + key + "s";
    auto c = f.required(key, expected);
    if (!c) continue;
    doc_.assign(*out, c);
    named.push_back({*out, *c});
    if (key == "value") numbers.push_back(named.back());
  }
  check_columns(block, named);
  check_value_columns(block, numbers, true);
}

void SpecReader::read_chart_options(const Fields& f, Block& block) {
  if (auto o = f.optional("orientation"))
    if (auto i = doc_.choice(*o, kOrientations))
      block.orientation = static_cast<Orientation>(*i);
  doc_.assign(block.percent, f.optional("percent"));
  doc_.assign(block.comparison, f.optional("comparison"));
  doc_.assign(block.sparkline, f.optional("sparkline"));
  for (const char* key : {"max_bars", "max_slices"}) {
    if (auto m = f.optional(key)) {
      doc_.assign(block.max_categories, m);
      if (block.max_categories < 2)
        doc_.error(*m,
                   "expected at least 2 (the largest categories, then "
                   "one for the others)");
    }
  }
  for (const auto& [key, out] :
       {std::pair{"category_title", &block.category_title},
        std::pair{"value_title", &block.value_title},
        std::pair{"row_title", &block.row_title},
        std::pair{"column_title", &block.column_title}}) {
    if (auto t = f.optional(key)) {
      std::string title;
      doc_.assign(title, t);
      *out = title;
    }
  }
}

void SpecReader::read_kpi_or_kpis(Fields& f, Block& block) {
  const auto kpi = f.optional("kpi");
  const auto kpis = f.optional("kpis");
  if (kpi && kpis) {
    doc_.error(*kpis,
               "a chart takes `kpi` (one KPI) or `kpis` (several "
               "value KPIs), not both");
    return;
  }
  if (kpi) {
    read_kpi_reference(*kpi, block);
    return;
  }
  if (!kpis) {
    f.required("kpi", "a KPI id (or `kpis`: a list of value KPI ids)");
    return;
  }
  if (!doc_.expect_list(*kpis, "a list of KPI ids")) return;
  if (kpis->node.size() == 0) doc_.error(*kpis, "expected at least one KPI");
  for (const auto& item : doc_.items(*kpis))
    read_kpi_reference(item, block, Shows::Values);
}

std::optional<OutputKind> SpecReader::block_kpi_kind(const Block& block) {
  if (block.kpis.size() != 1) return OutputKind::Value;
  auto it = kpi_kinds_.find(block.kpis[0]);
  if (it == kpi_kinds_.end()) return std::nullopt;
  return it->second;
}

void SpecReader::check_table_keys(const Cursor& at, Block& block,
                                  bool has_label, bool has_values) {
  const std::optional<OutputKind> kind = block_kpi_kind(block);
  if (!kind) return;  // unknown KPI, already reported
  const bool table = *kind != OutputKind::Value;
  const std::string& name = kBlockKinds[static_cast<int>(block.kind)];
  if (table && !(has_label && has_values)) {
    const bool multiples = block.kind == BlockKind::SmallMultiples;
    doc_.error(at,
               fmt::format("KPI '{}' is {}: a {} of it names {}", block.kpis[0],
                           output_kind_name(*kind), name,
                           multiples ? "its `category`, `label` and `value` "
                                       "columns"
                                     : "its `label` column (the x axis) and "
                                       "its `values` columns (the lines)"));
  } else if (!table && (has_label || has_values)) {
    doc_.error(at, fmt::format("{} name a table's columns, and KPI '{}' is "
                               "a single value: its trend needs no columns",
                               block.kind == BlockKind::SmallMultiples
                                   ? "`category`, `label` and `value`"
                                   : "`label` and `values`",
                               block.kpis.empty() ? "" : block.kpis[0]));
  }
}

void SpecReader::check_columns(const Block& block,
                               const std::vector<NamedColumn>& named,
                               bool numbers) {
  if (block.kpis.size() != 1) return;
  if (auto it = kpi_outputs_.find(block.kpis[0]); it != kpi_outputs_.end()) {
    check_block_columns(doc_, block.kpis[0], *it->second, raw_customer_id_,
                        named);
    if (numbers) check_number_columns(doc_, block.kpis[0], *it->second, named);
  }
}

void SpecReader::check_value_columns(const Block& block,
                                     const std::vector<NamedColumn>& named,
                                     bool table) {
  if (!table || block.kpis.size() != 1) return;
  if (auto it = kpi_outputs_.find(block.kpis[0]); it != kpi_outputs_.end())
    check_number_columns(doc_, block.kpis[0], *it->second, named);
}

std::vector<NamedColumn> SpecReader::read_columns(
    const Cursor& at, std::vector<std::string>& columns,
    std::vector<std::string>& headers) {
  std::vector<NamedColumn> named;
  if (!doc_.expect_list(at, "a list of column names")) return named;
  for (const auto& item : doc_.items(at)) {
    if (item.node.IsMap()) {
      auto entries = doc_.entries(item);
      if (entries.size() != 1) {
        doc_.error(item, "expected a column name or {column: \"Header\"}");
        continue;
      }
      std::string header;
      doc_.assign(header, entries[0].value);
      columns.push_back(entries[0].key);
      headers.push_back(header);
      named.push_back({entries[0].key, entries[0].key_at});
    } else if (auto t = doc_.text(item)) {
      columns.push_back(t->value);
      headers.emplace_back();
      named.push_back({t->value, item});
    }
  }
  return named;
}

void SpecReader::read_kpi_reference(const Cursor& at, Block& block) {
  read_kpi_reference(at, block, shows(block.kind));
}

void SpecReader::read_kpi_reference(const Cursor& at, Block& block,
                                    Shows wanted) {
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
    doc_.error(at,
               fmt::format("unknown KPI {};{} define it under kpis "
                           "(defined: {})",
                           doc_.quote(at, *t),
                           t->from_environment ? "" : did_you_mean(id, defined),
                           defined.empty() ? "none" : join_some(defined)));
    return;
  }
  if (!it->second || accepts(wanted, *it->second)) return;
  const std::string& kind_name = kBlockKinds[static_cast<int>(block.kind)];
  if (shows(block.kind) == Shows::Either) {
    doc_.error(at, fmt::format("KPI '{}' is {}, but the `kpis` of a {} are "
                               "single values (a table is drawn with `kpi`, "
                               "naming its columns)",
                               id, output_kind_name(*it->second), kind_name));
    return;
  }
  doc_.error(at, fmt::format("KPI '{}' is {}, but a {} block shows {}", id,
                             output_kind_name(*it->second), kind_name,
                             alternatives(wanted)));
}

const std::vector<std::string>& SpecReader::defined_kpis() {
  if (defined_kpis_.empty())
    for (const auto& [k, kind] : kpi_kinds_) defined_kpis_.push_back(k);
  return defined_kpis_;
}

}  // namespace vigie::spec
