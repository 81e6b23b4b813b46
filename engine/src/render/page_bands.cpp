#include "render/page_bands.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "mustache/mustache.hpp"
#include "render/draw_text.hpp"
#include "render/theme.hpp"

namespace vigie::render {
namespace {

constexpr double kRuleGap = 6;  // between a band's text and its rule

// The band's texts, filled; empty ones stay empty.
struct Filled {
  std::string left, centre, right;
};

Filled fill(const Band& band, const mstch::map& view) {
  const auto one = [&](const std::string& t) {
    return t.empty() ? t : mustache::render(t, view, mustache::Escape::None);
  };
  return {one(band.left), one(band.centre), one(band.right)};
}

// Left, centre and right on one line whose top is `top`. A centre text
// takes the middle third; without one, the left and right texts share
// the line, each cut to half of it only when both do not fit.
void draw_line(Page& page, const RenderContext& ctx, const Filled& texts,
               double top) {
  const Font font{theme::kFooterSize, false};
  const Color colour = ctx.theme.colours.muted;
  const double x = ctx.theme.page.margin_left;
  const double width = ctx.theme.page.content_width();
  const double gap = 12;
  double side = width;  // the room of the left text and of the right one
  if (!texts.centre.empty()) {
    side = (width - 2 * gap) / 3;
    draw_text(page, ctx.text, ctx.text.fit(texts.centre, font, side), font,
              colour, x, top, width, Align::Center);
  } else if (!texts.left.empty() && !texts.right.empty() &&
             ctx.text.width(texts.left, font) +
                     ctx.text.width(texts.right, font) + gap >
                 width) {
    side = (width - gap) / 2;
  }
  if (!texts.left.empty())
    draw_text(page, ctx.text, ctx.text.fit(texts.left, font, side), font,
              colour, x, top, width);
  if (!texts.right.empty())
    draw_text(page, ctx.text, ctx.text.fit(texts.right, font, side), font,
              colour, x, top, width, Align::Right);
}

}  // namespace

void draw_page_bands(Page& page, const Document& doc, const RenderContext& ctx,
                     size_t number, size_t count, bool is_cover) {
  const Theme& theme = ctx.theme;
  const mstch::map view{
      {"title", doc.title},
      {"period", doc.period},
      {"author", doc.author},
      {"generated", doc.generated_at},
      {"confidentiality", theme.confidentiality},
      {"page", fmt::format("{} {} / {}", ctx.words.page, number, count)},
  };
  const Font font{theme::kFooterSize, false};
  const TextExtent extent = ctx.text.measure("Ag", font);
  const double x = theme.page.margin_left;
  const double right = x + theme.page.content_width();
  if (!theme.header.empty() && !is_cover) {
    const Filled texts = fill(theme.header, view);
    const double top = theme.page.header_baseline() - extent.baseline;
    draw_line(page, ctx, texts, top);
    const double rule_y = top + extent.height + kRuleGap / 2;
    page.line(x, rule_y, right, rule_y, theme.colours.rule, 0.5);
  }
  if (!theme.footer.empty()) {
    const Filled texts = fill(theme.footer, view);
    const double top = theme.page.footer_baseline() - extent.baseline;
    page.line(x, top - kRuleGap, right, top - kRuleGap, theme.colours.rule,
              0.5);
    draw_line(page, ctx, texts, top);
  }
}

}  // namespace vigie::render
