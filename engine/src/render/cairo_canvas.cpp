#include "render/cairo_canvas.hpp"

#include <pango/pangocairo.h>

#include <numbers>

#include "render/pango_text.hpp"

namespace vigie::render {

CairoCanvas::CairoCanvas(cairo_t* cr, PangoFontMap* font_map)
    : cr_(cr), pango_(pango_font_map_create_context(font_map)) {
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
  pango::set_text(layout.get(), c.text, c.font);
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

}  // namespace vigie::render
