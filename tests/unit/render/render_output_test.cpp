// The rendered files read back with pdfinfo, pdftotext and pdffonts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cairo.h>

#include <future>
#include <set>
#include <sstream>

#include "pdf_tools.hpp"
#include "render/renderer.hpp"
#include "sample_document.hpp"
#include "svg_tools.hpp"

namespace vigie::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RenderOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::fresh_directory(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

Document long_table_document() {
  Document doc;
  doc.title = "Relances";
  doc.period = "Octobre 2026";
  doc.sections.push_back(
      Section{"Listes opérationnelles", {testing::inactive_customers(200)}});
  return doc;
}

TEST_F(RenderOutput, LongTableSpansPagesWithItsHeaderOnEach) {
  const auto pdf = dir_ / "report.pdf";
  // Cover, then 200 rows: 41 under the section and table titles on page 2
  // (rows from y = 48 + 34 + 20 + 20 = 122 to 781.89, 16 each), then 43 a
  // page (from y = 88): 41 + 3 * 43 + 30 = 200, pages 2 to 6.
  EXPECT_EQ(render_pdf(long_table_document(), pdf), 6);
  EXPECT_EQ(testing::pdf_page_count(pdf), 6);
  for (int page = 2; page <= 6; ++page) {
    const std::string text = testing::pdf_text(pdf, page, page);
    EXPECT_THAT(text, HasSubstr("Chiffre d'affaires")) << "page " << page;
    EXPECT_THAT(text, HasSubstr("Récence (jours)")) << "page " << page;
    EXPECT_THAT(text, HasSubstr(fmt::format("Relances — page {} / 6", page)));
    if (page == 2) {
      EXPECT_THAT(text, Not(HasSubstr("(suite)")));
    } else {
      EXPECT_THAT(text, HasSubstr("Clients inactifs à relancer (suite)"))
          << "page " << page;
    }
  }
  // First row of page 3 is row 41 (C-01041), last of page 6 is C-01199.
  EXPECT_THAT(testing::pdf_text(pdf, 3, 3), HasSubstr("C-01041"));
  EXPECT_THAT(testing::pdf_text(pdf, 2, 2), Not(HasSubstr("C-01041")));
  EXPECT_THAT(testing::pdf_text(pdf, 6, 6), HasSubstr("C-01199"));
}

TEST_F(RenderOutput, TextComesBackWithAccentsAndFormattedValues) {
  const auto pdf = dir_ / "report.pdf";
  const int pages = render_pdf(testing::sample_document(), pdf);
  const std::string text = testing::pdf_text(pdf, 1, pages);
  EXPECT_THAT(text, HasSubstr("Tableau de bord de la relation client"));
  EXPECT_THAT(text, HasSubstr("Octobre 2026 (vs septembre 2026)"));
  EXPECT_THAT(text, HasSubstr("Généré le 2026-11-01 06:00 Europe/Paris"));
  EXPECT_THAT(text, HasSubstr("Qualité des données"));
  EXPECT_THAT(text, HasSubstr("12 lignes rejetées"));
  EXPECT_THAT(text, HasSubstr("Clients très occasionnels"));
  EXPECT_THAT(text, HasSubstr("Chiffre d'affaires"));
  EXPECT_THAT(text, HasSubstr("1 234 567,89 €"));
  EXPECT_THAT(text, HasSubstr("+4,3 %"));   // 0.0427 to one decimal
  EXPECT_THAT(text, HasSubstr("+1,3 pt"));  // 0.013 of a ratio
  EXPECT_THAT(text, HasSubstr("5,8 %"));
  EXPECT_THAT(text, HasSubstr("Objectif : 1 200 000,00 €"));
  EXPECT_THAT(text, HasSubstr("Précédent : 49 100"));
  // Vertical bar values and horizontal bar labels.
  EXPECT_THAT(text, HasSubstr("18 250"));
  EXPECT_THAT(text, HasSubstr("Ambassadeurs"));
  // The cover holds the title, the notes and the list of sections, not
  // the sections' blocks.
  const std::string cover = testing::pdf_text(pdf, 1, 1);
  EXPECT_THAT(cover, HasSubstr("Données web disponibles"));
  EXPECT_THAT(cover, HasSubstr("Sommaire"));
  EXPECT_THAT(cover, HasSubstr("Listes opérationnelles"));
  EXPECT_THAT(cover, Not(HasSubstr("Chiffre d'affaires mensuel")));
}

// `s` as pdf_text gives it back: its no-break spaces as plain ones.
std::string plain(std::string s) {
  for (const std::string nbsp : {"\u202f", "\u00a0"}) {
    for (size_t at = s.find(nbsp); at != std::string::npos;
         at = s.find(nbsp, at)) {
      s.replace(at, nbsp.size(), " ");
    }
  }
  return s;
}

TEST_F(RenderOutput, WideTablesShowEveryNumberWhole) {
  const auto pdf = dir_ / "report.pdf";
  const int pages = render_pdf(testing::sample_document(), pdf);
  const std::string text = testing::pdf_text(pdf, 1, pages);
  // Every number of the two wide tables, as format_value writes it.
  for (const TableBlock& table :
       {testing::value_segments(), testing::self_care_by_action()}) {
    for (const auto& row : table.rows) {
      for (size_t c = 1; c < row.size(); ++c) {
        EXPECT_THAT(text, HasSubstr(plain(row[c]))) << table.title;
      }
    }
  }
  EXPECT_THAT(text, HasSubstr("17 349 042,01 €"));
  // Headers wrap at their spaces rather than being cut.
  EXPECT_THAT(text, HasSubstr("Avoidable"));
  EXPECT_THAT(text, Not(HasSubstr("Avoidable…")));
  EXPECT_THAT(text, Not(HasSubstr("Revenue s…")));
  // The tile label next to its badge is whole too.
  EXPECT_THAT(text, HasSubstr("renouvellement"));
}

TEST_F(RenderOutput, EveryFontIsEmbedded) {
  const auto pdf = dir_ / "report.pdf";
  render_pdf(testing::sample_document(), pdf);
  std::istringstream lines(testing::pdf_fonts(pdf));
  std::string line;
  std::getline(lines, line);  // name type encoding emb sub uni object ID
  const size_t emb_column = line.find("emb");
  ASSERT_NE(emb_column, std::string::npos);
  std::getline(lines, line);  // ----- rule
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++fonts;
    ASSERT_GT(line.size(), emb_column + 3);
    EXPECT_EQ(line.substr(emb_column, 3), "yes") << line;
    EXPECT_THAT(line, HasSubstr("DejaVuSans"));
  }
  EXPECT_GE(fonts, 2);  // regular and bold
}

