// Renders the sample report to /tmp/render-sample.pdf and its pages to
// PNG, for a reader to look at; checks the pieces exist.
#include <gtest/gtest.h>

#include "pdf_tools.hpp"
#include "render/renderer.hpp"
#include "sample_document.hpp"

namespace vigie::render {
namespace {

TEST(SampleDocument, RendersEveryBlockKindToPdfAndPng) {
  const std::filesystem::path pdf = "/tmp/render-sample.pdf";
  const int pages = render_pdf(testing::sample_document(), pdf);
  ASSERT_GE(pages, 4);
  EXPECT_EQ(testing::pdf_page_count(pdf), pages);
  testing::run("pdftoppm -png -r 50 " + pdf.string() + " /tmp/render-sample");
  // pdftoppm numbers pages with as many digits as the last page needs.
  EXPECT_TRUE(std::filesystem::exists("/tmp/render-sample-1.png") ||
              std::filesystem::exists("/tmp/render-sample-01.png"));
  const std::string text = testing::pdf_text(pdf, 1, pages);
  EXPECT_NE(text.find("Taux d'attrition"), std::string::npos);
  EXPECT_NE(text.find("Chiffre d'affaires par segment"), std::string::npos);
  EXPECT_NE(text.find("Contacts par canal"), std::string::npos);
  EXPECT_NE(text.find("Mars 2026 manque"), std::string::npos);
}

}  // namespace
}  // namespace vigie::render
