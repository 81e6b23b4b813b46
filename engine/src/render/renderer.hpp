// Renders a Document as an A4 PDF (Cairo) and as one SVG a page (written
// directly, text as <text>: svg_canvas.hpp), from the same layout.
#pragma once

#include <filesystem>
#include <vector>

#include "render/document.hpp"

namespace vigie::render {

// Writes the PDF at `path`; returns the number of pages.
int render_pdf(const Document& doc, const std::filesystem::path& path);

// Writes page-1.svg, page-2.svg, ... into `dir`; returns their paths.
std::vector<std::filesystem::path> render_svg_pages(
    const Document& doc, const std::filesystem::path& dir);

}  // namespace vigie::render
