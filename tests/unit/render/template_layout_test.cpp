// What a template changes in the layout, checked on the draw commands: the
// page's size and margins, the header and footer texts, the cover and its
// logo, sections that start a page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "render/layout.hpp"
#include "render/theme.hpp"

namespace vigie::render {
namespace {

std::vector<const cmd::Text*> texts(const Page& page) {
  std::vector<const cmd::Text*> out;
  for (const DrawCommand& c : page.commands())
    if (const auto* t = std::get_if<cmd::Text>(&c)) out.push_back(t);
  return out;
}

const cmd::Text* find(const Page& page, const std::string& s) {
  for (const cmd::Text* t : texts(page))
    if (t->text == s) return t;
  return nullptr;
}

std::vector<const cmd::Image*> images(const Page& page) {
  std::vector<const cmd::Image*> out;
  for (const DrawCommand& c : page.commands())
    if (const auto* i = std::get_if<cmd::Image>(&c)) out.push_back(i);
  return out;
}

Document three_sections(const Theme& theme) {
  Document doc;
  doc.title = "Rapport";
  doc.author = "Direction";
  doc.period = "octobre 2026";
  doc.generated_at = "2026-11-01 06:00 Europe/Paris";
  doc.theme = theme;
  for (const char* title : {"Un", "Deux", "Trois"})
    doc.sections.push_back(Section{title, {Note{"Une note."}}});
  return doc;
}

Theme landscape() {
  Theme t;
  t.page.width = 841.89;
  t.page.height = 595.276;
  t.page.margin_left = t.page.margin_right = 30;
  t.confidentiality = "Confidentiel";
  t.header = {"{{title}} ({{author}})", "", "{{period}}"};
  t.footer = {"{{confidentiality}}", "{{generated}}", "{{page}}"};
  return t;
}

TEST(TemplateLayout, HeaderAndFooterAreTheBandsFilled) {
  const Theme theme = landscape();
  const TextMeasurer m(theme.font_family);
  const auto pages = layout_document(three_sections(theme), m);
  ASSERT_EQ(pages.size(), 2u);  // the cover, then the three sections
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string number = "page " + std::to_string(i + 1) + " / 2";
    const cmd::Text* right = find(pages[i], number);
    ASSERT_NE(right, nullptr) << number;
    // Right-aligned on the right margin, on the footer's baseline.
    EXPECT_NEAR(right->x + right->width, 841.89 - 30, 1e-6);
    EXPECT_NEAR(right->baseline, theme.page.footer_baseline(), 1e-6);
    const cmd::Text* left = find(pages[i], "Confidentiel");
    ASSERT_NE(left, nullptr);
    EXPECT_DOUBLE_EQ(left->x, 30);
    const cmd::Text* centre = find(pages[i], "2026-11-01 06:00 Europe/Paris");
    ASSERT_NE(centre, nullptr);
    EXPECT_NEAR(centre->x + centre->width / 2, 841.89 / 2, 1e-6);
  }
  // The header on every page but the cover, in the top margin.
  EXPECT_EQ(find(pages[0], "Rapport (Direction)"), nullptr);
  const cmd::Text* header = find(pages[1], "Rapport (Direction)");
  ASSERT_NE(header, nullptr);
  EXPECT_NEAR(header->baseline, theme.page.header_baseline(), 1e-6);
  EXPECT_LT(header->baseline, theme.page.margin_top);
  EXPECT_NE(find(pages[1], "octobre 2026"), nullptr);
}

TEST(TemplateLayout, TextsAreTextsNotTemplatesAndNothingIsEscaped) {
  Theme theme;
  theme.footer = {"A & B <{{title}}>", "", ""};
  const TextMeasurer m(theme.font_family);
  Document doc = three_sections(theme);
  doc.title = "R&D \"2026\"";
  const auto pages = layout_document(doc, m);
  EXPECT_NE(find(pages[0], "A & B <R&D \"2026\">"), nullptr);
}

TEST(TemplateLayout, EmptyBandsDrawNothing) {
  Theme theme;
  theme.header = {};
  theme.footer = {};
  const TextMeasurer m(theme.font_family);
  const auto pages = layout_document(three_sections(theme), m);
  for (const Page& page : pages)
    for (const cmd::Text* t : texts(page)) {
      EXPECT_GE(t->baseline, theme.page.margin_top) << t->text;
      EXPECT_LE(t->baseline, theme.page.content_bottom()) << t->text;
    }
}

TEST(TemplateLayout, WithoutACoverTheFirstSectionOpensPageOne) {
  Theme theme;
  theme.cover = false;
  const TextMeasurer m(theme.font_family);
  const auto pages = layout_document(three_sections(theme), m);
  ASSERT_EQ(pages.size(), 1u);
  ASSERT_EQ(pages[0].headings().size(), 3u);
  EXPECT_EQ(pages[0].headings()[0].text, "Un");
  EXPECT_DOUBLE_EQ(pages[0].headings()[0].y, theme.page.margin_top);
}

TEST(TemplateLayout, SectionsStartAPageWhereTheSpecOrTheTemplateSays) {
  Theme theme;
  const TextMeasurer m(theme.font_family);
  Document doc = three_sections(theme);
  doc.sections[2].new_page = true;
  auto pages = layout_document(doc, m);
  ASSERT_EQ(pages.size(), 3u);  // cover; Un and Deux; Trois
  EXPECT_EQ(pages[1].headings().size(), 2u);
  EXPECT_EQ(pages[2].headings().at(0).text, "Trois");

  doc.theme.sections_new_page = true;
  pages = layout_document(doc, m);
  ASSERT_EQ(pages.size(), 4u);
  for (size_t p = 1; p < 4; ++p) {
    ASSERT_EQ(pages[p].headings().size(), 1u);
    EXPECT_DOUBLE_EQ(pages[p].headings()[0].y, theme.page.margin_top);
  }
}

TEST(TemplateLayout, TheLogoIsOnTheCoverInItsProportions) {
  Theme theme = landscape();
  theme.logo = {VIGIE_SOURCE_DIR "/templates/report/logo.png", 90};
  const TextMeasurer m(theme.font_family);
  const auto pages = layout_document(three_sections(theme), m);
  const auto on_cover = images(pages[0]);
  ASSERT_EQ(on_cover.size(), 1u);
  // logo.png is 360 x 96 pixels.
  EXPECT_DOUBLE_EQ(on_cover[0]->width, 90);
  EXPECT_DOUBLE_EQ(on_cover[0]->height, 24);
  EXPECT_LE(on_cover[0]->x + on_cover[0]->width, 841.89 - 30);
  ASSERT_NE(on_cover[0]->png, nullptr);
  EXPECT_EQ(on_cover[0]->png->substr(1, 3), "PNG");
  EXPECT_TRUE(images(pages[1]).empty());
}

TEST(TemplateLayout, ALogoThatIsNoLongerThereIsAClearError) {
  Theme theme;
  theme.logo = {"/nonexistent/logo.png", 90};
  const TextMeasurer m(theme.font_family);
  EXPECT_THAT([&] { layout_document(three_sections(theme), m); },
              ::testing::ThrowsMessage<std::runtime_error>(::testing::HasSubstr(
                  "cannot read the logo /nonexistent/logo.png")));
}

TEST(TemplateLayout, EveryTextStaysInsideALandscapePage) {
  const Theme theme = landscape();
  const TextMeasurer m(theme.font_family);
  Document doc = three_sections(theme);
  doc.title = std::string(300, 'x');  // a title longer than the page
  for (const Page& page : layout_document(doc, m))
    for (const cmd::Text* t : texts(page)) {
      EXPECT_GE(t->x, 30 - 1e-6) << t->text;
      EXPECT_LE(t->x + t->width, 841.89 - 30 + 1e-6) << t->text;
      EXPECT_LE(t->baseline, 595.276) << t->text;
    }
}

}  // namespace
}  // namespace vigie::render
