// The PDF's logical structure (cmd::BeginTag): balanced on every page of
// the layout, written by Cairo as a structure tree, and read back by
// Poppler (pdfinfo -struct-text) as a screen reader would walk it.
#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pdf_tools.hpp"
#include "render/cairo_canvas.hpp"
#include "render/layout.hpp"
#include "render/renderer.hpp"
#include "render/text_measure.hpp"
#include "sample_document.hpp"

namespace vigie::render {
namespace {

using ::testing::Contains;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class PdfStructure : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::fresh_directory(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

size_t count_of(const std::vector<testing::StructElement>& elements,
                const std::string& type) {
  return static_cast<size_t>(std::count_if(
      elements.begin(), elements.end(),
      [&](const testing::StructElement& e) { return e.type == type; }));
}

// The structure on one page: each EndTag closes the innermost element
// open, by its name, and none is left open at the foot of the page.
void expect_balanced(const Page& page, const std::string& where) {
  std::vector<std::string> open;
  for (const DrawCommand& c : page.commands()) {
    if (const auto* begin = std::get_if<cmd::BeginTag>(&c)) {
      open.push_back(begin->name);
    } else if (const auto* end = std::get_if<cmd::EndTag>(&c)) {
      ASSERT_FALSE(open.empty()) << where << ": " << end->name << " not open";
      EXPECT_EQ(end->name, open.back()) << where;
      open.pop_back();
    }
  }
  EXPECT_THAT(open, IsEmpty()) << where;
  EXPECT_THAT(page.open_tags(), IsEmpty()) << where;
}

// The elements begun on a page, in order.
std::vector<std::string> tags_of(const Page& page) {
  std::vector<std::string> out;
  for (const DrawCommand& c : page.commands())
    if (const auto* begin = std::get_if<cmd::BeginTag>(&c))
      out.push_back(begin->name);
  return out;
}

Document long_table_document() {
  Document doc;
  doc.title = "Relances";
  doc.period = "Octobre 2026";
  doc.sections.push_back(
      Section{"Listes opérationnelles", {testing::inactive_customers(200)}});
  return doc;
}

TEST(PageTags, AnElementThatHoldsNothingIsTakenBack) {
  Page page;
  page.begin_tag("Figure");
  page.begin_tag("H2");
  page.end_tag();
  page.end_tag();
  EXPECT_THAT(page.commands(), IsEmpty());
  page.begin_tag("P");
  page.rect(0, 0, 1, 1);
  page.fill(Color{});
  page.end_tag();
  ASSERT_EQ(page.commands().size(), 4u);
  EXPECT_EQ(std::get<cmd::EndTag>(page.commands().back()).name, "P");
  page.end_tag();  // none open: nothing to close
  EXPECT_EQ(page.commands().size(), 4u);
}

TEST(PageTags, EveryPageIsBalanced) {
  const TextMeasurer measurer("DejaVu Sans");
  for (const Document& doc :
       {testing::sample_document(), long_table_document()}) {
    const std::vector<Page> pages = layout_document(doc, measurer);
    for (size_t i = 0; i < pages.size(); ++i)
      expect_balanced(pages[i], doc.title + " page " + std::to_string(i + 1));
  }
}

// Cover, then the table on pages 2 to 6 (RenderOutput's
// LongTableSpansPagesWithItsHeaderOnEach): on each, its title a heading
// and its rows a Table of their own.
TEST(PageTags, ATableOverPagesIsATableAPage) {
  const TextMeasurer measurer("DejaVu Sans");
  const std::vector<Page> pages =
      layout_document(long_table_document(), measurer);
  ASSERT_EQ(pages.size(), 6u);
  EXPECT_THAT(tags_of(pages[0]), Contains("H1"));  // the document's title
  EXPECT_THAT(tags_of(pages[1]),
              ElementsAreArray({"H1", "H2", "Table"}));  // the section's
  for (size_t i = 2; i < pages.size(); ++i)
    EXPECT_THAT(tags_of(pages[i]), ElementsAreArray({"H2", "Table"})) << i;
}

TEST_F(PdfStructure, PdfIsTaggedWithHeadingsFiguresAndTables) {
  const auto pdf = dir_ / "report.pdf";
  const Document doc = testing::sample_document();
  render_pdf(doc, pdf);
  EXPECT_THAT(testing::pdf_info(pdf), ::testing::ContainsRegex("Tagged: +yes"));
  // Poppler reads the file (Cairo's, then the catalog's update) without
  // repairing it: nothing said on its standard error.
  EXPECT_THAT(testing::run("pdfinfo '" + pdf.string() + "' 2>&1 >/dev/null"),
              IsEmpty());

  const std::vector<testing::StructElement> elements =
      testing::pdf_structure(pdf);
  // One root, the Document, holding everything else.
  ASSERT_FALSE(elements.empty());
  EXPECT_EQ(elements.front().type, "Document");
  for (size_t i = 1; i < elements.size(); ++i) {
    EXPECT_GE(elements[i].depth, 1) << elements[i].type;
  }
  // The document's title, then a heading a section. Poppler joins the
  // lines of a wrapped title without a space, and stops an element's
  // text at its first ligature ("ff" in "Chiffre"): Cairo writes one as
  // marked content of its own (an /ActualText span) inside the element's,
  // and Poppler 22.12 takes the span's end for the element's. The titles
  // compared here have none; pdftotext reads the ligatures whole.
  std::vector<std::string> h1 = {without_spaces(doc.title)};
  for (const Section& s : doc.sections) h1.push_back(without_spaces(s.title));
  std::vector<std::string> read;
  for (const std::string& t : testing::texts_of(elements, "H1"))
    read.push_back(without_spaces(t));
  EXPECT_THAT(read, ElementsAreArray(h1));
  // Block titles are headings beside their block, never in it.
  const auto h2 = testing::texts_of(elements, "H2");
  EXPECT_THAT(h2, Contains("Contacts par canal"));
  EXPECT_THAT(h2, Contains("Segments de valeur (RFM, 12 mois)"));
  EXPECT_THAT(h2, Contains("Clients inactifs à relancer (suite)"));
  EXPECT_THAT(h2, Contains("Qualité des données"));  // the cover's notes
  for (const testing::StructElement& e : elements) {
    if (e.type == "Figure" || e.type == "Table" || e.type == "H1" ||
        e.type == "H2") {
      EXPECT_THAT(e.in, ::testing::Not(Contains("Figure"))) << e.type;
      EXPECT_THAT(e.in, ::testing::Not(Contains("Table"))) << e.type;
    }
  }
  size_t charts = 0, tables = 0;
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      tables += std::holds_alternative<TableBlock>(b) ? 1 : 0;
      charts += std::holds_alternative<TableBlock>(b) ||
                        std::holds_alternative<Note>(b) ||
                        std::holds_alternative<TileRow>(b)
                    ? 0
                    : 1;
    }
  }
  // A block over two pages is an element on each.
  EXPECT_GE(count_of(elements, "Figure"), charts);
  EXPECT_GE(count_of(elements, "Table"), tables);
  // The tables' rows and the note's text are in their elements.
  bool row = false;
  for (const testing::StructElement& e : elements)
    row = row || (e.type == "Table" &&
                  e.text.find("Très bons clients") != std::string::npos);
  EXPECT_TRUE(row);
  EXPECT_THAT(testing::texts_of(elements, "P"),
              Contains(HasSubstr("Mars 2026 manque")));
  // The cover's contents: an entry a section.
  EXPECT_EQ(count_of(elements, "TOC"), 1u);
  EXPECT_EQ(count_of(elements, "TOCI"), doc.sections.size());
}

// The PNG previews draw the same commands on an image surface, where
// Cairo has no structure: tags change nothing there, and Cairo stays out
// of error.
TEST(CairoCanvasTags, ImageSurfaceDrawsTheSameWithTags) {
  const TextMeasurer measurer("DejaVu Sans");
  const auto draw = [&](bool tagged) {
    Page page;
    if (tagged) page.begin_tag("Figure");
    page.fill_rect(2, 2, 10, 10, Color{0.2, 0.4, 0.6});
    if (tagged) page.begin_tag("H2");
    page.text(2, 30, "Titre", Font{}, Color{}, measurer.width("Titre", Font{}));
    if (tagged) {
      page.end_tag();
      page.end_tag();
    }
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 40);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    {
      CairoCanvas canvas(cr, measurer);
      page.replay(canvas);
    }
    EXPECT_EQ(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::string pixels(
        reinterpret_cast<const char*>(data),
        static_cast<size_t>(cairo_image_surface_get_stride(surface) * 40));
    cairo_surface_destroy(surface);
    return pixels;
  };
  const std::string plain = draw(false);
  EXPECT_TRUE(plain == draw(true));
  // Drawn: the square's pixels are not the page's white.
  EXPECT_NE(plain.substr(5 * 40 * 4 + 5 * 4, 3), "\xff\xff\xff");
}

}  // namespace
}  // namespace vigie::render
