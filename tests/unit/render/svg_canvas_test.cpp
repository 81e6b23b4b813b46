// SvgCanvas's output read back with libxml2: the elements, their
// attributes and their text as a viewer gets them.
#include "render/svg_canvas.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "render/theme.hpp"
#include "secrets/redactor.hpp"
#include "svg_tools.hpp"

namespace vigie::render {
namespace {

// The default theme's page, which the expectations below are worked out on.
constexpr PageSetup kPage{};
const Palette kColours{};

using testing::attribute;
using ::testing::ElementsAre;
using testing::has_attribute;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::SvgDocument;
using testing::text_of;

constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::string svg_of(const Page& page, const std::string& id_prefix = "") {
  SvgCanvas canvas(kPage.width, kPage.height, id_prefix);
  page.replay(canvas);
  return canvas.svg();
}

std::string name_of(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

// The element children of `node`, by name.
std::vector<std::string> children(const xmlNode* node) {
  std::vector<std::string> names;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) names.push_back(name_of(c));
  }
  return names;
}

TEST(SvgCanvas, IsAnSvgPageOfPointsWithTheMeasuringFamily) {
  const std::string svg = svg_of(Page{});
  EXPECT_TRUE(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  const SvgDocument doc(svg);
  ASSERT_TRUE(doc.parsed());
  const xmlNode* root = doc.root();
  EXPECT_EQ(name_of(root), "svg");
  ASSERT_NE(root->ns, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->ns->href),
               "http://www.w3.org/2000/svg");
  EXPECT_EQ(attribute(root, "version"), "1.1");
  EXPECT_EQ(attribute(root, "width"), "595.276pt");
  EXPECT_EQ(attribute(root, "height"), "841.89pt");
  EXPECT_EQ(attribute(root, "viewBox"), "0 0 595.276 841.89");
  // The family Pango measured with, then the generic one.
  EXPECT_EQ(attribute(root, "font-family"), "'DejaVu Sans', sans-serif");
  EXPECT_EQ(attribute(root, "space", kXmlNamespace), "preserve");
  EXPECT_THAT(children(root), ::testing::IsEmpty());
}

TEST(SvgCanvas, ShapesArePathsWithTheirFillOrStroke) {
  Page page;
  page.line(10, 20, 30.5, 20, kColours.primary, 1.5, 3);
  page.rect(1, 2, 3, 4);
  page.circle(50, 60, 5);
  page.fill(kColours.note_accent);
  page.move_to(0, 0);
  page.line_to(10, 10);
  page.line_to(20, 0);
  page.stroke(kColours.ink, 0.5);

  const SvgDocument doc(svg_of(page));
  const auto paths = doc.select("/s:svg/s:path");
  ASSERT_EQ(paths.size(), 3u);
  // The colours as the theme's comments write them in hexadecimal.
  EXPECT_EQ(attribute(paths[0], "d"), "M10 20L30.5 20");
  EXPECT_EQ(attribute(paths[0], "fill"), "none");
  EXPECT_EQ(attribute(paths[0], "stroke"), "#0072b2");
  EXPECT_EQ(attribute(paths[0], "stroke-width"), "1.5");
  EXPECT_EQ(attribute(paths[0], "stroke-dasharray"), "3");

  // A rectangle and a circle in one path, filled once.
  EXPECT_EQ(attribute(paths[1], "d"),
            "M1 2h3v4h-3Z"
            "M55 60A5 5 0 1 1 45 60A5 5 0 1 1 55 60Z");
  EXPECT_EQ(attribute(paths[1], "fill"), "#e69f00");
  EXPECT_FALSE(has_attribute(paths[1], "stroke"));

  EXPECT_EQ(attribute(paths[2], "d"), "M0 0L10 10L20 0");
  EXPECT_EQ(attribute(paths[2], "stroke"), "#1f2933");
  EXPECT_EQ(attribute(paths[2], "stroke-width"), "0.5");
  EXPECT_FALSE(has_attribute(paths[2], "stroke-dasharray"));
}

TEST(SvgCanvas, PathsFollowCairosRules) {
  Page page;
  page.fill(kColours.ink);  // nothing to paint: nothing written
  page.line_to(5, 6);       // no current point: moves there, as Cairo does
  page.line_to(7, 8);
  page.stroke(kColours.ink, 1);
  // Text starts a new path (CairoCanvas does cairo_new_path around a run):
  // the line before it is never painted.
  page.move_to(1, 1);
  page.line_to(2, 2);
  page.text(0, 10, "x", Font{}, kColours.ink, 5);
  page.stroke(kColours.ink, 1);
  // So does a clip.
  page.rect(0, 0, 1, 1);
  page.push_clip(0, 0, 100, 100);
  page.fill(kColours.ink);
  page.pop_clip();

  const SvgDocument doc(svg_of(page));
  const auto paths = doc.select("//s:path");
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(attribute(paths[0], "d"), "M5 6L7 8");
}

TEST(SvgCanvas, TextIsATextElementAtItsBaselinePinnedToItsMeasuredWidth) {
  Page page;
  page.text(48, 100.25, "Chiffre d'affaires", Font{10.5, true}, kColours.ink,
            71.123456);
  page.text(48.5, 120, "Précédent : 1 234,56 €", Font{7.5, false},
            kColours.muted, 80);
  page.text(0, 130, "unmeasured", Font{}, kColours.muted, 0);

  const SvgDocument doc(svg_of(page));
  const auto texts = doc.select("/s:svg/s:text");
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(text_of(texts[0]), "Chiffre d'affaires");
  EXPECT_EQ(attribute(texts[0], "x"), "48");
  EXPECT_EQ(attribute(texts[0], "y"), "100.25");
  EXPECT_EQ(attribute(texts[0], "font-size"), "10.5");
  EXPECT_EQ(attribute(texts[0], "font-weight"), "bold");
  EXPECT_EQ(attribute(texts[0], "fill"), "#1f2933");
  EXPECT_EQ(attribute(texts[0], "textLength"), "71.123");
  EXPECT_EQ(attribute(texts[0], "lengthAdjust"), "spacingAndGlyphs");

  // The narrow no-break space and the accents as they were.
  EXPECT_EQ(text_of(texts[1]), "Précédent : 1 234,56 €");
  EXPECT_EQ(attribute(texts[1], "font-size"), "7.5");
  EXPECT_FALSE(has_attribute(texts[1], "font-weight"));
  EXPECT_EQ(attribute(texts[1], "fill"), "#616e7c");
  EXPECT_EQ(attribute(texts[1], "textLength"), "80");

  // No measured width: nothing to pin it to.
  EXPECT_FALSE(has_attribute(texts[2], "textLength"));
  EXPECT_FALSE(has_attribute(texts[2], "lengthAdjust"));
}

TEST(SvgCanvas, TextIsEscapedAndComesBackWhole) {
  const std::string markup = "<b>R&D</b> \"q\" 'x' ]]> &amp; <!-- -->";
  const std::string spaced = "  two  spaces  ";
  Page page;
  page.text(0, 10, markup, Font{}, kColours.ink, 100);
  page.text(0, 20, spaced, Font{}, kColours.ink, 100);
  // What XML 1.0 cannot carry at all: a control character, a NUL, bytes
  // that are no UTF-8. Each becomes U+FFFD; the rest of the run is kept.
  page.text(0, 30,
            std::string("a\x01"
                        "b") +
                '\0' +
                "c\xff"
                "d",
            Font{}, kColours.ink, 100);

  const std::string svg = svg_of(page);
  EXPECT_THAT(svg, Not(HasSubstr("<b>")));
  const SvgDocument doc(svg);
  ASSERT_TRUE(doc.parsed());
  const auto texts = doc.select("//s:text");
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(text_of(texts[0]), markup);
  EXPECT_THAT(children(texts[0]), ::testing::IsEmpty());
  EXPECT_EQ(text_of(texts[1]), spaced);
  EXPECT_EQ(text_of(texts[2]), "a\uFFFDb\uFFFDc\uFFFDd");
}

TEST(SvgCanvas, SecretsAreHiddenAsInThePdf) {
  secrets::add("s3cr3t-token", "${TOKEN}");
  Page page;
  page.text(0, 10, "url?key=s3cr3t-token", Font{}, kColours.ink, 100);
  const std::string svg = svg_of(page);
  secrets::clear_for_tests();
  EXPECT_THAT(svg, Not(HasSubstr("s3cr3t")));
  EXPECT_THAT(testing::svg_texts(svg), ElementsAre("url?key=${TOKEN}"));
}

TEST(SvgCanvas, ClipsHaveUniqueIdsAndNest) {
  Page page;
  page.push_clip(10, 20, 30, 40);
  page.push_clip(11, 21, 5, 6);
  page.fill_rect(0, 0, 100, 100, kColours.ink);
  page.pop_clip();
  page.pop_clip();
  page.push_clip(1, 2, 3, 4);
  page.text(0, 10, "clipped", Font{}, kColours.ink, 20);
  page.pop_clip();
  page.text(0, 10, "free", Font{}, kColours.ink, 20);

  const SvgDocument doc(svg_of(page, "p3-"));
  ASSERT_TRUE(doc.parsed());
  const auto clips = doc.select("//s:clipPath");
  ASSERT_EQ(clips.size(), 3u);
  std::set<std::string> ids;
  for (const xmlNode* clip : clips) ids.insert(attribute(clip, "id"));
  EXPECT_EQ(ids, (std::set<std::string>{"p3-clip1", "p3-clip2", "p3-clip3"}));

  // Each clip's rectangle, and the group that uses it holds what was
  // drawn inside it.
  const auto rect_of = [&](const std::string& id) {
    const auto rects = doc.select("//s:clipPath[@id='" + id + "']/s:rect");
    EXPECT_EQ(rects.size(), 1u) << id;
    if (rects.empty()) return std::string();
    return attribute(rects[0], "x") + " " + attribute(rects[0], "y") + " " +
           attribute(rects[0], "width") + " " + attribute(rects[0], "height");
  };
  EXPECT_EQ(rect_of("p3-clip1"), "10 20 30 40");
  EXPECT_EQ(rect_of("p3-clip2"), "11 21 5 6");
  EXPECT_EQ(rect_of("p3-clip3"), "1 2 3 4");

  const auto groups = doc.select("//s:g");
  ASSERT_EQ(groups.size(), 3u);
  for (const xmlNode* g : groups) {
    const std::string ref = attribute(g, "clip-path");
    ASSERT_TRUE(ref.starts_with("url(#") && ref.ends_with(")")) << ref;
    EXPECT_EQ(ids.count(ref.substr(5, ref.size() - 6)), 1u) << ref;
  }
  // Nested: the filled rectangle is inside both clips of its time.
  EXPECT_EQ(doc.select("/s:svg/s:g[@clip-path='url(#p3-clip1)']"
                       "/s:g[@clip-path='url(#p3-clip2)']/s:path")
                .size(),
            1u);
  EXPECT_EQ(text_of(doc.select("/s:svg/s:g[@clip-path='url(#p3-clip3)']"
                               "/s:text")
                        .at(0)),
            "clipped");
  EXPECT_EQ(text_of(doc.select("/s:svg/s:text").at(0)), "free");
}

TEST(SvgCanvas, AClipLeftOpenIsClosed) {
  Page page;
  page.push_clip(0, 0, 10, 10);
  page.fill_rect(0, 0, 5, 5, kColours.ink);
  page.pop_clip();
  page.pop_clip();  // one too many: ignored
  page.push_clip(0, 0, 10, 10);
  page.fill_rect(0, 0, 5, 5, kColours.ink);
  const SvgDocument doc(svg_of(page));
  ASSERT_TRUE(doc.parsed());
  EXPECT_EQ(doc.select("/s:svg/s:g/s:path").size(), 2u);
}

TEST(SvgCanvas, NumbersAreShortFixedAndNeverNegativeZero) {
  Page page;
  page.rect(1.0 / 3, 2.0000001, -0.0001, 595.2756);
  page.fill(kColours.ink);
  page.line(-12.3456, 1e-9, 100.10, 7, kColours.ink, 0.30000000000000004);
  page.text(2.0 / 3, 1e6 / 7, "t", Font{8, false}, kColours.ink, 0.1 + 0.2);

  const std::string whole = svg_of(page);
  const SvgDocument doc(whole);
  // The elements, after the XML declaration's version="1.0".
  const std::string svg = whole.substr(whole.find("<svg"));
  const auto paths = doc.select("//s:path");
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(attribute(paths[0], "d"), "M0.333 2h0v595.276h0Z");
  EXPECT_EQ(attribute(paths[1], "d"), "M-12.346 0L100.1 7");
  EXPECT_EQ(attribute(paths[1], "stroke-width"), "0.3");
  const auto text = doc.select("//s:text").at(0);
  EXPECT_EQ(attribute(text, "x"), "0.667");
  EXPECT_EQ(attribute(text, "y"), "142857.143");
  EXPECT_EQ(attribute(text, "textLength"), "0.3");
  // Nowhere a fourth decimal, a trailing zero or an exponent.
  EXPECT_FALSE(std::regex_search(svg, std::regex(R"(\d\.\d{4})"))) << svg;
  EXPECT_FALSE(std::regex_search(svg, std::regex(R"(\.\d*0[^\d])"))) << svg;
  EXPECT_FALSE(std::regex_search(svg, std::regex(R"(\de[-+]?\d)"))) << svg;
  EXPECT_THAT(svg, Not(HasSubstr("-0 "))) << svg;
}

TEST(SvgCanvas, TheSameCommandsGiveTheSameBytes) {
  Page page;
  page.push_clip(0, 0, 50, 50);
  page.circle(10, 10, 2.4);
  page.fill(kColours.primary);
  page.text(3, 4, "même texte", Font{9, true}, kColours.ink, 40.5);
  page.pop_clip();
  const std::string first = svg_of(page, "p1-");
  // Another canvas drawn in between shares no counter with these.
  svg_of(page, "p2-");
  EXPECT_EQ(svg_of(page, "p1-"), first);
}

TEST(SvgCanvas, APartOfAPageIsAnElementForHtmlCroppedToItsBox) {
  Page page;
  page.fill_rect(100, 200, 50, 20, kColours.primary);
  page.push_clip(100, 200, 50, 20);
  page.text(102, 215, "a < b", Font{9, false}, kColours.ink, 20);
  page.pop_clip();
  const std::string element =
      svg_element(page, ViewBox{99, 199, 52.5, 22}, "c7-", "DejaVu Sans");
  // No XML declaration and no namespace: an HTML parser gives <svg> its
  // own, and the page then holds no address.
  EXPECT_TRUE(element.starts_with("<svg version=\"1.1\" ")) << element;
  EXPECT_THAT(element, Not(HasSubstr("xmlns")));
  EXPECT_THAT(element, Not(HasSubstr("<?xml")));
  // The same element the page's own SVG file has, namespace given back.
  std::string file = element;
  file.insert(4, " xmlns=\"http://www.w3.org/2000/svg\"");
  const SvgDocument doc(file);
  ASSERT_TRUE(doc.parsed());
  const xmlNode* root = doc.root();
  EXPECT_EQ(attribute(root, "viewBox"), "99 199 52.5 22");
  EXPECT_EQ(attribute(root, "width"), "52.5pt");
  EXPECT_EQ(attribute(root, "height"), "22pt");
  EXPECT_EQ(attribute(root, "font-family"), "'DejaVu Sans', sans-serif");
  EXPECT_EQ(attribute(root, "space", kXmlNamespace), "preserve");
  // Drawn in the page's coordinates, the box choosing what is seen.
  EXPECT_EQ(attribute(doc.select("//s:path").at(0), "d"),
            "M100 200h50v20h-50Z");
  EXPECT_EQ(attribute(doc.select("//s:clipPath").at(0), "id"), "c7-clip1");
  EXPECT_EQ(text_of(doc.select("//s:text").at(0)), "a < b");
  // And the whole page's file is that element behind its declaration.
  SvgCanvas canvas(ViewBox{99, 199, 52.5, 22}, "c7-");
  page.replay(canvas);
  EXPECT_EQ(canvas.svg(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + file);
}

}  // namespace
}  // namespace vigie::render
