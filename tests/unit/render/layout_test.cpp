// The layout checked on its draw commands, before any surface is involved.
#include "render/layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "render/table_layout.hpp"
#include "render/theme.hpp"
#include "sample_document.hpp"

namespace vigie::render {
namespace {

// The default theme's page, which the expectations below are worked out on.
constexpr PageSetup kPage{};
const Palette kColours{};

using ::testing::HasSubstr;

std::vector<const cmd::Text*> texts(const Page& page) {
  std::vector<const cmd::Text*> out;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* t = std::get_if<cmd::Text>(&c)) out.push_back(t);
  }
  return out;
}

bool has_text(const Page& page, const std::string& s) {
  for (const cmd::Text* t : texts(page)) {
    if (t->text == s) return true;
  }
  return false;
}

template <typename Command>
size_t count(const Page& page) {
  size_t n = 0;
  for (const DrawCommand& c : page.commands()) {
    n += std::holds_alternative<Command>(c) ? 1 : 0;
  }
  return n;
}

Document with_blocks(std::vector<Block> blocks) {
  Document doc;
  doc.title = "Rapport";
  doc.period = "Octobre 2026";
  doc.sections.push_back(Section{"Section", std::move(blocks)});
  return doc;
}

TableBlock table_of(size_t rows) {
  TableBlock t;
  t.title = "Clients";
  t.header = {"Client", "Chiffre d'affaires"};
  t.numeric = {false, true};
  for (size_t i = 0; i < rows; ++i) {
    t.rows.push_back({fmt::format("client-{:03}", i), "12,00 €"});
  }
  return t;
}

TEST(Layout, CoverAloneIsOnePageWithItsFooter) {
  const TextMeasurer m;
  Document doc;
  doc.title = "Rapport mensuel";
  const auto pages = layout_document(doc, m);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_TRUE(has_text(pages[0], "Rapport mensuel — page 1 / 1"));
}

TEST(Layout, TableOf200RowsSpansFivePagesAfterTheCover) {
  const TextMeasurer m;
  const auto pages = layout_document(with_blocks({table_of(200)}), m);
  // Content runs from y = 48 to 841.89 - 60 = 781.89.
  // Page 2: section title 34, table title 20, header 20: rows from y = 122,
  // (781.89 - 122) / 16 = 41.2 -> 41 rows.
  // Next pages: title 20 and header 20: rows from y = 88,
  // (781.89 - 88) / 16 = 43.4 -> 43 rows each.
  // 200 = 41 + 43 + 43 + 43 + 30: pages 2 to 6, 6 pages with the cover.
  // "Client" and "Chiffre d'affaires" on one line each take far less than
  // the 499.3 pt of the line: the table keeps its 8 pt type, its one-line
  // header of 20 and its rows of 16.
  static_assert(
      kPage.margin_top == 48 && kPage.margin_bottom == 60 &&
      theme::kSectionTitleHeight == 34 && theme::kBlockTitleHeight == 20 &&
      theme::kTableHeaderHeight == 20 && theme::kTableRowHeight == 16);
  ASSERT_EQ(pages.size(), 6u);
  const std::vector<size_t> rows_per_page{41, 43, 43, 43, 30};
  size_t next_row = 0;
  for (size_t p = 1; p < pages.size(); ++p) {
    EXPECT_TRUE(has_text(pages[p], "Chiffre d'affaires")) << "page " << p + 1;
    EXPECT_EQ(has_text(pages[p], "Clients (suite)"), p > 1) << "page " << p + 1;
    size_t rows = 0;
    for (const cmd::Text* t : texts(pages[p])) {
      if (!t->text.starts_with("client-")) continue;
      // Every row once, in order.
      EXPECT_EQ(t->text, fmt::format("client-{:03}", next_row));
      ++next_row;
      ++rows;
      EXPECT_LE(t->baseline, kPage.content_bottom());
    }
    EXPECT_EQ(rows, rows_per_page[p - 1]) << "page " << p + 1;
    // Which rows of the whole the page holds.
    EXPECT_TRUE(has_text(pages[p], fmt::format("lignes {}–{} sur 200",
                                               next_row - rows + 1, next_row)))
        << "page " << p + 1;
    EXPECT_TRUE(
        has_text(pages[p], fmt::format("Rapport — page {} / 6", p + 1)));
  }
  EXPECT_EQ(next_row, 200u);
}