TEST_F(RenderOutput, SameDocumentGivesTheSameBytes) {
  const auto first = dir_ / "first.pdf";
  const auto second = dir_ / "second.pdf";
  render_pdf(testing::sample_document(), first);
  render_pdf(testing::sample_document(), second);
  const std::string a = testing::read_file(first);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_TRUE(a == testing::read_file(second));
}

TEST_F(RenderOutput, MetadataHasTheTitleAndTheDocumentsDate) {
  const auto pdf = dir_ / "report.pdf";
  render_pdf(testing::sample_document(), pdf);
  const std::string info = testing::pdf_info(pdf);
  EXPECT_THAT(info, ::testing::ContainsRegex(
                        "Title: +Tableau de bord de la relation client"));
  // 2026-11-01T06:00:00+01:00, shown by pdfinfo in UTC or local time: the
  // year and the day are the same either way.
  EXPECT_THAT(info, ::testing::ContainsRegex("CreationDate:.*Nov +1 .*2026"));
  EXPECT_THAT(info, ::testing::ContainsRegex("Page size: +595.* x 841.* pts"));
}

TEST_F(RenderOutput, OneSvgFileAPage) {
  const auto pdf = dir_ / "report.pdf";
  const int pages = render_pdf(testing::sample_document(), pdf);
  const auto svgs = render_svg_pages(testing::sample_document(), dir_ / "svg");
  ASSERT_EQ(static_cast<int>(svgs.size()), pages);
  for (int i = 0; i < pages; ++i) {
    EXPECT_EQ(svgs[static_cast<size_t>(i)],
              dir_ / "svg" / fmt::format("page-{}.svg", i + 1));
    const std::string svg = testing::read_file(svgs[static_cast<size_t>(i)]);
    EXPECT_TRUE(svg.starts_with("<?xml")) << i;
    EXPECT_THAT(svg, HasSubstr("<svg"));
    EXPECT_THAT(svg, HasSubstr("width=\"595.276pt\""));
    EXPECT_THAT(svg, HasSubstr("</svg>"));
  }
  // No partial file left behind.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_ / "svg")) {
    EXPECT_EQ(entry.path().extension(), ".svg");
    ++files;
  }
  EXPECT_EQ(files, svgs.size());
}

// The same Document gives the same bytes, whatever was drawn before and
// whatever is drawn beside it: here a second rendering of the SVG pages
// while the PDF is drawn on another thread, as `vigie run` does.
TEST_F(RenderOutput, SvgPagesAndPdfAreTheSameBytesEveryTime) {
  const Document doc = testing::sample_document();
  const auto first_pdf = dir_ / "first.pdf";
  render_pdf(doc, first_pdf);
  const auto first = render_svg_pages(doc, dir_ / "first");
  const auto second_pdf = dir_ / "second.pdf";
  auto pdf = std::async(std::launch::async,
                        [&] { return render_pdf(doc, second_pdf); });
  const auto second = render_svg_pages(doc, dir_ / "second");
  pdf.get();
  ASSERT_EQ(first.size(), second.size());
  ASSERT_GE(first.size(), 2u);
  for (size_t i = 0; i < first.size(); ++i) {
    const std::string a = testing::read_file(first[i]);
    // Not EXPECT_EQ: a failure would print both pages whole.
    EXPECT_TRUE(a == testing::read_file(second[i])) << first[i].filename();
  }
  EXPECT_TRUE(testing::read_file(first_pdf) == testing::read_file(second_pdf));
}

