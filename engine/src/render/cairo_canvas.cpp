#include "render/cairo_canvas.hpp"

#include <pango/pangocairo.h>

#include <cstring>
#include <numbers>

#include "render/pango_text.hpp"

namespace vigie::render {

CairoCanvas::CairoCanvas(cairo_t* cr, const TextMeasurer& measurer)
    : cr_(cr),
      pango_(pango_font_map_create_context(measurer.font_map())),
      family_(measurer.family()) {
  pango_cairo_update_context(cr_, pango_);
  pango::configure_context(pango_);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
}

CairoCanvas::~CairoCanvas() { g_object_unref(pango_); }

void CairoCanvas::draw(const cmd::MoveTo& c) { cairo_move_to(cr_, c.x, c.y); }

void CairoCanvas::draw(const cmd::LineTo& c) { cairo_line_to(cr_, c.x, c.y); }

void CairoCanvas::draw(const cmd::Rect& c) {
  cairo_rectangle(cr_, c.x, c.y, c.width, c.height);
}

void CairoCanvas::draw(const cmd::Circle& c) {
  cairo_new_sub_path(cr_);
  cairo_arc(cr_, c.cx, c.cy, c.radius, 0, 2 * std::numbers::pi);
  cairo_close_path(cr_);
}

void CairoCanvas::draw(const cmd::Fill& c) {
  cairo_set_source_rgb(cr_, c.color.r, c.color.g, c.color.b);
  cairo_fill(cr_);
}

void CairoCanvas::draw(const cmd::Stroke& c) {
  cairo_set_source_rgb(cr_, c.color.r, c.color.g, c.color.b);
  cairo_set_line_width(cr_, c.width);
  if (c.dash > 0) {
    cairo_set_dash(cr_, &c.dash, 1, 0);
  } else {
    cairo_set_dash(cr_, nullptr, 0, 0);
  }
  cairo_stroke(cr_);
}

void CairoCanvas::draw(const cmd::Text& c) {
  pango::GObjectPtr<PangoLayout> layout(pango_layout_new(pango_));
  pango::set_text(layout.get(), c.text, c.font, family_);
  const double baseline =
      static_cast<double>(pango_layout_get_baseline(layout.get())) /
      PANGO_SCALE;
  cairo_new_path(cr_);
  cairo_set_source_rgb(cr_, c.color.r, c.color.g, c.color.b);
  cairo_move_to(cr_, c.x, c.baseline - baseline);
  pango_cairo_show_layout(cr_, layout.get());
  cairo_new_path(cr_);
}

void CairoCanvas::draw(const cmd::PushClip& c) {
  cairo_save(cr_);
  cairo_new_path(cr_);
  cairo_rectangle(cr_, c.x, c.y, c.width, c.height);
  cairo_clip(cr_);
}

void CairoCanvas::draw(const cmd::PopClip&) { cairo_restore(cr_); }

namespace {

// Cairo reads a PNG from a stream: here, the bytes in memory.
struct PngBytes {
  const std::string& bytes;
  size_t at = 0;

  static cairo_status_t read(void* closure, unsigned char* data,
                             unsigned int length) {
    auto* self = static_cast<PngBytes*>(closure);
    if (self->bytes.size() - self->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, self->bytes.data() + self->at, length);
    self->at += length;
    return CAIRO_STATUS_SUCCESS;
  }
};

}  // namespace

void CairoCanvas::draw(const cmd::Image& c) {
  if (!c.png) return;
  PngBytes source{*c.png};
  cairo_surface_t* image =
      cairo_image_surface_create_from_png_stream(&PngBytes::read, &source);
  const int width = cairo_image_surface_get_width(image);
  const int height = cairo_image_surface_get_height(image);
  // A PNG that does not decode (checked when the spec was read, so only a
  // file changed since) draws nothing rather than a broken page.
  if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS && width > 0 &&
      height > 0) {
    cairo_save(cr_);
    cairo_new_path(cr_);
    cairo_translate(cr_, c.x, c.y);
    cairo_scale(cr_, c.width / width, c.height / height);
    cairo_set_source_surface(cr_, image, 0, 0);
    cairo_paint(cr_);
    cairo_restore(cr_);
  }
  cairo_surface_destroy(image);
}

// Marked content and an element of the structure tree on a PDF surface
// (Cairo then writes a StructTreeRoot); nothing at all on the others
// (the PNG previews' image surface).
void CairoCanvas::draw(const cmd::BeginTag& c) {
  cairo_tag_begin(cr_, c.name.c_str(), "");
}

void CairoCanvas::draw(const cmd::EndTag& c) {
  cairo_tag_end(cr_, c.name.c_str());
}

}  // namespace vigie::render
