#include "render/renderer.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>
#include <string>

#include "render/cairo_canvas.hpp"
#include "render/layout.hpp"
#include "render/svg_ids.hpp"
#include "render/text_measure.hpp"
#include "render/theme.hpp"

namespace vigie::render {

namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

void draw_page(cairo_surface_t* surface, const Page& page,
               const TextMeasurer& measurer) {
  cairo_t* cr = cairo_create(surface);
  {
    CairoCanvas canvas(cr, measurer.font_map());
    page.replay(canvas);
  }
  cairo_destroy(cr);
}

// Finishes the surface and checks Cairo wrote it all.
void finish(cairo_surface_t* surface, const std::filesystem::path& path) {
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(),
                                         cairo_status_to_string(status)));
  }
}

// The file appears complete under its name or not at all: a reader never
// sees a half-written report.
std::filesystem::path temporary_for(const std::filesystem::path& path) {
  return path.parent_path() / (path.filename().string() + ".part");
}

cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                unsigned int length) {
  static_cast<std::string*>(closure)->append(
      reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Writes `text` at `path` through a temporary file, renamed when complete.
void write_whole(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path partial = temporary_for(path);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      throw std::runtime_error(
          fmt::format("cannot write {}: {}", path.string(),
                      std::generic_category().message(errno)));
    }
  }
  std::filesystem::rename(partial, path);
}

}  // namespace

int render_pdf(const Document& doc, const std::filesystem::path& path) {
  const TextMeasurer measurer;
  const std::vector<Page> pages = layout_document(doc, measurer);
  const std::filesystem::path partial = temporary_for(path);
  {
    Surface surface(cairo_pdf_surface_create(partial.c_str(), theme::kPageWidth,
                                             theme::kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   "Vigie");
    // Cairo would stamp the wall clock: a fixed date keeps the output a
    // function of the Document alone.
    cairo_pdf_surface_set_metadata(
        surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, doc.created.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE,
                                   doc.created.c_str());
    for (const Page& page : pages) {
      draw_page(surface.get(), page, measurer);
      cairo_surface_show_page(surface.get());
    }
    finish(surface.get(), path);
  }
  std::filesystem::rename(partial, path);
  return static_cast<int>(pages.size());
}

std::vector<std::filesystem::path> render_svg_pages(
    const Document& doc, const std::filesystem::path& dir) {
  const TextMeasurer measurer;
  const std::vector<Page> pages = layout_document(doc, measurer);
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> paths;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::filesystem::path path = dir / fmt::format("page-{}.svg", i + 1);
    // Drawn into memory first: Cairo's ids are renumbered before the page
    // is written (svg_ids.hpp).
    std::string svg;
    {
      Surface surface(cairo_svg_surface_create_for_stream(
          append_to_string, &svg, theme::kPageWidth, theme::kPageHeight));
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
      draw_page(surface.get(), pages[i], measurer);
      finish(surface.get(), path);
    }
    write_whole(path, renumber_cairo_ids(svg));
    paths.push_back(path);
  }
  return paths;
}

}  // namespace vigie::render
