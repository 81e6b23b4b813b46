#include "render/renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <cmath>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "io/file_writer.hpp"
#include "render/cairo_canvas.hpp"
#include "render/layout.hpp"
#include "render/svg_canvas.hpp"
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
    CairoCanvas canvas(cr, measurer);
    page.replay(canvas);
  }
  cairo_destroy(cr);
}

// Begins or ends a structure element on `surface`, outside any page's
// drawing.
void tag_surface(cairo_surface_t* surface, const char* name, bool begin) {
  cairo_t* cr = cairo_create(surface);
  if (begin) {
    cairo_tag_begin(cr, name, "");
  } else {
    cairo_tag_end(cr, name);
  }
  cairo_destroy(cr);
}

// Where Cairo writes the PDF: a FileWriter, so that a failed
// write names the file and the system's reason (Cairo alone would only say
// "error while writing to output stream"). Cairo is C: the callback keeps
// the exception and says CAIRO_STATUS_WRITE_ERROR; finish() rethrows it.
class CairoOutput {
 public:
  explicit CairoOutput(const std::filesystem::path& path) : file_(path) {}

  static cairo_status_t write(void* closure, const unsigned char* data,
                              unsigned int length) {
    auto* self = static_cast<CairoOutput*>(closure);
    if (self->failure_) return CAIRO_STATUS_WRITE_ERROR;
    try {
      self->file_.write(
          std::string_view(reinterpret_cast<const char*>(data), length));
      return CAIRO_STATUS_SUCCESS;
    } catch (...) {
      self->failure_ = std::current_exception();
      return CAIRO_STATUS_WRITE_ERROR;
    }
  }

  // Finishes the surface and checks that all of it reached the disk.
  void finish(cairo_surface_t* surface) {
    cairo_surface_finish(surface);
    close(cairo_surface_status(surface));
  }

  // Checks that what Cairo wrote (ending with `status`) reached the disk.
  void close(cairo_status_t status) {
    if (failure_) std::rethrow_exception(failure_);
    if (status != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(fmt::format("cannot write {}: {}",
                                           file_.path().string(),
                                           cairo_status_to_string(status)));
    file_.close();
  }

 private:
  io::FileWriter file_;
  std::exception_ptr failure_;
};

// The PDF's outline: a bookmark a heading, each under the last heading of
// a higher level, opening its page at the heading.
void add_outline(cairo_surface_t* surface, const std::vector<Page>& pages,
                 double left) {
  std::vector<std::pair<int, int>> parents;  // (level, outline id)
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const Heading& h : pages[p].headings()) {
      while (!parents.empty() && parents.back().first >= h.level)
        parents.pop_back();
      const int parent =
          parents.empty() ? CAIRO_PDF_OUTLINE_ROOT : parents.back().second;
      const std::string link =
          fmt::format("page={} pos=[{} {}]", p + 1, left, h.y);
      parents.emplace_back(
          h.level, cairo_pdf_surface_add_outline(surface, parent,
                                                 h.text.c_str(), link.c_str(),
                                                 CAIRO_PDF_OUTLINE_FLAG_OPEN));
    }
  }
}

}  // namespace

int render_pdf(const Document& doc, const std::filesystem::path& path) {
  const TextMeasurer measurer(doc.theme.font_family);
  const std::vector<Page> pages = layout_document(doc, measurer);
  CairoOutput output(path);
  {
    Surface surface(cairo_pdf_surface_create_for_stream(
        &CairoOutput::write, &output, doc.theme.page.width,
        doc.theme.page.height));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT,
                                   doc.period.c_str());
    if (!doc.author.empty())
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                     doc.author.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                   "Vigie");
    // Cairo would stamp the wall clock: a fixed date keeps the output a
    // function of the Document alone.
    cairo_pdf_surface_set_metadata(
        surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, doc.created.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE,
                                   doc.created.c_str());
    // The structure's one root, as Tagged PDF has it (PDF 1.7, 14.8.4.2):
    // the pages' elements (cmd::BeginTag) are its children, and with it
    // Cairo 1.16 marks the file as tagged (/MarkInfo << /Marked true >>).
    // Cairo's elements belong to the surface: this one, opened before the
    // first page and closed on the last, spans them all.
    tag_surface(surface.get(), "Document", true);
    for (size_t i = 0; i < pages.size(); ++i) {
      draw_page(surface.get(), pages[i], measurer);
      if (i + 1 == pages.size()) tag_surface(surface.get(), "Document", false);
      cairo_surface_show_page(surface.get());
    }
    add_outline(surface.get(), pages, doc.theme.page.margin_left);
    output.finish(surface.get());
  }
  return static_cast<int>(pages.size());
}

std::vector<std::filesystem::path> render_svg_pages(
    const Document& doc, const std::filesystem::path& dir) {
  const TextMeasurer measurer(doc.theme.font_family);
  const std::vector<Page> pages = layout_document(doc, measurer);
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> paths;
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::filesystem::path path = dir / fmt::format("page-{}.svg", i + 1);
    SvgCanvas canvas(doc.theme.page.width, doc.theme.page.height,
                     fmt::format("p{}-", i + 1), doc.theme.font_family);
    pages[i].replay(canvas);
    io::write_file(path, canvas.svg());
    paths.push_back(path);
  }
  return paths;
}

std::vector<std::filesystem::path> render_png_pages(
    const Document& doc, const std::filesystem::path& dir, double dpi) {
  if (!(dpi > 0) || dpi > 1200)
    throw std::invalid_argument(
        fmt::format("a PNG page takes 1 to 1200 dpi, not {}", dpi));
  const TextMeasurer measurer(doc.theme.font_family);
  const std::vector<Page> pages = layout_document(doc, measurer);
  std::filesystem::create_directories(dir);
  const double scale = dpi / 72;
  const int width = static_cast<int>(std::ceil(doc.theme.page.width * scale));
  const int height = static_cast<int>(std::ceil(doc.theme.page.height * scale));
  std::vector<std::filesystem::path> paths;
  for (size_t i = 0; i < pages.size(); ++i) {
    Surface surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    cairo_t* cr = cairo_create(surface.get());
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    {
      CairoCanvas canvas(cr, measurer);
      pages[i].replay(canvas);
    }
    cairo_destroy(cr);
    cairo_surface_flush(surface.get());
    const std::filesystem::path path = dir / fmt::format("page-{}.png", i + 1);
    CairoOutput output(path);
    output.close(cairo_surface_write_to_png_stream(
        surface.get(), &CairoOutput::write, &output));
    paths.push_back(path);
  }
  return paths;
}

}  // namespace vigie::render
