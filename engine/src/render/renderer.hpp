// Renders a Document as an A4 PDF (Cairo), as one SVG a page (written
// directly, text as <text>: svg_canvas.hpp) and as one PNG a page (Cairo),
// from the same layout.
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

// Writes page-1.png, page-2.png, ... into `dir`, `dpi` pixels an inch (72:
// a pixel a point), on a white page, drawn by Cairo as the PDF is: the
// previews of the pages, and what the golden-image tests compare.
// Returns their paths.
std::vector<std::filesystem::path> render_png_pages(
    const Document& doc, const std::filesystem::path& dir, double dpi);

}  // namespace vigie::render
