// A Document laid out into pages of draw commands, once, for every target.
#pragma once

#include <vector>

#include "render/canvas.hpp"
#include "render/document.hpp"
#include "render/text_measure.hpp"

namespace vigie::render {

// Page 1 is the cover; the sections follow from page 2, their blocks in
// one flow; every page gets its footer "title — page N / M".
std::vector<Page> layout_document(const Document& doc,
                                  const TextMeasurer& measurer);

}  // namespace vigie::render
