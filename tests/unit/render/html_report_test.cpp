// report.html read back with libxml2's HTML parser: every figure of the
// Document where a reader looks for it (tiles, table cells, the charts'
// texts as the PDF draws them, notes, the cover), nothing loaded from
// anywhere, every text escaped.
#include "render/html_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "html_tools.hpp"
#include "render/blocks.hpp"
#include "render/flow.hpp"
#include "render/html_blocks.hpp"
#include "render/wording.hpp"
#include "sample_document.hpp"
#include "secrets/redactor.hpp"
#include "svg_tools.hpp"

namespace vigie::render {
namespace {

using testing::attribute;
using testing::has_attribute;
using testing::has_class;
using ::testing::HasSubstr;
using testing::HtmlDocument;
using ::testing::Not;
using testing::sample_document;
using testing::text_of;

const std::string& sample_html() {
  static const std::string html = render_html(sample_document());
  return html;
}

// The text of the one element `xpath` selects under `context`, "" (and a
// failure) when there is not exactly one.
std::string only_text(const HtmlDocument& doc, const std::string& xpath,
                      const xmlNode* context = nullptr) {
  const auto nodes = doc.select(xpath, context);
  EXPECT_EQ(nodes.size(), 1u) << xpath;
  return nodes.size() == 1 ? text_of(nodes[0]) : "";
}

std::vector<std::string> texts_of(const std::vector<const xmlNode*>& nodes) {
  std::vector<std::string> out;
  for (const xmlNode* n : nodes) out.push_back(text_of(n));
  return out;
}

// Every block of the Document, in order, of one kind.
template <typename Kind>
std::vector<const Kind*> blocks_of(const Document& doc) {
  std::vector<const Kind*> out;
  for (const Section& s : doc.sections)
    for (const Block& b : s.blocks)
      if (const auto* k = std::get_if<Kind>(&b)) out.push_back(k);
  return out;
}

bool is_chart(const Block& b) {
  return !std::holds_alternative<TileRow>(b) &&
         !std::holds_alternative<TableBlock>(b) &&
         !std::holds_alternative<Note>(b);
}

// The runs of text the PDF's layout draws for `block` in a report's flow,
// as a viewer reads them: redacted, empty ones left out (SvgCanvas).
std::vector<std::string> drawn_texts(const Block& block, const Locale& locale) {
  const Theme theme;
  const TextMeasurer measurer;
  const Wording words = wording_for(locale);
  const RenderContext ctx{theme, measurer, locale, words};
  std::vector<Page> pages;
  Flow flow(pages, theme.page);
  place_block(block, flow, ctx);
  std::vector<std::string> out;
  for (const Page& page : pages)
    for (const DrawCommand& c : page.commands())
      if (const auto* t = std::get_if<cmd::Text>(&c)) {
        std::string shown = secrets::redact(t->text);
        if (!shown.empty()) out.push_back(shown);
      }
  return out;
}

TEST(HtmlReport, IsOneDocumentThatLoadsNothing) {
  const std::string& html = sample_html();
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr-FR\""));
  // No address of any kind: not even the SVG namespace, which the HTML
  // parser gives inline <svg> by itself.
  EXPECT_THAT(html, Not(HasSubstr("http:")));
  EXPECT_THAT(html, Not(HasSubstr("https:")));
  EXPECT_THAT(html, Not(HasSubstr("//cdn")));
  EXPECT_THAT(html, Not(HasSubstr("@import")));
  // CSS reaches out only through url(): the clip paths' own ids only.
  const std::regex outside_url(R"(url\(\s*['"]?[^#'"\s])");
  EXPECT_FALSE(std::regex_search(html, outside_url));

  const HtmlDocument doc(html);
  ASSERT_TRUE(doc.parsed());
  for (const char* element : {"link", "img", "iframe", "object", "embed",
                              "base", "form", "video", "audio", "source"}) {
    EXPECT_TRUE(doc.select(std::string("//") + element).empty()) << element;
  }
  // One script, written inline.
  const auto scripts = doc.select("//script");
  ASSERT_EQ(scripts.size(), 1u);
  EXPECT_FALSE(has_attribute(scripts[0], "src"));
  EXPECT_THAT(text_of(scripts[0]), HasSubstr("addEventListener"));
  EXPECT_THAT(texts_of(doc.select("//style")),
              ::testing::Contains(HasSubstr("table.data")));
  // The only links are to the page's own sections.
  for (const xmlNode* a : doc.select("//*[@href]"))
    EXPECT_TRUE(attribute(a, "href").starts_with("#section-"))
        << attribute(a, "href");
  EXPECT_TRUE(doc.select("//*[@src]").empty());
  // And the browser is told to load nothing else, should anything ask.
  const auto policy =
      doc.select("//meta[@http-equiv='Content-Security-Policy']");
  ASSERT_EQ(policy.size(), 1u);
  EXPECT_THAT(attribute(policy[0], "content"), HasSubstr("default-src 'none'"));
  EXPECT_EQ(attribute(doc.select("//meta[@charset]").at(0), "charset"),
            "utf-8");
  EXPECT_FALSE(doc.select("//meta[@name='viewport']").empty());
}

TEST(HtmlReport, TheThemesColoursAndFamilyAreTheCss) {
  const std::string& html = sample_html();
  EXPECT_THAT(html, HasSubstr("--font: 'DejaVu Sans', sans-serif;"));
  EXPECT_THAT(html, HasSubstr("--primary: #0072b2;"));
  EXPECT_THAT(html, HasSubstr("--good: #009e73;"));
  EXPECT_THAT(html, HasSubstr("--note-bg: #fff8e1;"));
}

TEST(HtmlReport, ATemplatesColoursAndFamilyReachTheCss) {
  Document doc = sample_document();
  doc.theme.colours.primary = Color{1, 0, 0};
  doc.theme.colours.good = Color{0, 0.5, 0};
  doc.theme.font_family = "Noto Sans";
  const std::string html = render_html(doc);
  EXPECT_THAT(html, HasSubstr("--font: 'Noto Sans', sans-serif;"));
  EXPECT_THAT(html, HasSubstr("--primary: #ff0000;"));
  EXPECT_THAT(html, HasSubstr("--good: #008000;"));
}

TEST(HtmlReport, TheTemplatesLogoIsInThePageItself) {
  Document doc = sample_document();
  doc.theme.logo = {VIGIE_SOURCE_DIR "/templates/report/logo.png", 90};
  const HtmlDocument page(render_html(doc));
  const auto logos = page.select("//header[@class='cover']//img");
  ASSERT_EQ(logos.size(), 1u);
  EXPECT_THAT(attribute(logos[0], "src"),
              ::testing::StartsWith("data:image/png;base64,iVBORw0KGgo"));
  // 90 x 24 points (the file is 360 x 96 pixels) in CSS pixels.
  EXPECT_EQ(attribute(logos[0], "width"), "120");
  EXPECT_EQ(attribute(logos[0], "height"), "32");
  EXPECT_EQ(attribute(logos[0], "alt"), "");
}

TEST(HtmlReport, TheCoverHasTheReportsFacts) {
  const Document source = sample_document();
  const HtmlDocument doc(sample_html());
  EXPECT_EQ(only_text(doc, "//title"), source.title + " — " + source.period);
  EXPECT_EQ(only_text(doc, "//header//h1"), source.title);
  EXPECT_EQ(only_text(doc, "//header//p[@class='period']"), source.period);
  EXPECT_EQ(only_text(doc, "//p[@class='generated']"),
            "Généré le " + source.generated_at);
  EXPECT_EQ(texts_of(doc.select("//section[contains(@class,'quality')]//li")),
            source.notes);
  // The contents link each section, which holds its title.
  const auto links = doc.select("//nav//a");
  ASSERT_EQ(links.size(), source.sections.size());
  for (size_t i = 0; i < links.size(); ++i) {
    EXPECT_EQ(text_of(links[i]), source.sections[i].title);
    const std::string id = attribute(links[i], "href").substr(1);
    EXPECT_EQ(only_text(doc, "//section[@id='" + id + "']/h2"),
              source.sections[i].title);
  }
}

TEST(HtmlReport, EveryTileShowsItsFigures) {
  const Document source = sample_document();
  const HtmlDocument doc(sample_html());
  std::vector<const Tile*> tiles;
  for (const TileRow* row : blocks_of<TileRow>(source))
    for (const Tile& t : row->tiles) tiles.push_back(&t);
  const auto shown = doc.select(
      "//div[contains(@class,'tile ') or "
      "@class='tile']");
  ASSERT_EQ(shown.size(), tiles.size());
  ASSERT_GT(tiles.size(), 8u);
  for (size_t i = 0; i < tiles.size(); ++i) {
    const Tile& t = *tiles[i];
    const xmlNode* div = shown[i];
    SCOPED_TRACE(t.label);
    EXPECT_EQ(only_text(doc, ".//p[@class='tile-label']", div), t.label);
    EXPECT_EQ(only_text(doc, ".//p[@class='tile-value']", div), t.value);
    const auto change = doc.select(".//p[contains(@class,'tile-change')]", div);
    ASSERT_EQ(change.size(), 1u);
    EXPECT_THAT(text_of(change[0]), ::testing::EndsWith(" " + t.change));
    // Green when it moves the right way, red the wrong way, else grey.
    const char* move = t.direction == 0 || t.good_direction == 0 ? "flat"
                       : t.direction == t.good_direction         ? "good"
                                                                 : "bad";
    EXPECT_TRUE(has_class(change[0], move)) << attribute(change[0], "class");
    const auto details =
        texts_of(doc.select(".//p[@class='tile-detail']", div));
    if (!t.previous.empty()) {
      EXPECT_THAT(details,
                  ::testing::Contains("Précédent\u00a0: " + t.previous));
    }
    if (!t.target.empty()) {
      EXPECT_THAT(details, ::testing::Contains("Objectif\u00a0: " + t.target));
    }
    const char* status = t.status == Status::Ok        ? "OK"
                         : t.status == Status::Warning ? "Attention"
                         : t.status == Status::Alert   ? "Alerte"
                                                       : "";
    const auto badge = doc.select(".//span[@class='badge']", div);
    EXPECT_EQ(texts_of(badge), *status == '\0'
                                   ? std::vector<std::string>{}
                                   : std::vector<std::string>{status});
    // A sparkline is the PDF's drawing: a line and the last value's dot.
    const auto spark = doc.select(".//div[@class='sparkline']/svg", div);
    EXPECT_EQ(spark.size(), t.sparkline.empty() ? 0u : 1u);
    if (!spark.empty()) {
      EXPECT_GE(doc.select(".//path", spark[0]).size(), 2u);
    }
  }
}

TEST(HtmlReport, EveryTableCellIsInATableThatSortsAndFilters) {
  const Document source = sample_document();
  const HtmlDocument doc(sample_html());
  const auto tables = blocks_of<TableBlock>(source);
  const auto blocks = doc.select("//div[contains(@class,'table-block')]");
  ASSERT_EQ(blocks.size(), tables.size());
  const NumberMarks marks = number_marks(source.locale);
  size_t sorted_cells = 0;
  for (size_t i = 0; i < tables.size(); ++i) {
    const TableBlock& t = *tables[i];
    SCOPED_TRACE(t.title);
    EXPECT_EQ(only_text(doc, "./h3", blocks[i]), t.title);
    const auto input = doc.select(".//input[@type='search']", blocks[i]);
    ASSERT_EQ(input.size(), 1u);
    EXPECT_EQ(attribute(input[0], "placeholder"), "Filtrer les lignes…");
    const auto headers = doc.select(".//thead//th", blocks[i]);
    EXPECT_EQ(texts_of(headers), t.header);
    for (const xmlNode* th : headers)
      EXPECT_EQ(doc.select("./button[@type='button']", th).size(), 1u);
    const auto rows = doc.select(".//tbody/tr", blocks[i]);
    ASSERT_EQ(rows.size(), t.rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      const auto cells = doc.select("./td", rows[r]);
      EXPECT_EQ(texts_of(cells), t.rows[r]);
      for (size_t c = 0; c < cells.size() && c < t.rows[r].size(); ++c) {
        const bool numeric = c < t.numeric.size() && t.numeric[c];
        EXPECT_EQ(has_class(cells[c], "num"), numeric);
        if (!numeric) {
          EXPECT_FALSE(has_attribute(cells[c], "data-sort"));
          continue;
        }
        const auto figure = shown_number(t.rows[r][c], marks);
        ASSERT_TRUE(figure) << t.rows[r][c];
        EXPECT_DOUBLE_EQ(std::stod(attribute(cells[c], "data-sort")), *figure)
            << t.rows[r][c];
        ++sorted_cells;
      }
    }
  }
  EXPECT_GT(sorted_cells, 150u);
}

TEST(HtmlReport, CellsKeepTheirStatusColoursAndBars) {
  // The styled table of the sample: a bar on the savings, a status on the
  // rebound rate.
  const TableBlock table = testing::sample_styled_table();
  const HtmlDocument doc(sample_html());
  const auto blocks = doc.select("//div[contains(@class,'table-block')][h3='" +
                                 table.title + "']");
  ASSERT_EQ(blocks.size(), 2u);  // one in the lists section, one styled
  const auto rows = doc.select(".//tbody/tr", blocks[1]);
  ASSERT_EQ(rows.size(), table.rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto cells = doc.select("./td", rows[r]);
    ASSERT_EQ(cells.size(), 3u);
    const double bar = *table.styles[r][1].bar;
    EXPECT_TRUE(has_class(cells[1], "bar"));
    EXPECT_EQ(has_class(cells[1], "negative"), bar < 0);
    EXPECT_EQ(attribute(cells[1], "style"),
              fmt::format("--share:{:.1f}%", std::fabs(bar) * 100));
    const Status status = table.styles[r][2].status;
    EXPECT_TRUE(has_class(cells[2], status == Status::Ok        ? "ok"
                                    : status == Status::Warning ? "warning"
                                                                : "alert"));
    EXPECT_FALSE(has_class(cells[0], "bar"));
    EXPECT_FALSE(has_attribute(cells[0], "style"));
  }
}

TEST(HtmlReport, EveryChartIsThePdfsDrawingAsSvgText) {
  const Document source = sample_document();
  const HtmlDocument doc(sample_html());
  std::vector<const Block*> charts;
  for (const Section& s : source.sections)
    for (const Block& b : s.blocks)
      if (is_chart(b)) charts.push_back(&b);
  const auto figures = doc.select("//figure[contains(@class,'chart')]");
  ASSERT_EQ(figures.size(), charts.size());
  ASSERT_GT(charts.size(), 12u);
  std::set<std::string> ids;
  for (size_t i = 0; i < charts.size(); ++i) {
    const auto svg = doc.select("./svg", figures[i]);
    ASSERT_EQ(svg.size(), 1u);
    const std::vector<std::string> texts =
        texts_of(doc.select(".//text", svg[0]));
    const std::string title = std::visit(
        [](const auto& b) -> std::string {
          if constexpr (requires { b.title; }) return b.title;
          return "";
        },
        *charts[i]);
    SCOPED_TRACE(title);
    EXPECT_EQ(attribute(figures[i], "aria-label"), title);
    ASSERT_FALSE(texts.empty());
    // Every run the PDF draws for it, in the same order, with its title.
    EXPECT_EQ(texts, drawn_texts(*charts[i], source.locale));
    EXPECT_THAT(texts, ::testing::Contains(title));
    // Cropped to the chart: the content's width, a point more each side.
    const std::string box = attribute(svg[0], "viewbox");
    EXPECT_TRUE(box.starts_with("47 47 501.276 ")) << box;
    for (const xmlNode* clip : doc.select(".//clippath", svg[0]))
      EXPECT_TRUE(ids.insert(attribute(clip, "id")).second)
          << "twice: " << attribute(clip, "id");
  }
}

TEST(HtmlReport, NotesAreThere) {
  const Document source = sample_document();
  const HtmlDocument doc(sample_html());
  std::vector<std::string> notes;
  for (const Note* n : blocks_of<Note>(source)) notes.push_back(n->text);
  EXPECT_EQ(texts_of(doc.select("//p[contains(@class,'note')]")), notes);
  EXPECT_FALSE(notes.empty());
}

TEST(HtmlReport, EveryTextIsEscaped) {
  const std::string script = "<script>alert(\"x\")</script>";
  Document d;
  d.title = "Rapport " + script + " & 'co'";
  d.period = "<i>octobre</i>";
  d.notes = {"Note </li><li>injectée & \"citée\""};
  Section s{"A & B <b>gras</b>", {}};
  Tile tile;
  tile.label = "<img src=x onerror=alert(1)>";
  tile.value = "1 < 2 & 3 > 2";
  tile.change = "\"+1\"";
  s.blocks.push_back(TileRow{{tile}});
  TableBlock table;
  table.title = "</h3><h1>titre</h1>";
  table.header = {"<th>", "'quote'"};
  table.numeric = {false, true};
  table.rows = {{"</td><td>&amp;", "12 <"}};
  s.blocks.push_back(table);
  BarChart chart;
  chart.title = "Ventes & \"marges\" <b>";
  chart.unit = "count";
  chart.labels = {"<x>", "a&b"};
  chart.values = {1, 2};
  s.blocks.push_back(chart);
  s.blocks.push_back(Note{"</p>" + script});
  d.sections.push_back(s);

  const std::string html = render_html(d);
  EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  const HtmlDocument doc(html);
  ASSERT_TRUE(doc.parsed());
  EXPECT_EQ(doc.select("//script").size(), 1u);
  for (const char* element : {"img", "b", "i", "x", "h1[.='titre']"})
    EXPECT_TRUE(doc.select(std::string("//") + element).empty()) << element;
  EXPECT_EQ(only_text(doc, "//header//h1"), d.title);
  EXPECT_EQ(only_text(doc, "//header//p[@class='period']"), d.period);
  EXPECT_EQ(only_text(doc, "//section[contains(@class,'quality')]//li"),
            d.notes[0]);
  EXPECT_EQ(only_text(doc, "//section[@id='section-1']/h2"), s.title);
  EXPECT_EQ(only_text(doc, "//p[@class='tile-label']"), tile.label);
  EXPECT_EQ(only_text(doc, "//p[@class='tile-value']"), tile.value);
  EXPECT_EQ(only_text(doc, "//div[contains(@class,'table-block')]/h3"),
            table.title);
  EXPECT_EQ(texts_of(doc.select("//th")), table.header);
  EXPECT_EQ(texts_of(doc.select("//tbody//td")), table.rows[0]);
  EXPECT_EQ(attribute(doc.select("//figure").at(0), "aria-label"), chart.title);
  const auto chart_texts = texts_of(doc.select("//figure//text"));
  EXPECT_THAT(chart_texts, ::testing::Contains(chart.title));
  EXPECT_THAT(chart_texts, ::testing::Contains("<x>"));
  EXPECT_THAT(chart_texts, ::testing::Contains("a&b"));
  EXPECT_EQ(only_text(doc, "//p[contains(@class,'note')]"), "</p>" + script);
}

TEST(HtmlReport, ASecretIsHiddenAsOnThePdf) {
  secrets::add("s3cr3t-token", "${TOKEN}");
  Document d;
  d.title = "Rapport s3cr3t-token";
  Section s{"Section", {}};
  s.blocks.push_back(Note{"clé s3cr3t-token"});
  d.sections.push_back(s);
  const std::string html = render_html(d);
  secrets::clear_for_tests();
  EXPECT_THAT(html, Not(HasSubstr("s3cr3t-token")));
  EXPECT_THAT(html, HasSubstr("Rapport ${TOKEN}"));
  EXPECT_THAT(html, HasSubstr("clé ${TOKEN}"));
}

TEST(HtmlReport, TheSameDocumentGivesTheSameBytes) {
  EXPECT_EQ(render_html(sample_document()), sample_html());
}

TEST(HtmlReport, AnEnglishReportSpeaksEnglish) {
  Document d = sample_document();
  d.locale = Locale("en_GB", "Europe/London", "GBP");
  const std::string html = render_html(d);
  EXPECT_TRUE(
      html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\" "
                       "data-rows-shown=\"{shown} of {total} "
                       "row(s)\">"));
  const HtmlDocument doc(html);
  for (const xmlNode* input : doc.select("//input"))
    EXPECT_EQ(attribute(input, "placeholder"), "Filter rows…");
  EXPECT_EQ(only_text(doc, "//p[@class='generated']"),
            "Generated on " + d.generated_at);
}