// Each SVG page has the text pdftotext reads on the same page of the PDF:
// the two are drawn from the same layout, the SVG with real text. Compared
// without spaces: pdftotext reads a narrow no-break space ("1 k" on an
// axis) as none, or a gap between two runs as one.
TEST_F(RenderOutput, EachSvgPageHasTheTextOfItsPdfPage) {
  const Document doc = testing::sample_document();
  const auto pdf = dir_ / "report.pdf";
  const int pages = render_pdf(doc, pdf);
  const auto svgs = render_svg_pages(doc, dir_ / "svg");
  ASSERT_EQ(static_cast<int>(svgs.size()), pages);
  const auto without_spaces = [](const std::string& text) {
    std::string out;
    std::istringstream in(plain(text));
    for (std::string word; in >> word;) out += word;
    return out;
  };
  const auto characters = [](const std::string& text) {
    return std::multiset<char>(text.begin(), text.end());
  };
  for (int page = 1; page <= pages; ++page) {
    const std::string svg =
        testing::read_file(svgs[static_cast<size_t>(page - 1)]);
    EXPECT_THAT(svg, Not(HasSubstr("<symbol"))) << page;
    const std::string pdf_text =
        without_spaces(testing::pdf_text(pdf, page, page));
    std::string svg_text;
    for (const std::string& text : testing::svg_texts(svg)) {
      // Each run whole, in the PDF's text of the page.
      EXPECT_THAT(pdf_text, HasSubstr(without_spaces(text))) << "page " << page;
      svg_text += without_spaces(text);
    }
    EXPECT_GT(svg_text.size(), 100u) << page;
    // And nothing more on either side.
    EXPECT_TRUE(characters(svg_text) == characters(pdf_text))
        << "page " << page << "\nsvg: " << svg_text << "\npdf: " << pdf_text;
  }
}

TEST_F(RenderOutput, DocumentWithoutSectionsIsTheCoverAlone) {
  const auto pdf = dir_ / "report.pdf";
  Document doc;
  doc.title = "Vide";
  EXPECT_EQ(render_pdf(doc, pdf), 1);
  EXPECT_EQ(testing::pdf_page_count(pdf), 1);
  EXPECT_THAT(testing::pdf_text(pdf, 1, 1), HasSubstr("Vide — page 1 / 1"));
}

TEST_F(RenderOutput, UnwritablePathThrowsAndLeavesNothing) {
  const auto pdf = dir_ / "missing-dir" / "report.pdf";
  EXPECT_THROW(render_pdf(testing::sample_document(), pdf), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(pdf));
}

// PNG pages: one a PDF page, the size the dpi gives an A4 page, drawn
// (not blank), and the same bytes from the same Document.
TEST_F(RenderOutput, PngPagesAreTheDocumentsPages) {
  const Document doc = testing::sample_document();
  const int pages = render_pdf(doc, dir_ / "report.pdf");
  const auto pngs = render_png_pages(doc, dir_ / "png", 72);
  ASSERT_EQ(static_cast<int>(pngs.size()), pages);
  for (size_t i = 0; i < pngs.size(); ++i) {
    EXPECT_EQ(pngs[i].filename(), fmt::format("page-{}.png", i + 1));
    cairo_surface_t* png = cairo_image_surface_create_from_png(pngs[i].c_str());
    ASSERT_EQ(cairo_surface_status(png), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(cairo_image_surface_get_width(png), 596);  // 595.276 pt
    EXPECT_EQ(cairo_image_surface_get_height(png), 842);
    // Some pixel is not white: the page is drawn.
    const unsigned char* data = cairo_image_surface_get_data(png);
    const int stride = cairo_image_surface_get_stride(png);
    bool drawn = false;
    for (int y = 0; y < 842 && !drawn; ++y)
      for (int x = 0; x < 596 && !drawn; ++x)
        drawn = (*reinterpret_cast<const uint32_t*>(data + y * stride + x * 4) &
                 0xffffff) != 0xffffff;
    EXPECT_TRUE(drawn) << pngs[i];
    cairo_surface_destroy(png);
  }
  const auto twice = render_png_pages(doc, dir_ / "again", 72);
  EXPECT_EQ(testing::read_file(pngs[1]), testing::read_file(twice[1]));
  // 144 dpi: twice the pixels each way.
  const auto fine = render_png_pages(doc, dir_ / "fine", 144);
  cairo_surface_t* png = cairo_image_surface_create_from_png(fine[0].c_str());
  EXPECT_EQ(cairo_image_surface_get_width(png), 1191);
  cairo_surface_destroy(png);
  EXPECT_THROW(render_png_pages(doc, dir_ / "x", 0), std::invalid_argument);
  // A page that cannot be written (a folder in its place) is named in the
  // error.
  std::filesystem::create_directories(dir_ / "taken" / "page-1.png");
  try {
    render_png_pages(doc, dir_ / "taken", 72);
    ADD_FAILURE() << "wrote over a folder";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr("page-1.png"));
  }
}

}  // namespace
}  // namespace vigie::render
