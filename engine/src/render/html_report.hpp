// The report as one web page, report.html: the same Document as the PDF
// (cover facts, sections, every block, the data-quality notes), for a
// screen. Self-contained: the style sheet and the script are inline
// (templates/html/, compiled in), the charts inline <svg> drawn by the
// PDF's layout code, so that the page loads nothing from anywhere.
#pragma once

#include <string>

#include "render/document.hpp"

namespace vigie::render {

// A function of the Document alone: the same Document gives the same
// bytes.
std::string render_html(const Document& doc);

}  // namespace vigie::render
