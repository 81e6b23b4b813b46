// Canvas drawn with Cairo, onto whatever surface the cairo_t targets (the
// PDF's today; PNG previews later). Text goes through Pango with the
// measurer's settings. The SVG pages have a canvas of their own
// (svg_canvas.hpp): Cairo's SVG surface writes text as glyph outlines.
#pragma once

#include <cairo.h>

#include "render/canvas.hpp"
#include "render/text_measure.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFontMap PangoFontMap;

namespace vigie::render {

class CairoCanvas final : public Canvas {
 public:
  // Text is shaped as `measurer` measured it: its font map and family.
  CairoCanvas(cairo_t* cr, const TextMeasurer& measurer);
  ~CairoCanvas() override;
  CairoCanvas(const CairoCanvas&) = delete;
  CairoCanvas& operator=(const CairoCanvas&) = delete;

  void draw(const cmd::MoveTo& c) override;
  void draw(const cmd::LineTo& c) override;
  void draw(const cmd::Rect& c) override;
  void draw(const cmd::Circle& c) override;
  void draw(const cmd::Fill& c) override;
  void draw(const cmd::Stroke& c) override;
  void draw(const cmd::Text& c) override;
  void draw(const cmd::PushClip& c) override;
  void draw(const cmd::PopClip& c) override;
  void draw(const cmd::Image& c) override;
  void draw(const cmd::BeginTag& c) override;
  void draw(const cmd::EndTag& c) override;

 private:
  cairo_t* cr_;  // not owned
  PangoContext* pango_;
  std::string family_;
};

}  // namespace vigie::render
