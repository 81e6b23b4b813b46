// Text measured with Pango before anything is drawn, so that the layout
// can align, wrap and fit text exactly as it will be rendered.
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFontMap PangoFontMap;

namespace vigie::render {

struct TextExtent {
  double width = 0;     // advance width of the run
  double height = 0;    // line height
  double baseline = 0;  // from the top of the line to the baseline
};

// Owns the font map of one rendering: the canvases that draw the measured
// text use it too, and its caches are freed with it (the process-wide
// default map would keep them to the end).
class TextMeasurer {
 public:
  // Text in `family` (Pango's list: "DejaVu Sans, Noto Sans").
  explicit TextMeasurer(std::string family = "DejaVu Sans");
  ~TextMeasurer();
  TextMeasurer(const TextMeasurer&) = delete;
  TextMeasurer& operator=(const TextMeasurer&) = delete;

  TextExtent measure(const std::string& text, Font font) const;
  double width(const std::string& text, Font font) const {
    return measure(text, font).width;
  }

  // The lines Pango breaks `text` into within `max_width` (at words, or
  // inside a word longer than a line).
  std::vector<std::string> wrap(const std::string& text, Font font,
                                double max_width) const;

  // `text` itself when it fits in `max_width`, else its longest prefix
  // (whole characters) followed by an ellipsis that does.
  std::string fit(const std::string& text, Font font, double max_width) const;

  PangoFontMap* font_map() const { return font_map_; }
  const std::string& family() const { return family_; }

 private:
  std::string family_;
  PangoFontMap* font_map_;
  PangoContext* context_;
};

}  // namespace vigie::render
