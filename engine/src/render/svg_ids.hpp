// Cairo's SVG surface names some elements after process-wide serial numbers:
// the page group is <g id="surfaceN"> with N the surface's unique id, and a
// drawn image or sub-surface is "imageN" / "surfaceN" after its own. N counts
// every Cairo surface the process made before (the PDF surfaces drawn on the
// other thread, earlier pages, Pango's own), so two runs of the same report
// gave different bytes. Renumbering these ids in their order of appearance
// makes a page a function of its drawing alone.
#pragma once

#include <string>
#include <string_view>

namespace vigie::render {

// `svg` with every "surface<digits>" and "image<digits>" id, where it is
// defined (id="...") and where it is referred to ("#..."), renumbered 1, 2,
// ... per prefix in order of first appearance. Other text is unchanged.
std::string renumber_cairo_ids(std::string_view svg);

}  // namespace vigie::render