TEST(Layout, EmptyTableKeepsItsHeader) {
  const TextMeasurer m;
  const auto pages = layout_document(with_blocks({table_of(0)}), m);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(has_text(pages[1], "Client"));
  EXPECT_TRUE(has_text(pages[1], "Chiffre d'affaires"));
}

TEST(Layout, NumericColumnsAreRightAligned) {
  const TextMeasurer m;
  TableBlock t = table_of(0);
  t.rows = {{"a", "1,00 €"}, {"b", "1 000,00 €"}};
  const auto pages = layout_document(with_blocks({t}), m);
  const Font cell{theme::kTableSize, false};
  double right_a = 0;
  double right_b = 0;
  for (const cmd::Text* text : texts(pages[1])) {
    if (text->text == "1,00 €") right_a = text->x + m.width(text->text, cell);
    if (text->text == "1 000,00 €") {
      right_b = text->x + m.width(text->text, cell);
    }
  }
  ASSERT_GT(right_a, 0);
  EXPECT_NEAR(right_a, right_b, 1e-6);
  // The last column ends at the content's right edge, less its padding.
  EXPECT_NEAR(
      right_a,
      kPage.margin_left + kPage.content_width() - theme::kTableCellPadding,
      1e-6);
}

const cmd::Text* find_prefix(const Page& page, const std::string& prefix) {
  for (const cmd::Text* t : texts(page)) {
    if (t->text.starts_with(prefix)) return t;
  }
  return nullptr;
}

bool same(Color a, Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

TEST(Layout, TileArrowIsColouredByWhetherTheMoveIsGood) {
  const TextMeasurer m;
  Tile up_good = testing::make_tile("Ventes", "10", "9", "+11,1 %", +1, true,
                                    Status::Ok, "");
  Tile up_bad = testing::make_tile("Attrition", "5 %", "4 %", "+1,0 pt", +1, -1,
                                   Status::Alert, "3 %");
  Tile down_bad = testing::make_tile("Clients", "90", "100", "-10,0 %", -1,
                                     true, Status::Warning, "");
  Tile flat =
      testing::make_tile("Stock", "7", "7", "0,0 %", 0, true, Status::None, "");
  const auto pages = layout_document(
      with_blocks({TileRow{{up_good, up_bad, down_bad, flat}}}), m);
  const Page& page = pages[1];
  ASSERT_NE(find_prefix(page, "▲ +11,1 %"), nullptr);
  EXPECT_TRUE(same(find_prefix(page, "▲ +11,1 %")->color, kColours.good));
  EXPECT_TRUE(same(find_prefix(page, "▲ +1,0 pt")->color, kColours.bad));
  EXPECT_TRUE(same(find_prefix(page, "▼ -10,0 %")->color, kColours.bad));
  EXPECT_TRUE(same(find_prefix(page, "► 0,0 %")->color, kColours.flat));
  EXPECT_TRUE(has_text(page, "Alerte"));
  EXPECT_TRUE(has_text(page, "Attention"));
  EXPECT_TRUE(has_text(page, "OK"));
  EXPECT_TRUE(has_text(page, "Objectif\u00a0: 3 %"));
  EXPECT_TRUE(has_text(page, "Précédent\u00a0: 9"));
}

TEST(Layout, LineChartBreaksAtMissingValuesAndDashesTheTarget) {
  const TextMeasurer m;
  LineChart chart;
  chart.title = "CA";
  chart.unit = "count";
  chart.labels = {"j", "f", "m", "a", "m"};
  chart.series = {{"CA", {1, std::nullopt, 3, 4, std::nullopt}, {}}};
  chart.target = 2.0;
  const auto pages = layout_document(with_blocks({chart}), m);
  const Page& page = pages[1];
  // One point a value: 3 values, 3 dots (the legend's sample adds one).
  EXPECT_EQ(count<cmd::Circle>(page), 3u + 1u);
  // The series: a lone point (move, no line), then 3 -> 4 (one line).
  size_t dashed = 0;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* s = std::get_if<cmd::Stroke>(&c)) {
      if (s->dash > 0) ++dashed;
    }
  }
  EXPECT_EQ(dashed, 2u);  // the target line and its legend sample
  EXPECT_TRUE(has_text(page, "Objectif\u00a0: 2"));
}

