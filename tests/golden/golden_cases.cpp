#include "golden_cases.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "render/renderer.hpp"
#include "render/theme.hpp"

namespace vigie::golden {

using render::PageSetup;
// The default theme's page, which the expectations below are worked out on.
constexpr PageSetup kPage{};

Image crop_page(const Image& page, double dpi, bool with_title, double bottom) {
  namespace theme = render::theme;
  const double scale = dpi / 72;
  const double top =
      kPage.margin_top + (with_title ? 0 : theme::kSectionTitleHeight - 4);
  if (bottom <= 0) bottom = kPage.content_bottom();
  return crop_to_content(page, static_cast<int>(std::floor(top * scale)),
                         static_cast<int>(std::ceil(bottom * scale)),
                         static_cast<int>(std::ceil(4 * scale)));
}

Image render_case(const render::testing::ChartCase& c, double dpi,
                  const std::filesystem::path& scratch) {
  render::Document doc;
  doc.title = "Vigie";
  doc.locale = render::Locale(c.locale, "Europe/Paris");
  doc.sections.push_back(render::Section{c.name, {c.block}});
  const std::filesystem::path dir = scratch / c.name;
  std::filesystem::remove_all(dir);
  const auto pages = render::render_png_pages(doc, dir, dpi);
  // The cover, then the case's section: a chart pushed to a third page
  // would leave a blank picture that matches anything blank.
  if (pages.size() != 2)
    throw std::runtime_error(c.name + ": drawn on " +
                             std::to_string(pages.size() - 1) +
                             " pages, expected one");
  const Image page = read_png(pages.at(1));
  std::filesystem::remove_all(dir);
  return crop_page(page, dpi, false);
}

}  // namespace vigie::golden
