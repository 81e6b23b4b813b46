// Page 1: the report's title and period on a coloured band, when it was
// generated, the data-quality notes the reader must see first and the
// list of sections with their pages. Tagged (cmd::BeginTag): the title a
// heading (H1), the notes and the contents each under a heading (H2),
// the contents a TOC of an entry (TOCI) a section.
#include "render/blocks.hpp"
#include "render/draw_text.hpp"
#include "render/logo.hpp"

namespace vigie::render {

namespace {

// The title band's share of the page's height (260 pt on A4 portrait),
// and where the title starts in it.
constexpr double kBandShare = 0.31;
constexpr double kTitleShare = 0.46;
constexpr Font kNoteFont{8.5, false};
constexpr double kNotePadding = 8;
constexpr double kAccentWidth = 3;

// Returns the y under the last line drawn.
double draw_wrapped(Page& page, const RenderContext& ctx,
                    const std::string& text, Font font, Color color, double x,
                    double top, double width) {
  for (const std::string& line : ctx.text.wrap(text, font, width)) {
    top += draw_text(page, ctx.text, line, font, color, x, top, width);
  }
  return top;
}

// Returns the y under the notes.
double draw_notes(Page& page, const RenderContext& ctx,
                  const std::vector<std::string>& notes, double top) {
  const double x = ctx.theme.page.margin_left;
  const double width = ctx.theme.page.content_width();
  page.begin_tag("H2");
  top += draw_text(page, ctx.text, ctx.words.notes,
                   Font{theme::kBlockTitleSize, true}, ctx.theme.colours.ink, x,
                   top, width) +
         6;
  page.end_tag();
  const double text_x = x + kAccentWidth + kNotePadding;
  const double text_width = width - kAccentWidth - 2 * kNotePadding;
  const double bullet = ctx.text.width("•  ", kNoteFont);
  std::vector<std::vector<std::string>> wrapped;
  double lines = 0;
  for (const std::string& note : notes) {
    wrapped.push_back(ctx.text.wrap(note, kNoteFont, text_width - bullet));
    lines += static_cast<double>(wrapped.back().size());
  }
  const double line_height = ctx.text.measure("Ag", kNoteFont).height;
  const double gap = 3;
  const double height = lines * line_height +
                        gap * static_cast<double>(notes.size() - 1) +
                        2 * kNotePadding;
  page.fill_rect(x, top, width, height, ctx.theme.colours.note_background);
  page.fill_rect(x, top, kAccentWidth, height, ctx.theme.colours.note_accent);
  double y = top + kNotePadding;
  for (const auto& note_lines : wrapped) {
    page.begin_tag("P");
    const TextExtent mark = ctx.text.measure("•", kNoteFont);
    page.text(text_x, y + mark.baseline, "•", kNoteFont,
              ctx.theme.colours.note_accent, mark.width);
    for (const std::string& line : note_lines) {
      y += draw_text(page, ctx.text, line, kNoteFont, ctx.theme.colours.ink,
                     text_x + bullet, y, text_width - bullet);
    }
    page.end_tag();
    y += gap;
  }
  return top + height;
}

// Section titles with their page numbers, as many as the page holds.
void draw_contents(Page& page, const RenderContext& ctx,
                   const std::vector<Section>& sections,
                   const std::vector<size_t>& section_pages, double top) {
  const double x = ctx.theme.page.margin_left;
  const double width = ctx.theme.page.content_width();
  const double row = 20;
  page.begin_tag("H2");
  top += draw_text(page, ctx.text, ctx.words.contents,
                   Font{theme::kBlockTitleSize, true}, ctx.theme.colours.ink, x,
                   top, width) +
         6;
  page.end_tag();
  page.begin_tag("TOC");
  const Font font{theme::kBodySize, false};
  const Font number_font{theme::kBodySize, true};
  for (size_t i = 0; i < sections.size() && i < section_pages.size(); ++i) {
    if (top + row > ctx.theme.page.content_bottom()) break;
    const std::string number = std::to_string(section_pages[i]);
    const double number_width = ctx.text.width(number, number_font);
    const double middle_offset =
        (row - ctx.text.measure("Ag", font).height) / 2;
    page.begin_tag("TOCI");
    draw_text(page, ctx.text,
              ctx.text.fit(sections[i].title, font, width - number_width - 12),
              font, ctx.theme.colours.ink, x, top + middle_offset, width);
    draw_text(page, ctx.text, number, number_font, ctx.theme.colours.primary, x,
              top + middle_offset, width, Align::Right);
    page.end_tag();
    page.line(x, top + row, x + width, top + row, ctx.theme.colours.rule, 0.5);
    top += row;
  }
  page.end_tag();
}

}  // namespace

void draw_cover(const Document& doc, const std::vector<size_t>& section_pages,
                Page& page, const RenderContext& ctx) {
  const double x = ctx.theme.page.margin_left;
  const double width = ctx.theme.page.content_width();
  const double band_height = ctx.theme.page.height * kBandShare;
  page.fill_rect(0, 0, ctx.theme.page.width, band_height,
                 ctx.theme.colours.primary);
  // The logo at the band's top right, on a white card so that a logo
  // drawn for a light background stays legible on the band.
  if (const auto logo = load_logo(ctx.theme.logo)) {
    const double pad = 6;
    const double right = x + width;
    const double top = ctx.theme.page.margin_top;
    page.fill_rect(right - logo->width - 2 * pad, top - pad,
                   logo->width + 2 * pad, logo->height + 2 * pad,
                   theme::kWhite);
    page.image(right - logo->width - pad, top, logo->width, logo->height,
               logo->png);
  }
  // The document's title, its first heading; the sections' titles are
  // headings of the same level (H1) after it.
  page.begin_tag("H1");
  double y =
      draw_wrapped(page, ctx, doc.title, Font{theme::kCoverTitleSize, true},
                   theme::kWhite, x, band_height * kTitleShare, width);
  page.end_tag();
  page.line(x, y + 10, x + 60, y + 10, theme::kWhite, 2);
  page.begin_tag("P");
  draw_wrapped(page, ctx, doc.period, Font{theme::kCoverSubtitleSize, false},
               ctx.theme.colours.primary_light, x, y + 22, width);
  page.end_tag();

  y = band_height + 24;
  if (!doc.generated_at.empty()) {
    page.begin_tag("P");
    y += draw_text(page, ctx.text,
                   std::string(ctx.words.generated) + " " + doc.generated_at,
                   Font{theme::kBodySize, false}, ctx.theme.colours.muted, x, y,
                   width);
    page.end_tag();
  }
  y += 24;
  if (!doc.notes.empty()) y = draw_notes(page, ctx, doc.notes, y) + 28;
  if (!doc.sections.empty()) {
    draw_contents(page, ctx, doc.sections, section_pages, y);
  }
}

}  // namespace vigie::render