TEST(Layout, TextStaysInsideTheMargins) {
  const TextMeasurer m;
  const Tile long_tile = testing::make_tile(
      "Un libellé d'indicateur bien trop long pour tenir dans "
      "sa tuile sans être coupé",
      "123 456 789,12 €", "1 €", "+12 345,6 %", 1, 1, Status::Alert,
      "1 000 000,00 €");
  const BarChart bars =
      testing::bar_chart("Par canal", "currency",
                         {"Un canal au nom interminable qui déborde", "Web"},
                         {1500.5, -200}, BarOrientation::Auto);
  TableBlock t = table_of(3);
  t.rows[0][0] = std::string(300, 'x');
  const auto pages = layout_document(
      with_blocks(
          {TileRow{{long_tile, long_tile, long_tile, long_tile, long_tile}},
           bars, t, Note{std::string(50, 'n') + " fin"}}),
      m);
  for (size_t p = 1; p < pages.size(); ++p) {
    for (const cmd::Text* text : texts(pages[p])) {
      const double w = m.width(text->text, text->font);
      EXPECT_GE(text->x, kPage.margin_left - 1e-6) << text->text;
      EXPECT_LE(text->x + w, kPage.margin_left + kPage.content_width() + 1e-6)
          << text->text;
    }
  }
}

// Every run carries the width the measurer gives its text in its font
// (shrunk tile values, cut cells and footers included): the SVG pages pin
// each run to it.
TEST(Layout, EveryTextCarriesItsMeasuredWidth) {
  const TextMeasurer m;
  const auto pages = layout_document(testing::sample_document(), m);
  size_t runs = 0;
  for (const Page& page : pages) {
    for (const cmd::Text* text : texts(page)) {
      EXPECT_DOUBLE_EQ(text->width, m.width(text->text, text->font))
          << text->text;
      EXPECT_GT(text->width, 0) << text->text;
      ++runs;
    }
  }
  EXPECT_GT(runs, 200u);
}

TEST(Layout, SectionTitleIsKeptWithItsFirstBlock) {
  const TextMeasurer m;
  Document doc = with_blocks({table_of(38)});
  // Page 2 ends with 38 rows at y = 122 + 38 * 16 + 18 = 748: the next
  // section title and a chart (20 + 210) cannot fit under it.
  doc.sections.push_back(
      Section{"Tendances", {testing::line_chart("CA", "count", {"a"}, {1.0})}});
  const auto pages = layout_document(doc, m);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_FALSE(has_text(pages[1], "Tendances"));
  EXPECT_TRUE(has_text(pages[2], "Tendances"));
  // The cover's contents: "Section" on page 2, "Tendances" on page 3.
  EXPECT_TRUE(has_text(pages[0], "Sommaire"));
  EXPECT_TRUE(has_text(pages[0], "Section"));
  EXPECT_TRUE(has_text(pages[0], "Tendances"));
  EXPECT_TRUE(has_text(pages[0], "2"));
  EXPECT_TRUE(has_text(pages[0], "3"));
}

TEST(Layout, EnglishWording) {
  const TextMeasurer m;
  Document doc = with_blocks({table_of(60)});
  doc.locale = Locale("en_GB");
  const auto pages = layout_document(doc, m);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_TRUE(has_text(pages[2], "Clients (continued)"));
  EXPECT_TRUE(has_text(pages[1], "rows 1–41 of 60"));
  EXPECT_TRUE(has_text(pages[2], "rows 42–60 of 60"));
}

TEST(Layout, ATableOnOnePageDoesNotCountItsRows) {
  const TextMeasurer m;
  const auto pages = layout_document(with_blocks({table_of(41)}), m);
  ASSERT_EQ(pages.size(), 2u);
  for (const cmd::Text* t : texts(pages[1]))
    EXPECT_FALSE(t->text.starts_with("lignes")) << t->text;
}

bool contains_ellipsis(const std::string& s) {
  return s.find("…") != std::string::npos;
}

