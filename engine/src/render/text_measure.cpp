#include "render/text_measure.hpp"

#include <pango/pangocairo.h>

#include "render/pango_text.hpp"

namespace vigie::render {

namespace {

pango::GObjectPtr<PangoLayout> make_layout(PangoContext* context,
                                           const std::string& text, Font font) {
  pango::GObjectPtr<PangoLayout> layout(pango_layout_new(context));
  pango::set_text(layout.get(), text, font);
  return layout;
}

}  // namespace

TextMeasurer::TextMeasurer()
    : font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_)) {
  pango::configure_context(context_);
}

TextMeasurer::~TextMeasurer() {
  g_object_unref(context_);
  g_object_unref(font_map_);
}

TextExtent TextMeasurer::measure(const std::string& text, Font font) const {
  auto layout = make_layout(context_, text, font);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return TextExtent{
      static_cast<double>(logical.width) / PANGO_SCALE,
      static_cast<double>(logical.height) / PANGO_SCALE,
      static_cast<double>(pango_layout_get_baseline(layout.get())) /
          PANGO_SCALE};
}

std::vector<std::string> TextMeasurer::wrap(const std::string& text, Font font,
                                            double max_width) const {
  auto layout = make_layout(context_, text, font);
  pango_layout_set_width(layout.get(),
                         static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  std::vector<std::string> lines;
  for (GSList* item = pango_layout_get_lines_readonly(layout.get());
       item != nullptr; item = item->next) {
    const auto* line = static_cast<const PangoLayoutLine*>(item->data);
    std::string part = text.substr(static_cast<size_t>(line->start_index),
                                   static_cast<size_t>(line->length));
    // Pango keeps the space a line was broken at, and a hard break's
    // newline, at the end of the line: neither is drawn.
    while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) {
      part.pop_back();
    }
    lines.push_back(std::move(part));
  }
  return lines;
}

std::string TextMeasurer::fit(const std::string& text, Font font,
                              double max_width) const {
  if (width(text, font) <= max_width) return text;
  // Binary search on the number of whole characters kept: Pango's own
  // ellipsizing draws the ellipsis but does not hand back the text, which
  // the canvas needs as a plain run.
  const char* begin = text.c_str();
  long low = 0;
  long high = g_utf8_strlen(begin, static_cast<gssize>(text.size()));
  auto prefix = [&](long chars) {
    const char* end = g_utf8_offset_to_pointer(begin, chars);
    std::string kept(begin, end);
    while (!kept.empty() && kept.back() == ' ') kept.pop_back();
    return kept + "…";
  };
  while (low < high) {
    long mid = (low + high + 1) / 2;
    if (width(prefix(mid), font) <= max_width) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return prefix(low);
}

}  // namespace vigie::render
