// The pictures the golden-image tests compare: each chart case
// (tests/unit/render/chart_cases.hpp) drawn alone on a report page by
// render_png_pages, cropped to the chart.
#pragma once

#include <filesystem>

#include "../unit/render/chart_cases.hpp"
#include "golden_image.hpp"

namespace vigie::golden {

// Pixels an inch of the stored pictures: small files, every line and
// letter still there.
inline constexpr double kDpi = 72;

// The case's block as the only block of a report's only section, its page
// (page 2, after the cover) rendered at `dpi` into `scratch` and cropped
// to the block.
Image render_case(const render::testing::ChartCase& c, double dpi,
                  const std::filesystem::path& scratch);

// A page rendered at `dpi` (render_png_pages, pdftoppm), cropped to what
// is drawn between the top margin (or under the section title, unless
// `with_title`) and `bottom` points from the page's top (the footer's
// margin when 0).
Image crop_page(const Image& page, double dpi, bool with_title,
                double bottom = 0);

}  // namespace vigie::golden