TEST(Layout, WideNumbersShrinkTheTypeRatherThanBeingCut) {
  const TextMeasurer m;
  const std::string number = "17 349 042,01 €";
  TableBlock t;
  t.title = "Montants";
  t.header = {"A", "B", "C", "D", "E", "F", "G"};
  t.numeric.assign(7, true);
  t.rows.assign(3, std::vector<std::string>(7, number));
  // Seven columns of the number plus 2 x 6 of padding each: the type is
  // the largest of 8, 7.5, 7, 6.5 at which 7 * (width + 12) <= 499.276,
  // the content width. At 8 pt the number is wider than the 59.3 that
  // allows, so the type must step down.
  double expected = 0;
  for (double size : {8.0, 7.5, 7.0, 6.5}) {
    if (7 * (m.width(number, Font{size, false}) + 12) <=
        kPage.content_width()) {
      expected = size;
      break;
    }
  }
  ASSERT_GT(expected, 0);
  ASSERT_LT(expected, theme::kTableSize);
  const TableLayout layout = layout_table(t, kPage.content_width(), m);
  EXPECT_EQ(layout.cell_font.size, expected);
  // Rows shrink with the type: 16 * size / 8.
  EXPECT_DOUBLE_EQ(layout.row_height, 16 * expected / 8);

  const auto pages = layout_document(with_blocks({t}), m);
  size_t whole = 0;
  for (const cmd::Text* text : texts(pages[1])) {
    EXPECT_FALSE(contains_ellipsis(text->text)) << text->text;
    if (text->text == number) ++whole;
  }
  EXPECT_EQ(whole, 21u);  // 3 rows of 7 cells, every one whole
}

TEST(Layout, TextColumnsAreCutBeforeNumericOnes) {
  const TextMeasurer m;
  TableBlock t = testing::self_care_by_action();
  const TableLayout layout = layout_table(t, kPage.content_width(), m);
  double sum = 0;
  for (double w : layout.widths) sum += w;
  EXPECT_NEAR(sum, kPage.content_width(), 1e-6);
  for (size_t c = 1; c < t.header.size(); ++c) {
    for (const auto& row : t.rows) {
      // A numeric cell and its padding fit in its column.
      EXPECT_LE(m.width(row[c], layout.cell_font) + 12, layout.widths[c] + 1e-6)
          << row[c];
    }
  }
  const auto pages = layout_document(with_blocks({t}), m);
  bool cut_action = false;
  for (const cmd::Text* text : texts(pages[1])) {
    if (contains_ellipsis(text->text)) {
      // Only the action names, in the text column, may be cut.
      EXPECT_EQ(text->x, kPage.margin_left + theme::kTableCellPadding)
          << text->text;
      cut_action = true;
    }
  }
  EXPECT_TRUE(cut_action);  // "download_invoice" needs more than it gets
}

TEST(Layout, LongHeadersWrapOntoLinesInsteadOfBeingCut) {
  const TextMeasurer m;
  const TableBlock t = testing::self_care_by_action();
  const TableLayout layout = layout_table(t, kPage.content_width(), m);
  size_t most = 0;
  for (size_t c = 0; c < t.header.size(); ++c) {
    std::string joined;
    for (const std::string& line : layout.header_lines[c]) {
      joined += (joined.empty() ? "" : " ") + line;
    }
    // Broken at spaces only: the lines put back together are the header.
    EXPECT_EQ(joined, t.header[c]);
    most = std::max(most, layout.header_lines[c].size());
  }
  // Ten columns do not leave "Digital adoption" its one line, and two
  // lines are enough for each of these two-word headers.
  EXPECT_EQ(layout.header_lines[3].size(), 2u);
  EXPECT_EQ(most, 2u);
  // Header band: its 20 at one line grows by one line's height.
  const double line = m.measure("Ag", layout.header_font).height;
  EXPECT_NEAR(layout.header_height, 20 + line, 1e-6);
  const auto pages = layout_document(with_blocks({t}), m);
  EXPECT_TRUE(has_text(pages[1], "Digital"));
  EXPECT_TRUE(has_text(pages[1], "adoption"));
}

TEST(Layout, TableFitsOnOneLineLeavesHeadersWhole) {
  const TextMeasurer m;
  const TableLayout layout =
      layout_table(table_of(3), kPage.content_width(), m);
  ASSERT_EQ(layout.header_lines.size(), 2u);
  EXPECT_EQ(layout.header_lines[1],
            std::vector<std::string>{"Chiffre d'affaires"});
  EXPECT_EQ(layout.header_height, theme::kTableHeaderHeight);
  EXPECT_EQ(layout.cell_font.size, theme::kTableSize);
}

