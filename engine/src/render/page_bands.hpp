// The header and footer of a page: the theme's Bands (render/theme.hpp),
// three texts each, their {{variables}} filled by mustache.
#pragma once

#include <cstddef>

#include "render/document.hpp"
#include "render/flow.hpp"

namespace vigie::render {

// Page `number` of `count`. The cover has its own title band: it gets the
// footer only.
void draw_page_bands(Page& page, const Document& doc, const RenderContext& ctx,
                     size_t number, size_t count, bool is_cover);

}  // namespace vigie::render
