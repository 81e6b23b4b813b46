#include "render/pango_text.hpp"

#include "secrets/redactor.hpp"

namespace vigie::render::pango {

void configure_context(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  // Grey antialiasing whatever the machine's fontconfig says (subpixel
  // colours on a PNG page would change with the machine).
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
}

void set_text(PangoLayout* layout, const std::string& text, Font font,
              const std::string& family) {
  PangoFontDescription* description = pango_font_description_new();
  pango_font_description_set_family(description, family.c_str());
  pango_font_description_set_weight(
      description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(description,
                                           font.size * PANGO_SCALE);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  // Every text of a report is measured and drawn through here: hiding
  // secrets here keeps them out of the PDF and the SVG pages whatever block
  // they would have reached.
  const std::string shown = secrets::redact(text);
  pango_layout_set_text(layout, shown.c_str(), static_cast<int>(shown.size()));
}

}  // namespace vigie::render::pango
