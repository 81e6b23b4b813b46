// A remark in the flow: wrapped text in a tinted box with an accent rule.
#include "render/blocks.hpp"
#include "render/draw_text.hpp"

namespace vigie::render {

namespace {
constexpr Font kNoteFont{8.5, false};
constexpr double kPadding = 8;
constexpr double kAccentWidth = 3;

double text_width(double width) { return width - kAccentWidth - 2 * kPadding; }
}  // namespace

double note_height(const Note& note, const RenderContext& ctx) {
  const auto lines = ctx.text.wrap(note.text, kNoteFont,
                                   text_width(ctx.theme.page.content_width()));
  const double line = ctx.text.measure("Ag", kNoteFont).height;
  return static_cast<double>(lines.size()) * line + 2 * kPadding;
}

void place_note(const Note& note, Flow& flow, const RenderContext& ctx) {
  const double height = note_height(note, ctx);
  flow.ensure(height);
  Page& page = flow.page();
  page.fill_rect(flow.left(), flow.y(), flow.width(), height,
                 ctx.theme.colours.note_background);
  page.fill_rect(flow.left(), flow.y(), kAccentWidth, height,
                 ctx.theme.colours.note_accent);
  const double width = text_width(flow.width());
  double top = flow.y() + kPadding;
  for (const std::string& line : ctx.text.wrap(note.text, kNoteFont, width)) {
    top += draw_text(page, ctx.text, line, kNoteFont, ctx.theme.colours.ink,
                     flow.left() + kAccentWidth + kPadding, top, width);
  }
  flow.advance(height + theme::kBlockGap);
}

}  // namespace vigie::render
