#include "spec/spec_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

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
    "tiles", "line_chart", "bar_chart", "table", "list", "note"};

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

// Tiles and line charts show one number a period; the other blocks show
// the rows of a table or list KPI.
bool block_accepts(BlockKind block, OutputKind output_kind) {
  bool value = output_kind == OutputKind::Value;
  return block == BlockKind::Tiles || block == BlockKind::LineChart ? value
                                                                    : !value;
}

}  // namespace

std::vector<Section> SpecReader::read_sections(const Cursor& at) {
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

void SpecReader::read_note(const Cursor& at, Block& block) {
  doc_.assign(block.text, at);
  const std::size_t characters = utf8_length(block.text);
  if (characters > kMaxNoteCharacters)
    doc_.error(at, fmt::format("a note holds at most {} characters, this "
                               "one has {}; a longer text belongs in a "
                               "document of its own",
                               kMaxNoteCharacters, characters));
}

void SpecReader::read_tiles(const Cursor& at, Block& block) {
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
    check_columns(block, read_columns(*columns, block));
  if (auto max_rows = f.optional("max_rows")) {
    doc_.assign(block.max_rows, max_rows);
    if (block.max_rows < 1) doc_.error(*max_rows, "expected at least 1 row");
  }
}

void SpecReader::read_bar_chart(const Cursor& at, Block& block) {
  if (!doc_.expect_map(at, "a map with kpi, label and value")) return;
  Fields f(doc_, at, {"kpi", "label", "value", "title"});
  if (auto kpi = f.required("kpi", "a KPI id")) read_kpi_reference(*kpi, block);
  auto label = f.required("label", "the column giving the bars' labels");
  auto value = f.required("value", "the column giving the bars' values");
  doc_.assign(block.label_column, label);
  doc_.assign(block.value_column, value);
  doc_.assign(block.title, f.optional("title"));
  std::vector<NamedColumn> named;
  if (label) named.push_back({block.label_column, *label});
  if (value) named.push_back({block.value_column, *value});
  check_columns(block, named);
}

void SpecReader::check_columns(const Block& block,
                               const std::vector<NamedColumn>& named) {
  if (block.kpis.size() != 1) return;
  if (auto it = kpi_outputs_.find(block.kpis[0]); it != kpi_outputs_.end())
    check_block_columns(doc_, block.kpis[0], *it->second, raw_customer_id_,
                        named);
}

std::vector<NamedColumn> SpecReader::read_columns(const Cursor& at,
                                                  Block& block) {
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
      block.columns.push_back(entries[0].key);
      block.column_headers.push_back(header);
      named.push_back({entries[0].key, entries[0].key_at});
    } else if (auto t = doc_.text(item)) {
      block.columns.push_back(t->value);
      block.column_headers.emplace_back();
      named.push_back({t->value, item});
    }
  }
  return named;
}

void SpecReader::read_kpi_reference(const Cursor& at, Block& block) {
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

const std::vector<std::string>& SpecReader::defined_kpis() {
  if (defined_kpis_.empty())
    for (const auto& [k, kind] : kpi_kinds_) defined_kpis_.push_back(k);
  return defined_kpis_;
}

}  // namespace vigie::spec
