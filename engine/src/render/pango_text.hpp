// The Pango settings shared by the text measurer and the Cairo canvas:
// both must shape a run identically, or measured widths would not match
// the drawn text.
#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include "render/canvas.hpp"

namespace vigie::render::pango {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

// Outline metrics, no hinting: the same layout on every target, so that
// a width measured once holds for PDF and SVG alike.
void configure_context(PangoContext* context);

// Sets the text and the font of `family` at `font.size` points (one point is
// one user unit on every surface the renderer draws on).
void set_text(PangoLayout* layout, const std::string& text, Font font,
              const std::string& family);

}  // namespace vigie::render::pango
