#include "render/text_measure.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "render/pango_text.hpp"

namespace vigie::render {

namespace {

pango::GObjectPtr<PangoLayout> make_layout(PangoContext* context,
                                           const std::string& text, Font font,
                                           const std::string& family) {
  pango::GObjectPtr<PangoLayout> layout(pango_layout_new(context));
  pango::set_text(layout.get(), text, font, family);
  return layout;
}

// U+200B ZERO WIDTH SPACE: a place where a line may break, drawing nothing.
constexpr std::string_view kBreakOpportunity = "\u200b";
// Words longer than this get a break opportunity every kWordPiece
// characters (see with_break_opportunities).
constexpr long kLongWord = 32;
constexpr long kWordPiece = 8;

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Pango breaks a word too long for a line between any two characters, but
// finding each break costs the length of what is left of the word: a
// 100 KB word takes tens of seconds. A break opportunity every few
// characters of a long word keeps every search short (lines end at most
// kWordPiece - 1 characters before the edge); words of ordinary length are
// left alone, so ordinary text wraps exactly as before.
std::string with_break_opportunities(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_blank(text[pos])) {
      out += text[pos++];
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && !is_blank(text[end])) ++end;
    const char* word = text.data() + pos;
    const auto bytes = static_cast<gssize>(end - pos);
    if (g_utf8_strlen(word, bytes) <= kLongWord) {
      out.append(word, end - pos);
    } else {
      long in_piece = 0;
      const char* word_end = word + bytes;
      for (const char* c = word; c < word_end;) {
        // Clamped: a truncated sequence must not step past the word.
        const char* next = std::min<const char*>(g_utf8_next_char(c), word_end);
        if (in_piece == kWordPiece) {
          out += kBreakOpportunity;
          in_piece = 0;
        }
        out.append(c, static_cast<std::size_t>(next - c));
        ++in_piece;
        c = next;
      }
    }
    pos = end;
  }
  return out;
}

void erase_break_opportunities(std::string& line) {
  for (auto at = line.find(kBreakOpportunity); at != std::string::npos;
       at = line.find(kBreakOpportunity, at))
    line.erase(at, kBreakOpportunity.size());
}

}  // namespace

TextMeasurer::TextMeasurer(std::string family)
    : family_(std::move(family)),
      font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_)) {
  pango::configure_context(context_);
}

TextMeasurer::~TextMeasurer() {
  g_object_unref(context_);
  g_object_unref(font_map_);
}

TextExtent TextMeasurer::measure(const std::string& text, Font font) const {
  auto layout = make_layout(context_, text, font, family_);
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
  const std::string breakable = with_break_opportunities(text);
  auto layout = make_layout(context_, breakable, font, family_);
  pango_layout_set_width(layout.get(),
                         static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  std::vector<std::string> lines;
  for (GSList* item = pango_layout_get_lines_readonly(layout.get());
       item != nullptr; item = item->next) {
    const auto* line = static_cast<const PangoLayoutLine*>(item->data);
    std::string part = breakable.substr(static_cast<size_t>(line->start_index),
                                        static_cast<size_t>(line->length));
    erase_break_opportunities(part);
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
