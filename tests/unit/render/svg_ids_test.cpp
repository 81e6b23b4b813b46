#include <gtest/gtest.h>

#include "render/svg_ids.hpp"

namespace vigie::render {
namespace {

TEST(RenumberCairoIds, RenumbersDefinitionsAndReferencesInOrder) {
  const std::string svg =
      "<g id=\"surface17\">\n"
      "<use xlink:href=\"#surface23\"/><image id=\"image9\"/>\n"
      "<use xlink:href=\"#image9\"/><g id=\"surface23\"/>\n"
      "<use xlink:href=\"#glyph0-1\" x=\"3\"/><path clip-path=\"url(#clip2)\"/>"
      "<rect fill=\"url(#surface17)\"/>\n"
      "</g>\n";
  EXPECT_EQ(renumber_cairo_ids(svg),
            "<g id=\"surface1\">\n"
            "<use xlink:href=\"#surface2\"/><image id=\"image1\"/>\n"
            "<use xlink:href=\"#image1\"/><g id=\"surface2\"/>\n"
            "<use xlink:href=\"#glyph0-1\" x=\"3\"/><path "
            "clip-path=\"url(#clip2)\"/>"
            "<rect fill=\"url(#surface1)\"/>\n"
            "</g>\n");
}

TEST(RenumberCairoIds, LeavesOtherTextAlone) {
  // Not ids: words in attributes, an id with more after the digits.
  const std::string svg =
      "<desc>surface17 image3</desc><g id=\"surface17b\"/>"
      "<g class=\"surface5\"/>";
  EXPECT_EQ(renumber_cairo_ids(svg), svg);
}

}  // namespace
}  // namespace vigie::render