TEST(ShownNumber, IsTheFigureTheLocaleWrote) {
  const Locale fr("fr_FR");
  const Locale en("en_GB", "UTC", "GBP");
  const NumberMarks french = number_marks(fr);
  const NumberMarks english = number_marks(en);
  EXPECT_EQ(french.group, "\u202f");
  EXPECT_EQ(french.decimal, ",");
  EXPECT_EQ(english.group, ",");
  EXPECT_EQ(english.decimal, ".");
  const struct {
    double value;
    const char* unit;
  } cases[] = {{1234567.891, "currency"},
               {-1234.5, "currency"},
               {0.058, "ratio"},
               {-0.013, "ratio"},
               {48213, "count"},
               {-158, "count"},
               {41.3, "days"},
               {2.35, ""}};
  for (const auto& c : cases) {
    for (const auto& [report_locale, marks] :
         {std::pair{&fr, &french}, std::pair{&en, &english}}) {
      const std::string text =
          locale::format_value(c.value, c.unit, *report_locale);
      const auto figure = shown_number(text, *marks);
      ASSERT_TRUE(figure) << text;
      // What is written: the rounded figure, as a percentage for a ratio.
      const double written =
          std::string(c.unit) == "ratio" ? c.value * 100 : c.value;
      EXPECT_NEAR(*figure, written, 0.006) << text;
    }
  }
  EXPECT_FALSE(shown_number("n/a", french));
  EXPECT_FALSE(shown_number("", french));
  EXPECT_EQ(shown_number("12,5 % (3)", french), 12.5);
  EXPECT_EQ(shown_number("−7", french), -7);
  EXPECT_EQ(shown_number("-640,00 €", french), -640);
  EXPECT_EQ(shown_number("1,234.5", english), 1234.5);
  // A grouping mark not followed by a digit ends the figure.
  EXPECT_EQ(shown_number("12, 3", english), 12);
}

}  // namespace
}  // namespace vigie::render
