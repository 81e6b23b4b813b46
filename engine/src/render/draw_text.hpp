// Placing a measured run of text in a box: the primitive every block uses.
#pragma once

#include <string>

#include "render/canvas.hpp"
#include "render/text_measure.hpp"

namespace vigie::render {

enum class Align { Left, Center, Right };

// Draws `text` on one line whose top is at `top`, aligned within
// [x, x + width]. Returns the line's height.
inline double draw_text(Page& page, const TextMeasurer& measurer,
                        const std::string& text, Font font, Color color,
                        double x, double top, double width,
                        Align align = Align::Left) {
  const TextExtent extent = measurer.measure(text, font);
  double left = x;
  if (align == Align::Center) left = x + (width - extent.width) / 2;
  if (align == Align::Right) left = x + width - extent.width;
  page.text(left, top + extent.baseline, text, font, color, extent.width);
  return extent.height;
}

}  // namespace vigie::render