std::vector<double> tile_heights(const Page& page) {
  // A tile is its background rectangle filled with kTileBackground.
  std::vector<double> heights;
  const cmd::Rect* last = nullptr;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* r = std::get_if<cmd::Rect>(&c)) last = r;
    const auto* f = std::get_if<cmd::Fill>(&c);
    if (f != nullptr && last != nullptr &&
        same(f->color, kColours.tile_background)) {
      heights.push_back(last->height);
    }
  }
  return heights;
}

TEST(Layout, TileLabelBesideABadgeWrapsInsteadOfBeingCut) {
  const TextMeasurer m;
  Tile renewal = testing::make_tile("Ratio de renouvellement", "78,8 %", "", "",
                                    0, 1, Status::Alert, "");
  Tile plain =
      testing::make_tile("Acheteurs", "3 513", "", "", 0, 1, Status::None, "");
  const auto pages = layout_document(
      with_blocks({TileRow{{plain, plain, renewal, plain}}}), m);
  // "Ratio de" beside the badge, "renouvellement" on a whole line under
  // it: 13 + one 8 pt line (about 9.3) = 22.3 <= the 23 left above the
  // value, so the row keeps the theme's height.
  EXPECT_TRUE(has_text(pages[1], "Ratio de"));
  EXPECT_TRUE(has_text(pages[1], "renouvellement"));
  for (const cmd::Text* t : texts(pages[1])) {
    EXPECT_FALSE(contains_ellipsis(t->text)) << t->text;
  }
  EXPECT_EQ(tile_heights(pages[1]), std::vector<double>(4, theme::kTileHeight));
}

TEST(Layout, AShortRowKeepsTheGridsTileWidth) {
  const TextMeasurer m;
  const Tile tile =
      testing::make_tile("Acheteurs", "3 513", "", "", 0, 1, Status::None, "");
  const auto pages = layout_document(with_blocks({TileRow{{tile, tile}}}), m);
  // Two tiles on the default grid of four keep a quarter of the width
  // each (less the gutters): (499.3 - 3 x 10) / 4.
  std::vector<double> widths;
  const cmd::Rect* last = nullptr;
  for (const DrawCommand& c : pages[1].commands()) {
    if (const auto* r = std::get_if<cmd::Rect>(&c)) last = r;
    const auto* f = std::get_if<cmd::Fill>(&c);
    if (f != nullptr && last != nullptr &&
        same(f->color, kColours.tile_background))
      widths.push_back(last->width);
  }
  ASSERT_EQ(widths.size(), 2u);
  for (double w : widths)
    EXPECT_NEAR(w, (kPage.content_width() - 30) / 4, 1e-9);
}

TEST(Layout, ALabelOnThreeLinesGrowsEveryTileOfItsRow) {
  const TextMeasurer m;
  Tile wordy = testing::make_tile(
      "Taux de rebond web vers un appel au centre de contacts", "17,3 %", "",
      "", 0, 1, Status::Warning, "");
  Tile plain =
      testing::make_tile("Acheteurs", "3 513", "", "", 0, 1, Status::None, "");
  Document doc = with_blocks({TileRow{{plain, wordy, plain}}});
  doc.theme.tiles_per_row = 3;  // a grid of three: tiles 156.4 wide
  const auto pages = layout_document(doc, m);
  for (const cmd::Text* t : texts(pages[1])) {
    EXPECT_FALSE(contains_ellipsis(t->text)) << t->text;
  }
  const std::vector<double> heights = tile_heights(pages[1]);
  ASSERT_EQ(heights.size(), 3u);
  // Three tiles a line: 156.4 wide, 136.4 inside. The label takes three
  // lines, the last two under the badge: 13 + 2 lines of about 9.3 = 31.6,
  // past the 23 of room: every tile of the row grows by the same 8.6.
  EXPECT_GT(heights[0], theme::kTileHeight);
  EXPECT_EQ(heights[0], heights[1]);
  EXPECT_EQ(heights[1], heights[2]);
}

}  // namespace
}  // namespace vigie::render
